import { describe, expect, it, vi } from 'vitest';
import {
  createNotifier,
  exitNotice,
  operationNotice,
  watchOperations,
  type NotificationLike,
} from '../../../../main/desktop/notifications';
import type { StreamOut } from '../../../../main/streams/sink';
import type { Router } from '../../../../main/router';

function fakeNotification(supported = true) {
  const shown: { title: string; body: string; click?: () => void }[] = [];
  class N implements NotificationLike {
    entry: { title: string; body: string; click?: () => void };
    constructor(o: { title: string; body: string }) {
      this.entry = { ...o };
    }
    on(_e: 'click', l: () => void) {
      this.entry.click = l;
    }
    show() {
      shown.push(this.entry);
    }
    static isSupported = () => supported;
  }
  return { N, shown };
}

describe('notices', () => {
  it('finished and failed long operations; nothing for others or cancelled ones', () => {
    expect(operationNotice('images.pull', { engineId: 'l', ref: 'nginx:1.27' })).toEqual({
      title: 'Pull nginx:1.27 finished',
      body: 'Done.',
      route: '/images',
    });
    expect(
      operationNotice(
        'images.push',
        { ref: 'r/x:1' },
        { code: 'AUTH_REQUIRED', message: 'denied' },
      ),
    ).toEqual({ title: 'Push r/x:1 failed', body: 'denied', route: '/images' });
    expect(
      operationNotice('compose.run', { job: { op: 'up', spec: { projectName: 'shop' } } })?.title,
    ).toBe('Compose up shop finished');
    expect(
      operationNotice('compose.run', { job: { op: 'down', project: 'shop' } }),
    ).toBeUndefined();
    expect(operationNotice('logs.follow', {})).toBeUndefined();
    expect(
      operationNotice('images.pull', { ref: 'x' }, { code: 'CANCELLED', message: 'x' }),
    ).toBeUndefined();
  });

  it('a non-zero exit opens the container; a clean one is no notice', () => {
    expect(exitNotice({ engineId: 'local', id: 'abc', name: 'job', exitCode: 3 })).toEqual({
      title: 'job exited with code 3',
      body: 'Open its logs to see why.',
      route: '/containers/local/abc',
    });
    expect(exitNotice({ engineId: 'local', id: 'abc', name: 'job', exitCode: 0 })).toBeUndefined();
  });
});

describe('notifier', () => {
  const notice = { title: 't', body: 'b', route: '/images' };

  it('shows when unfocused and switched on; a click opens its screen', () => {
    const { N, shown } = fakeNotification();
    const open = vi.fn();
    const notify = createNotifier({
      Notification: N,
      enabled: () => true,
      focused: () => false,
      open,
    });
    expect(notify(notice)).toBe(true);
    shown[0]!.click!();
    expect(open).toHaveBeenCalledWith('/images');
  });

  it('stays quiet when a window is focused, when switched off, or unsupported', () => {
    for (const [enabled, focused, supported] of [
      [true, true, true],
      [false, false, true],
      [true, false, false],
    ]) {
      const { N, shown } = fakeNotification(supported);
      const notify = createNotifier({
        Notification: N,
        enabled: () => enabled!,
        focused: () => focused!,
        open: vi.fn(),
      });
      expect(notify(notice)).toBe(false);
      expect(shown).toEqual([]);
    }
    const { N } = fakeNotification();
    expect(
      createNotifier({ Notification: N, enabled: () => true, focused: () => false, open: vi.fn() })(
        undefined,
      ),
    ).toBe(false);
  });
});

describe('watchOperations', () => {
  it('reports a long stream’s end, passes everything through, leaves other streams alone', () => {
    const outs: StreamOut[] = [];
    const router: Router = {
      call: vi.fn(async () => ({ ok: true as const, value: 1 })),
      open: (_ctx, _name, _input, out) => {
        outs.push(out);
        return { ok: true, value: { control: vi.fn(), ack: vi.fn(), close: vi.fn() } };
      },
    };
    const finished = vi.fn();
    const watched = watchOperations(router, finished);
    const ctx = { connectionId: 'c', signal: new AbortController().signal };
    const out = { event: vi.fn(), end: vi.fn(), buffered: () => 7 };
    watched.open(ctx, 'images.pull', { ref: 'x' }, out);
    outs[0]!.event({ kind: 'progress' }, 10);
    expect(out.event).toHaveBeenCalledWith({ kind: 'progress' }, 10);
    expect(outs[0]!.buffered()).toBe(7);
    outs[0]!.end();
    expect(finished).toHaveBeenCalledWith('images.pull', { ref: 'x' }, undefined);
    expect(out.end).toHaveBeenCalledWith(undefined);

    watched.open(ctx, 'logs.follow', {}, out);
    expect(outs[1]).toBe(out);
    void watched.call(ctx, 'containers.list', {});
    expect(router.call).toHaveBeenCalledWith(ctx, 'containers.list', {});
  });
});
