import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pacedRender } from '../../../../../renderer/src/features/logs/pacedRender';

// Frames every 16 ms on the fake clock (Node has no requestAnimationFrame of its own).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  vi.stubGlobal('requestAnimationFrame', (cb: (now: number) => void) =>
    setTimeout(() => cb(performance.now()), 16),
  );
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('pacedRender', () => {
  it('a request after a quiet spell renders at the next frame, once however often asked', () => {
    const run = vi.fn();
    const frame = vi.fn();
    const r = pacedRender(run, frame, 100);
    vi.advanceTimersByTime(1000);
    r.request();
    r.request();
    r.request();
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(17);
    expect(run).toHaveBeenCalledTimes(1);
    expect(frame).toHaveBeenCalledTimes(1);
  });

  it('while batches keep coming: renders 100 ms apart, acknowledgements every frame', () => {
    const run = vi.fn();
    const frame = vi.fn();
    const r = pacedRender(run, frame, 100);
    vi.advanceTimersByTime(1000);
    // A batch every 5 ms for one second.
    for (let t = 0; t < 1000; t += 5) {
      r.request();
      vi.advanceTimersByTime(5);
    }
    vi.advanceTimersByTime(200);
    // One a frame would be ~60; paced, 10 or 11 (the first at once, then every 100 ms).
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(run.mock.calls.length).toBeLessThanOrEqual(12);
    expect(frame.mock.calls.length).toBeGreaterThan(50);
  });

  it('where frames do not come, runs after 100 ms; cancel stops what was asked', () => {
    const run = vi.fn();
    const r = pacedRender(run, () => undefined, 100);
    vi.stubGlobal('requestAnimationFrame', () => 1);
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    r.request();
    vi.advanceTimersByTime(99);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
    r.request();
    r.cancel();
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
