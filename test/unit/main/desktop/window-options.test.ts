import { describe, expect, it } from 'vitest';
import {
  acceptsPageTitle,
  HARDENED_WEB_PREFERENCES,
  isWebLink,
  routeWindow,
  windowOptions,
  windowTitle,
  type WindowKind,
} from '../../../../main/desktop/window-options';

const KINDS: WindowKind[] = ['main', 'logs', 'shell'];

describe('BrowserWindow options', () => {
  it('every window gets the hardened set, and its preload', () => {
    for (const kind of KINDS) {
      const o = windowOptions(kind, { preload: '/app/preload.cjs', icon: '/app/icon.png' });
      expect(o.webPreferences, kind).toEqual({
        ...HARDENED_WEB_PREFERENCES,
        preload: '/app/preload.cjs',
      });
      expect(o.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
        allowRunningInsecureContent: false,
      });
      expect(o.show).toBe(false);
    }
  });

  it('a placement cannot weaken the preferences, only place the window', () => {
    const o = windowOptions('logs', {
      preload: 'p',
      icon: 'i',
      placement: { x: 10, y: 20, width: 700, height: 500 },
    });
    expect(o).toMatchObject({ x: 10, y: 20, width: 700, height: 500, minWidth: 480 });
  });

  it('titles: Porthole, Logs — NAME, Shell — NAME', () => {
    expect(windowTitle('main')).toBe('Porthole');
    expect(windowTitle('logs', 'web-1')).toBe('Logs — web-1');
    expect(windowTitle('shell', 'db')).toBe('Shell — db');
    expect(windowOptions('shell', { preload: 'p', icon: 'i', name: 'db' }).title).toBe(
      'Shell — db',
    );
  });

  it('a page may retitle its window only as one of ours', () => {
    expect(acceptsPageTitle('logs', 'Logs — web-1')).toBe(true);
    expect(acceptsPageTitle('logs', 'Shell — web-1')).toBe(false);
    expect(acceptsPageTitle('shell', 'Shell — a\nb')).toBe(false);
    expect(acceptsPageTitle('main', 'Logs — web-1')).toBe(false);
    expect(acceptsPageTitle('logs', `Logs — ${'x'.repeat(300)}`)).toBe(false);
  });

  it('only our own log and shell routes open windows', () => {
    expect(routeWindow('app://porthole/index.html#/logs/local/abc123', 'app://porthole')).toEqual({
      kind: 'logs',
      route: '/logs/local/abc123',
      engineId: 'local',
      id: 'abc123',
    });
    expect(routeWindow('app://porthole/#/shell/local/abc/attach', 'app://porthole')?.kind).toBe(
      'shell',
    );
    expect(routeWindow('app://porthole.evil/#/logs/a/b', 'app://porthole')).toBeUndefined();
    expect(routeWindow('https://x/#/logs/a/b', 'app://porthole')).toBeUndefined();
    expect(routeWindow('app://porthole/#/logs/a/b/../../x', 'app://porthole')).toBeUndefined();
    expect(routeWindow('app://porthole/#/containers', 'app://porthole')).toBeUndefined();
  });

  it('only plain web links go to the browser', () => {
    expect(isWebLink('https://docs.docker.com/')).toBe(true);
    expect(isWebLink('file:///etc/passwd')).toBe(false);
    expect(isWebLink('porthole://run?image=x')).toBe(false);
    expect(isWebLink('https://user:pw@example.com/')).toBe(false);
  });
});
