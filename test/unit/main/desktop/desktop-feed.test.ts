import { describe, expect, it, vi } from 'vitest';
import { exitCodeOf, startDesktopFeed } from '../../../../main/desktop/desktop-feed';
import type { Router } from '../../../../main/router';
import type { StreamOut } from '../../../../main/streams/sink';

const summary = (id: string, state: string, status: string) => ({
  id,
  name: `n-${id}`,
  state,
  status,
});

function fakeRouter(lists: unknown[][]) {
  const events: StreamOut[] = [];
  const calls: string[] = [];
  const router: Router = {
    call: async (_ctx, name) => {
      calls.push(String(name));
      if (name === 'engines.list') return { ok: true, value: [{ id: 'local' }] };
      return { ok: true, value: lists.length > 1 ? lists.shift() : lists[0] };
    },
    open: (_ctx, _name, _input, out) => {
      events.push(out);
      return { ok: true, value: { control: vi.fn(), ack: vi.fn(), close: vi.fn() } };
    },
  };
  return { router, events, calls };
}

describe('desktop feed', () => {
  it('reads exit codes from the list status', () => {
    expect(exitCodeOf('Exited (137) 2 seconds ago')).toBe(137);
    expect(exitCodeOf('Exited (0) 1 minute ago')).toBe(0);
    expect(exitCodeOf('Up 3 minutes')).toBeUndefined();
  });

  it('feeds the tray from the list and follows container events', async () => {
    const { router, events } = fakeRouter([
      [summary('a', 'running', 'Up 1 minute')],
      [summary('a', 'running', 'Up 1 minute'), summary('b', 'running', 'Up 1 second')],
    ]);
    const update = vi.fn();
    const feed = startDesktopFeed({ router, update, exited: vi.fn(), warn: vi.fn() });
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0]![0]).toEqual([
      { engineId: 'local', id: 'a', name: 'n-a', state: 'running' },
    ]);
    events[0]!.event(
      { kind: 'event', type: 'container', action: 'start', id: 'b', timeNano: '1' },
      0,
    );
    await vi.waitFor(() => expect(update).toHaveBeenCalledTimes(2));
    expect(update.mock.calls[1]![0]).toHaveLength(2);
    events[0]!.event({ kind: 'event', type: 'image', action: 'pull', id: 'x', timeNano: '2' }, 0);
    feed.stop();
  });

  it('a die is looked for until the list says exited, then reported with its code', async () => {
    const { router, events } = fakeRouter([
      [summary('a', 'running', 'Up 1 minute')],
      // dockerd sent `die` before the list caught up…
      [summary('a', 'running', 'Up 1 minute')],
      [summary('a', 'exited', 'Exited (3) 1 second ago')],
    ]);
    const exited = vi.fn();
    const waits: number[] = [];
    startDesktopFeed({
      router,
      update: vi.fn(),
      exited,
      warn: vi.fn(),
      wait: async (ms) => void waits.push(ms),
    });
    await vi.waitFor(() => expect(events).toHaveLength(1));
    events[0]!.event(
      { kind: 'event', type: 'container', action: 'die', id: 'a', timeNano: '1' },
      0,
    );
    await vi.waitFor(() => expect(exited).toHaveBeenCalled());
    expect(exited).toHaveBeenCalledWith({ engineId: 'local', id: 'a', name: 'n-a', exitCode: 3 });
    expect(waits).toEqual([500]);
  });
});
