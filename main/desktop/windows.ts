import type { BrowserWindowConstructorOptions } from 'electron';
import {
  acceptsPageTitle,
  isWebLink,
  routeWindow,
  windowOptions,
  WINDOW_SIZES,
  type WindowKind,
} from './window-options';
import type { TrackedWindow, WindowStateKeeper } from './window-state-store';

interface PreventableEvent {
  preventDefault(): void;
}

/** The part of a BrowserWindow this uses (a stand-in serves the unit tests). */
export interface WindowLike extends TrackedWindow {
  webContents: {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    on(event: 'will-navigate', listener: (event: PreventableEvent) => void): unknown;
  };
  on(
    event: 'page-title-updated',
    listener: (event: PreventableEvent, title: string) => void,
  ): unknown;
  on(event: 'resize' | 'move' | 'close' | 'closed', listener: () => void): unknown;
  once(event: 'ready-to-show', listener: () => void): unknown;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  close(): void;
  isMinimized(): boolean;
}

export interface WindowManagerDeps<W extends WindowLike> {
  create(options: BrowserWindowConstructorOptions): W;
  appOrigin: string;
  preload: string;
  icon: string;
  states: WindowStateKeeper;
  openExternal(url: string): void;
  /** A log or shell window was opened for this container: the tray's "recently used". */
  used?(engineId: string, id: string): void;
  /** A window is about to load and none is open (the app's start): the core's warm(). */
  firstWindow?(): void;
}

/** What Cmd/Ctrl+W does in a window of this kind: never quit the app from the main window. */
export function closeAction(
  kind: WindowKind | undefined,
  platform: NodeJS.Platform,
): 'close' | 'none' {
  if (kind === 'logs' || kind === 'shell') return 'close';
  // macOS keeps the app (menu bar, dock) when its last window closes; elsewhere that would quit.
  return kind === 'main' && platform === 'darwin' ? 'close' : 'none';
}

/**
 * Every window Porthole opens, made in one place: the same hardened options, the same open,
 * navigation and title rules, each at its remembered place.
 */
export function createWindowManager<W extends WindowLike>(deps: WindowManagerDeps<W>) {
  let main: W | undefined;
  const kinds = new Map<W, WindowKind>();
  /** A container's shell window (ENGINE/ID): its further shells open there, as tabs. */
  const shells = new Map<string, W>();
  const urlOf = (route: string) => `${deps.appOrigin}/index.html#${route}`;

  function open(kind: WindowKind, route: string): W {
    if (kinds.size === 0) deps.firstWindow?.();
    const { placement, maximized } = deps.states.placementFor(kind, WINDOW_SIZES[kind]);
    const win = deps.create(
      windowOptions(kind, { preload: deps.preload, icon: deps.icon, placement }),
    );
    kinds.set(win, kind);
    deps.states.track(win, kind);
    // Our own windows are opened explicitly; links to the web go to the system browser.
    win.webContents.setWindowOpenHandler(({ url }) => {
      const asked = routeWindow(url, deps.appOrigin);
      if (asked) {
        deps.used?.(asked.engineId, asked.id);
        openRoute(asked);
      } else if (isWebLink(url)) deps.openExternal(url);
      return { action: 'deny' };
    });
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.on('page-title-updated', (event, title) => {
      if (!acceptsPageTitle(kind, title)) event.preventDefault();
    });
    win.once('ready-to-show', () => {
      if (maximized) win.maximize();
      win.show();
    });
    win.on('closed', () => {
      kinds.delete(win);
      if (win === main) main = undefined;
      for (const [key, w] of shells) if (w === win) shells.delete(key);
    });
    void win.loadURL(urlOf(route));
    return win;
  }

  function bringForward(win: W) {
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  function openRoute(asked: {
    kind: 'logs' | 'shell';
    route: string;
    engineId: string;
    id: string;
  }) {
    // Attach is one per window; every other shell of a container goes to its shell window.
    const key =
      asked.kind === 'shell' && !asked.route.endsWith('/attach')
        ? `${asked.engineId}/${asked.id}`
        : undefined;
    const existing = key ? shells.get(key) : undefined;
    if (existing) {
      // Same document, another fragment: the window opens a tab, nothing reloads.
      void existing.loadURL(urlOf(asked.route));
      return bringForward(existing);
    }
    const win = open(asked.kind, asked.route);
    if (key) shells.set(key, win);
  }

  return {
    /** The main window, made if there is none, brought forward, at `route` when given. */
    showMain(route?: string): W {
      if (!main) {
        main = open('main', route ?? '/containers');
        return main;
      }
      // Same document, another fragment: the page follows the hash, nothing reloads.
      if (route) void main.loadURL(urlOf(route));
      bringForward(main);
      return main;
    },
    kindOf: (win: W | null | undefined) => (win ? kinds.get(win) : undefined),
    count: (kind: WindowKind) => [...kinds.values()].filter((k) => k === kind).length,
    /** Cmd/Ctrl+W. */
    closeFocused(win: W | null | undefined, platform: NodeJS.Platform) {
      if (win && closeAction(kinds.get(win), platform) === 'close') win.close();
    },
  };
}
export type WindowManager<W extends WindowLike> = ReturnType<typeof createWindowManager<W>>;
