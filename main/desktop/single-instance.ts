import { DEEP_LINK_SCHEME, deepLinkInArgv, deepLinkRoute } from '../../contract/deep-link';

/** The part of Electron's `app` this uses. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
  on(event: 'second-instance', listener: (event: unknown, argv: string[]) => void): unknown;
  on(
    event: 'open-url',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  quit(): void;
}

export interface InstanceOptions {
  /** This process's argv: a first launch by a link (Windows, Linux) carries it there. */
  argv: readonly string[];
  /**
   * Running unpackaged (`electron dist/main/electron.cjs`, process.defaultApp): the OS must
   * start Electron with the app's script, not the bare Electron binary.
   */
  dev?: { execPath: string; script: string };
  /** Bring the app forward and, for a run link, show its route (`/run?…`). */
  show(route: string | undefined): void;
  warn?(message: string): void;
}

/**
 * One Porthole per user: the protocol is registered, a second launch hands its deep link (argv
 * on Windows and Linux) to the first and quits; macOS delivers links as open-url. Returns false
 * in the second instance (which is quitting), else the route a link in our own argv asks for.
 */
export function claimSingleInstance(
  app: InstanceApp,
  opts: InstanceOptions,
): { first: false } | { first: true; route: string | undefined } {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { first: false };
  }
  const registered = opts.dev
    ? app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, opts.dev.execPath, [opts.dev.script])
    : app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  if (!registered) opts.warn?.(`Could not register ${DEEP_LINK_SCHEME}:// links with the system.`);

  const routeOf = (url: string | undefined) => {
    if (url === undefined) return undefined;
    const route = deepLinkRoute(url);
    if (route === undefined) opts.warn?.('Ignored a porthole:// link that is not a run link.');
    return route;
  };
  app.on('second-instance', (_event, argv) => opts.show(routeOf(deepLinkInArgv(argv))));
  app.on('open-url', (event, url) => {
    event.preventDefault();
    opts.show(routeOf(url));
  });
  return { first: true, route: routeOf(deepLinkInArgv(opts.argv)) };
}

/**
 * Links that arrive before the main window exists (macOS sends open-url before `ready`) wait
 * here; the newest one wins. Once `ready` is given a window opener, links go straight to it.
 */
export function createLinkQueue(first?: string) {
  let pending = first;
  let open: ((route: string | undefined) => void) | undefined;
  return {
    show(route: string | undefined) {
      if (open) open(route);
      else pending = route ?? pending;
    },
    ready(opener: (route: string | undefined) => void) {
      open = opener;
      const route = pending;
      pending = undefined;
      opener(route);
    },
  };
}
