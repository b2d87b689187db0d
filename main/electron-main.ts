import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PassThrough, Readable } from 'node:stream';
import { join } from 'node:path';
import {
  BrowserWindow,
  Menu,
  Notification,
  Tray,
  app,
  nativeImage,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import type { PortholeError } from '../contract';
import { DOWNLOAD_PATH } from '../contract/channels';
import { BOOT_WATCHDOG_CSP } from '../contract/boot-watchdog';
import type { SettingsStore } from './settings/store';
import { createCore } from './core';
import type { Router } from './router';
import { parseDownloadRequest, sendDownload, statusFor } from './transport/download';
import { startDesktopFeed } from './desktop/desktop-feed';
import { loadDesktopSettings, updateFeed, type DesktopSettings } from './desktop/desktop-settings';
import { buildMenuTemplate } from './desktop/menu';
import {
  createNotifier,
  exitNotice,
  operationNotice,
  watchOperations,
  type Notice,
} from './desktop/notifications';
import { disableChromiumFeatures } from './desktop/chromium-switches';
import { denyPermissions } from './desktop/permissions';
import { claimSingleInstance, createLinkQueue } from './desktop/single-instance';
import { createBadge } from './desktop/badge';
import { guardQuit, installTray, type TrayContainer } from './desktop/tray';
import { startUpdates } from './desktop/updates';
import { createWindowStateKeeper, loadWindowStates } from './desktop/window-state-store';
import { createWindowManager } from './desktop/windows';
import { createSavePathChooser } from './desktop/save-dialog';
import { APP_ORIGIN, registerIpc } from './ipc';
import { log } from './log';
import { contentType, resolveStatic } from './web/static';

const RENDERER_DIR = join(__dirname, '..', 'renderer');
const CSP = [
  "default-src 'self'",
  `script-src 'self' ${BOOT_WATCHDOG_CSP}`,
  "style-src 'self' 'unsafe-inline'",
  // blob: for the Files tab's inline image previews (object URLs the page made itself).
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

// Before ready: Chromium reads its features once, at start.
disableChromiumFeatures(app.commandLine);

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function serveRenderer(router: Router) {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (`${url.protocol}//${url.host}` !== APP_ORIGIN)
      return new Response('Not found', { status: 404 });
    if (url.pathname === DOWNLOAD_PATH) return download(router, url, request.signal);
    const file =
      resolveStatic(RENDERER_DIR, url.pathname) ?? resolveStatic(RENDERER_DIR, '/index.html');
    if (!file) return new Response('Renderer not built', { status: 404 });
    return new Response(await readFile(file), {
      headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CSP },
    });
  });
}

/** A download stream as the response body (see main/transport/download.ts). */
async function download(router: Router, url: URL, signal: AbortSignal): Promise<Response> {
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const asked = parseDownloadRequest(url);
  if (!asked.ok) return json(400, asked.error);
  const { name, input } = asked;
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  signal.addEventListener('abort', () => body.destroy(), { once: true });
  let failed: PortholeError | undefined;
  const first = new Promise<void>((resolve) => {
    void sendDownload(
      router,
      { connectionId: randomUUID(), signal },
      name,
      input,
      body,
      resolve,
    ).then((r) => {
      if (r.ok) return;
      if (r.started) body.destroy(new Error(r.error.message));
      else failed = r.error;
      resolve();
    });
  });
  await first;
  if (failed) return json(statusFor(failed), failed);
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
}

const ASSETS = join(__dirname, '..', '..', 'assets');
const DOCS_URL = 'https://github.com/porthole-dev/porthole#readme';
const ctx = () => ({ connectionId: 'desktop-shell', signal: new AbortController().signal });

async function startDesktop(
  router: Router,
  stop: () => void,
  settings: DesktopSettings,
  prefs: SettingsStore,
  /** The core's warm(): the first window's data asked for while it loads. */
  warm: () => void,
) {
  const dataDir = app.getPath('userData');
  const states = createWindowStateKeeper({
    dataDir,
    screen,
    initial: await loadWindowStates(dataDir),
    warn: (m) => log.error(m),
  });
  // The running count: the dock's or launcher's badge; on Windows the main window's overlay.
  const badge = createBadge({
    platform: process.platform,
    setBadgeCount: (n) => app.setBadgeCount(n),
    mainWindow: () => BrowserWindow.getAllWindows().find((w) => windows.kindOf(w) === 'main'),
    image: (file) => nativeImage.createFromPath(join(ASSETS, 'overlay', file)),
  });
  // A new main window (the overlay is the window's): once the manager knows its kind.
  app.on('browser-window-created', () => setImmediate(() => badge.refresh()));
  const tray = installTray({
    tray: new Tray(join(ASSETS, 'tray.png')),
    Menu,
    actions: {
      start: (c) => void act('containers.start', c),
      stop: (c) => void act('containers.stop', c),
      openPorthole: () => windows.showMain(),
      quit: () => app.quit(),
    },
    badge: (n) => badge.set(n),
  });
  const windows = createWindowManager({
    create: (options) => new BrowserWindow(options),
    appOrigin: APP_ORIGIN,
    preload: join(__dirname, '..', 'preload', 'index.cjs'),
    icon: join(ASSETS, 'icon.png'),
    states,
    openExternal: (url) => void shell.openExternal(url),
    used: (engineId, id) => tray.used(engineId, id),
    firstWindow: warm,
  });
  async function act(name: 'containers.start' | 'containers.stop', c: TrayContainer) {
    tray.used(c.engineId, c.id);
    const r = await router.call(ctx(), name, { engineId: c.engineId, id: c.id });
    if (!r.ok)
      notify({
        title: `Could not ${name.slice(11)} ${c.name}`,
        body: r.error.message,
        route: '/containers',
      });
  }
  const notify = createNotifier({
    Notification,
    enabled: () => prefs.current().notifications,
    focused: () => BrowserWindow.getFocusedWindow() !== null,
    open: (route) => windows.showMain(route),
  });
  const setMenu = () =>
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          platform: process.platform,
          appName: app.name,
          dev: !app.isPackaged,
          notifications: prefs.current().notifications,
          actions: {
            closeWindow: () =>
              windows.closeFocused(BrowserWindow.getFocusedWindow(), process.platform),
            showContainers: () => windows.showMain('/containers'),
            // One switch: the Settings screen's (settings.json); the menu's checkbox follows it.
            setNotifications: (enabled) => {
              prefs
                .set({ notifications: enabled })
                .catch((err: unknown) => log.error('settings', err));
            },
            openDocs: () => void shell.openExternal(DOCS_URL),
          },
        }),
      ),
    );
  setMenu();
  prefs.onChange(setMenu);
  const feed = startDesktopFeed({
    router,
    update: (list) => tray.update(list),
    exited: (c) => notify(exitNotice(c)),
    warn: (m) => log.error(m),
  });
  guardQuit(
    app,
    () => windows.count('shell'),
    (options) => dialog.showMessageBoxSync(options),
  );
  app.on('will-quit', () => {
    feed.stop();
    tray.destroy();
    void states.flush();
    stop();
  });
  startUpdates(autoUpdater, {
    feed: updateFeed(settings, process.env),
    packaged: app.isPackaged,
    warn: (m) => log.error(m),
  });
  return { windows, notify };
}

const links = createLinkQueue();
const instance = claimSingleInstance(app, {
  argv: process.argv,
  ...(process.defaultApp
    ? { dev: { execPath: process.execPath, script: process.argv[1] ?? '' } }
    : {}),
  show: (route) => links.show(route),
  warn: (m) => log.error(m),
});

if (instance.first) {
  if (instance.route) links.show(instance.route);
  if (process.env.PORTHOLE_DATA_DIR) app.setPath('userData', process.env.PORTHOLE_DATA_DIR);
  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    const core = createCore({
      dataDir,
      safeStorage,
      // Saves (image tars, volume files, logs) go engine → main → the file the user chose.
      chooseSavePath: createSavePathChooser(dialog, {
        // The window Save was clicked in is focused; the first window if focus moved away.
        parentWindow: () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0],
        downloadsDir: () => app.getPath('downloads'),
      }),
    });
    // Finished pulls, pushes, builds and compose ups become notifications (when unfocused).
    // (The notifier exists once the desktop shell does; the router is needed before.)
    const late: { notify?: (notice: Notice | undefined) => void } = {};
    const router = watchOperations(core.router, (name, input, error) =>
      late.notify?.(operationNotice(name, input, error)),
    );
    serveRenderer(router);
    denyPermissions(session.defaultSession, APP_ORIGIN);
    // Registry logins: OS-encrypted with safeStorage (main/credentials/app-store.ts).
    registerIpc(ipcMain, router);
    const desktop = await startDesktop(
      core.router,
      () => core.stop(),
      await loadDesktopSettings(dataDir),
      core.settings,
      () => core.warm(),
    );
    late.notify = desktop.notify;
    // A deep link (this launch's, or a second launch's) opens the main window at its route.
    links.ready((route) => void desktop.windows.showMain(route));
    app.on('activate', () => desktop.windows.showMain());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  process.on('uncaughtException', (err) => log.error('uncaught', err));
}
