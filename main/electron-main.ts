import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BrowserWindow, app, protocol, safeStorage, shell } from 'electron';
import { createCore } from './app';
import { setSafeStorage } from './credentials/app-store';
import { APP_ORIGIN, registerIpc } from './ipc';
import { log } from './log';
import { contentType, resolveStatic } from './web/static';

const RENDERER_DIR = join(__dirname, '..', 'renderer');
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function serveRenderer() {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.origin !== APP_ORIGIN) return new Response('Not found', { status: 404 });
    const file =
      resolveStatic(RENDERER_DIR, url.pathname) ?? resolveStatic(RENDERER_DIR, '/index.html');
    if (!file) return new Response('Renderer not built', { status: 404 });
    return new Response(await readFile(file), {
      headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': CSP },
    });
  });
}

export function createWindow(hash = '/containers'): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Porthole',
    icon: join(__dirname, '..', '..', 'assets', 'icon.png'),
    webPreferences: {
      preload: join(__dirname, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // Our own windows are opened explicitly; links to the web go to the system browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    // Log and shell windows (window.open('#/logs/…') in the renderer) get a window of their own.
    const route =
      /^app:\/\/porthole\/[^#]*#(\/(?:logs|shell)\/[\w.,-]+\/[\w.,-]+(?:\/[\w-]+)?)$/.exec(url);
    if (route) {
      createWindow(route[1]);
      return { action: 'deny' };
    }
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  void win.loadURL(`${APP_ORIGIN}/index.html#${hash}`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  if (process.env.PORTHOLE_DATA_DIR) app.setPath('userData', process.env.PORTHOLE_DATA_DIR);
  void app.whenReady().then(() => {
    serveRenderer();
    setSafeStorage(safeStorage); // registry logins: OS-encrypted (main/credentials/app-store.ts)
    const { engines, router } = createCore();
    registerIpc(router);
    createWindow();
    app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
    app.on('before-quit', () => engines.stop());
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  process.on('uncaughtException', (err) => log.error('uncaught', err));
}
