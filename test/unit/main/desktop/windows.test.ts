import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { HARDENED_WEB_PREFERENCES } from '../../../../main/desktop/window-options';
import type { WindowStateKeeper } from '../../../../main/desktop/window-state-store';
import {
  closeAction,
  createWindowManager,
  type WindowLike,
} from '../../../../main/desktop/windows';

type Listener = (...args: never[]) => void;

/** A BrowserWindow stand-in: records what was asked of it; tests fire its events. */
class FakeWindow implements WindowLike {
  listeners = new Map<string, Listener>();
  urls: string[] = [];
  openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
  navigate: Listener | undefined;
  closed = false;
  shown = false;
  maximized = false;
  minimized = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {}
  webContents = {
    setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) =>
      void (this.openHandler = h),
    on: (_e: 'will-navigate', l: Listener) => void (this.navigate = l),
  };
  on(event: string, l: Listener) {
    this.listeners.set(event, l);
  }
  once(event: string, l: Listener) {
    this.listeners.set(event, l);
  }
  fire(event: string, ...args: unknown[]) {
    (this.listeners.get(event) as ((...a: unknown[]) => void) | undefined)?.(...args);
  }
  loadURL = async (url: string) => void this.urls.push(url);
  show = () => void (this.shown = true);
  focus = vi.fn();
  restore = () => void (this.minimized = false);
  maximize = () => void (this.maximized = true);
  close = () => {
    this.closed = true;
    this.fire('closed');
  };
  isMinimized = () => this.minimized;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1, height: 1 });
  isMaximized = () => this.maximized;
}

function setup() {
  const made: FakeWindow[] = [];
  const states: WindowStateKeeper = {
    placementFor: (kind) => ({
      placement: { x: 5, y: 6, width: kind === 'main' ? 1000 : 700, height: 500 },
      maximized: kind === 'main',
    }),
    track: vi.fn(),
    flush: async () => undefined,
  };
  const openExternal = vi.fn();
  const used = vi.fn();
  const firstWindow = vi.fn();
  const windows = createWindowManager({
    create: (o) => {
      const w = new FakeWindow(o);
      made.push(w);
      return w;
    },
    appOrigin: 'app://porthole',
    preload: '/p.cjs',
    icon: '/i.png',
    states,
    openExternal,
    used,
    firstWindow,
  });
  return { made, windows, states, openExternal, used, firstWindow };
}

describe('window manager', () => {
  it('opens the main window hardened, at its remembered place, shown when ready', () => {
    const { made, windows, states } = setup();
    const main = windows.showMain();
    expect(made).toEqual([main]);
    expect(main.options).toMatchObject({
      x: 5,
      y: 6,
      width: 1000,
      height: 500,
      show: false,
      title: 'Porthole',
    });
    expect(main.options.webPreferences).toEqual({ ...HARDENED_WEB_PREFERENCES, preload: '/p.cjs' });
    expect(main.urls).toEqual(['app://porthole/index.html#/containers']);
    expect(states.track).toHaveBeenCalledWith(main, 'main');
    main.fire('ready-to-show');
    expect(main.shown && main.maximized).toBe(true);
  });

  it('a deep link goes to the existing main window, brought forward; no second window', () => {
    const { made, windows } = setup();
    const main = windows.showMain();
    main.minimized = true;
    windows.showMain('/run?image=busybox');
    expect(made).toHaveLength(1);
    expect(main.urls.at(-1)).toBe('app://porthole/index.html#/run?image=busybox');
    expect(main.minimized).toBe(false);
    expect(main.focus).toHaveBeenCalled();
  });

  it('log and shell windows are their own windows; everything else is denied', () => {
    const { made, windows, openExternal, used } = setup();
    const main = windows.showMain();
    expect(main.openHandler!({ url: 'app://porthole/index.html#/logs/local/abc' })).toEqual({
      action: 'deny',
    });
    expect(main.openHandler!({ url: 'app://porthole/index.html#/shell/local/abc' })).toEqual({
      action: 'deny',
    });
    const [, logs, shell] = made;
    expect(logs!.urls).toEqual(['app://porthole/index.html#/logs/local/abc']);
    expect(logs!.options).toMatchObject({ title: 'Logs', width: 700 });
    expect(shell!.options.webPreferences).toEqual({
      ...HARDENED_WEB_PREFERENCES,
      preload: '/p.cjs',
    });
    expect(used).toHaveBeenCalledWith('local', 'abc');
    expect(windows.count('shell')).toBe(1);

    main.openHandler!({ url: 'https://docs.docker.com/' });
    main.openHandler!({ url: 'file:///etc/passwd' });
    expect(openExternal.mock.calls).toEqual([['https://docs.docker.com/']]);
    expect(made).toHaveLength(3);

    const nav = { preventDefault: vi.fn() };
    (main.navigate as (e: typeof nav) => void)(nav);
    expect(nav.preventDefault).toHaveBeenCalled();
  });

  it("a container's further shells go to its shell window, as a new fragment; attach does not", () => {
    const { made, windows } = setup();
    const main = windows.showMain();
    main.openHandler!({ url: 'app://porthole/index.html#/shell/local/abc/tab-1' });
    const shell = made[1]!;
    shell.minimized = true;
    main.openHandler!({ url: 'app://porthole/index.html#/shell/local/abc/tab-2' });
    expect(made).toHaveLength(2);
    expect(shell.urls).toEqual([
      'app://porthole/index.html#/shell/local/abc/tab-1',
      'app://porthole/index.html#/shell/local/abc/tab-2',
    ]);
    expect(shell.minimized).toBe(false);
    expect(shell.focus).toHaveBeenCalled();
    // Another container, or attach: windows of their own.
    main.openHandler!({ url: 'app://porthole/index.html#/shell/local/other/tab-3' });
    main.openHandler!({ url: 'app://porthole/index.html#/shell/local/abc/attach' });
    expect(made).toHaveLength(4);
    // Closed, the next shell of that container gets a new window.
    shell.close();
    main.openHandler!({ url: 'app://porthole/index.html#/shell/local/abc/tab-4' });
    expect(made).toHaveLength(5);
    expect(made[4]!.urls).toEqual(['app://porthole/index.html#/shell/local/abc/tab-4']);
  });

  it('a page names its log window, and cannot call it anything else', () => {
    const { made, windows } = setup();
    windows.showMain().openHandler!({ url: 'app://porthole/#/logs/local/abc' });
    const logs = made[1]!;
    const ok = { preventDefault: vi.fn() };
    logs.fire('page-title-updated', ok, 'Logs — web-1');
    expect(ok.preventDefault).not.toHaveBeenCalled();
    const bad = { preventDefault: vi.fn() };
    logs.fire('page-title-updated', bad, 'Porthole — enter your password');
    expect(bad.preventDefault).toHaveBeenCalled();
  });

  it('Cmd/Ctrl+W closes a log or shell window, never the app', () => {
    const { made, windows } = setup();
    const main = windows.showMain();
    main.openHandler!({ url: 'app://porthole/#/shell/local/abc' });
    const shell = made[1]!;
    windows.closeFocused(shell, 'linux');
    expect(shell.closed).toBe(true);
    expect(windows.count('shell')).toBe(0);
    windows.closeFocused(main, 'linux');
    windows.closeFocused(main, 'win32');
    expect(main.closed).toBe(false);
    windows.closeFocused(null, 'linux');
    expect(closeAction('main', 'darwin')).toBe('close');
    expect(closeAction('logs', 'win32')).toBe('close');
    expect(closeAction(undefined, 'darwin')).toBe('none');
  });

  it("warms the core only for a window opened while none is (the app's start)", () => {
    const { windows, firstWindow, made } = setup();
    const main = windows.showMain();
    expect(firstWindow).toHaveBeenCalledTimes(1);
    // A log window next to it, the main window again: the app is running, nothing to warm.
    main.openHandler!({ url: 'app://porthole/index.html#/logs/local/abc' });
    windows.showMain('/images');
    expect(made).toHaveLength(2);
    expect(firstWindow).toHaveBeenCalledTimes(1);
    // Every window closed (macOS keeps the app): the next one is a start again.
    for (const w of made) w.close();
    windows.showMain();
    expect(firstWindow).toHaveBeenCalledTimes(2);
  });

  it('after the main window closes, the next one is new', () => {
    const { made, windows } = setup();
    windows.showMain().close();
    windows.showMain('/run?image=x');
    expect(made).toHaveLength(2);
    expect(made[1]!.urls).toEqual(['app://porthole/index.html#/run?image=x']);
  });
});
