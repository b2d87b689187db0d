import { describe, expect, it, vi } from 'vitest';
import {
  claimSingleInstance,
  createLinkQueue,
  type InstanceApp,
} from '../../../../main/desktop/single-instance';

function fakeApp(locked = true) {
  const listeners = new Map<string, (...a: never[]) => void>();
  const app = {
    requestSingleInstanceLock: vi.fn(() => locked),
    setAsDefaultProtocolClient: vi.fn(() => true),
    on: vi.fn((event: string, l: (...a: never[]) => void) => void listeners.set(event, l)),
    quit: vi.fn(),
  };
  const fire = (event: string, ...args: unknown[]) =>
    (listeners.get(event) as (...a: unknown[]) => void)(...args);
  return { app: app as InstanceApp & typeof app, fire };
}

describe('single instance and porthole:// links', () => {
  it('a second launch quits at once and registers nothing', () => {
    const { app } = fakeApp(false);
    expect(claimSingleInstance(app, { argv: [], show: vi.fn() })).toEqual({ first: false });
    expect(app.quit).toHaveBeenCalled();
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });

  it('the first registers the protocol (with the script when unpackaged)', () => {
    const { app } = fakeApp();
    claimSingleInstance(app, { argv: [], show: vi.fn() });
    expect(app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('porthole');
    const dev = fakeApp();
    claimSingleInstance(dev.app, {
      argv: [],
      dev: { execPath: '/electron', script: '/app/dist/main/electron.cjs' },
      show: vi.fn(),
    });
    expect(dev.app.setAsDefaultProtocolClient).toHaveBeenLastCalledWith('porthole', '/electron', [
      '/app/dist/main/electron.cjs',
    ]);
  });

  it('a link in the first launch’s own argv is its route', () => {
    const { app } = fakeApp();
    expect(
      claimSingleInstance(app, {
        argv: ['/porthole', 'porthole://run?image=busybox'],
        show: vi.fn(),
      }),
    ).toEqual({ first: true, route: '/run?image=busybox' });
  });

  it('a second launch’s link (argv) and macOS open-url reach the first instance', () => {
    const { app, fire } = fakeApp();
    const show = vi.fn();
    claimSingleInstance(app, { argv: [], show });
    fire('second-instance', {}, [
      '/porthole',
      '--x',
      'porthole://run?image=nginx%3A1.27&port=8080:80',
    ]);
    expect(show).toHaveBeenLastCalledWith('/run?image=nginx%3A1.27&port=8080%3A80');
    fire('second-instance', {}, ['/porthole']);
    expect(show).toHaveBeenLastCalledWith(undefined); // just focus
    const event = { preventDefault: vi.fn() };
    fire('open-url', event, 'porthole://run?image=busybox');
    expect(event.preventDefault).toHaveBeenCalled();
    expect(show).toHaveBeenLastCalledWith('/run?image=busybox');
  });

  it('a hostile link reaches the page only to be refused there; a foreign one is ignored', () => {
    const { app, fire } = fakeApp();
    const show = vi.fn();
    const warn = vi.fn();
    claimSingleInstance(app, { argv: [], show, warn });
    fire('second-instance', {}, ['/porthole', 'porthole://run?image=a%3Brm']);
    expect(show).toHaveBeenLastCalledWith('/run?image=a%3Brm');
    fire('open-url', { preventDefault: vi.fn() }, 'porthole://exec?cmd=rm');
    expect(show).toHaveBeenLastCalledWith(undefined);
    expect(warn).toHaveBeenCalledWith('Ignored a porthole:// link that is not a run link.');
  });

  it('links before the window exists wait for it; the newest wins', () => {
    const q = createLinkQueue();
    q.show('/run?image=a');
    q.show('/run?image=b');
    q.show(undefined);
    const open = vi.fn();
    q.ready(open);
    expect(open).toHaveBeenCalledWith('/run?image=b');
    q.show('/run?image=c');
    expect(open).toHaveBeenLastCalledWith('/run?image=c');
  });
});
