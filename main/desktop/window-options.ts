import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Every window Porthole opens: the main window, and a log or shell window per container. */
export type WindowKind = 'main' | 'logs' | 'shell';

/**
 * The one set of webPreferences every window gets (DESIGN.md, Security). The page sees neither
 * Node nor Electron; it talks to main only through the preload's `call` and `subscribe`.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  // A middle click must not open a link in a new window behind the open handler's back.
  disableBlinkFeatures: 'Auxclick',
} as const satisfies WebPreferences;

export const WINDOW_SIZES: Record<
  WindowKind,
  { width: number; height: number; minWidth: number; minHeight: number }
> = {
  main: { width: 1280, height: 800, minWidth: 800, minHeight: 500 },
  logs: { width: 1000, height: 680, minWidth: 480, minHeight: 300 },
  shell: { width: 900, height: 600, minWidth: 400, minHeight: 240 },
};

/** "Porthole", "Logs — web-1", "Shell — web-1". */
export function windowTitle(kind: WindowKind, name?: string): string {
  if (kind === 'main' || !name)
    return kind === 'logs' ? 'Logs' : kind === 'shell' ? 'Shell' : 'Porthole';
  return `${kind === 'logs' ? 'Logs' : 'Shell'} — ${name}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A log or shell window's page names its container once it knows it (document.title); the
 * window takes that title only when it reads as one of ours, so a page can never pass its
 * window off as another.
 */
export function acceptsPageTitle(kind: WindowKind, title: string): boolean {
  if (kind === 'main') return false;
  const prefix = kind === 'logs' ? 'Logs — ' : 'Shell — ';
  return title.startsWith(prefix) && title.length <= prefix.length + 256 && !CONTROL.test(title);
}

export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/** The BrowserWindow options of every window, in one place. */
export function windowOptions(
  kind: WindowKind,
  opts: { preload: string; icon: string; placement?: WindowPlacement; name?: string },
): BrowserWindowConstructorOptions {
  const size = WINDOW_SIZES[kind];
  return {
    ...size,
    ...opts.placement,
    title: windowTitle(kind, opts.name),
    icon: opts.icon,
    // Shown once the page is ready, at its remembered place (no white flash at a default spot).
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: { ...HARDENED_WEB_PREFERENCES, preload: opts.preload },
  };
}

/** A log or shell window asked for by the page: app://porthole/…#/logs/ENGINE/ID[/MODE]. */
export function routeWindow(
  url: string,
  appOrigin: string,
): { kind: 'logs' | 'shell'; route: string; engineId: string; id: string } | undefined {
  if (!url.startsWith(`${appOrigin}/`)) return undefined;
  const m = /^[^#]*#(\/(logs|shell)\/([\w.,-]{1,256})\/([\w.,-]{1,256})(?:\/[\w-]{1,32})?)$/.exec(
    url.slice(appOrigin.length),
  );
  if (!m) return undefined;
  return { kind: m[2] as 'logs' | 'shell', route: m[1]!, engineId: m[3]!, id: m[4]! };
}

/** Only plain web links leave the app for the system browser: no file:, no custom schemes. */
export function isWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
  } catch {
    return false;
  }
}
