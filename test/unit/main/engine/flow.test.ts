import { describe, expect, it, vi } from 'vitest';
import { FlowGate, HIGH_WATER, LOW_WATER, SessionRegistry } from '../../../../main/engine/flow';
import { PortholeFailure } from '../../../../main/engine/errors';

describe('FlowGate', () => {
  it('pauses above the high watermark and resumes below the low one, once each', () => {
    const pause = vi.fn();
    const resume = vi.fn();
    const g = new FlowGate(pause, resume);
    g.sent(HIGH_WATER);
    expect(pause).not.toHaveBeenCalled();
    g.sent(1);
    expect(pause).toHaveBeenCalledTimes(1);
    g.sent(50_000);
    expect(pause).toHaveBeenCalledTimes(1);
    expect(g.isPaused).toBe(true);
    // Acknowledged down to exactly the low watermark: still paused.
    g.acked(g.pending - LOW_WATER);
    expect(resume).not.toHaveBeenCalled();
    g.acked(1);
    expect(resume).toHaveBeenCalledTimes(1);
    expect(g.isPaused).toBe(false);
  });

  it('never counts below zero (extra acks buy no credit)', () => {
    const pause = vi.fn();
    const g = new FlowGate(pause, vi.fn(), 10, 2);
    g.acked(1_000_000);
    expect(g.pending).toBe(0);
    g.sent(11);
    expect(pause).toHaveBeenCalledTimes(1);
  });

  it('bounds what is in flight to high watermark + one chunk', () => {
    let paused = false;
    const g = new FlowGate(
      () => (paused = true),
      () => (paused = false),
    );
    let maxPending = 0;
    // A producer that sends 64 KB chunks while not paused, a consumer that acks slowly.
    for (let step = 0; step < 1000; step++) {
      if (!paused) g.sent(64 * 1024);
      if (step % 3 === 0) g.acked(16 * 1024);
      maxPending = Math.max(maxPending, g.pending);
    }
    expect(maxPending).toBeLessThanOrEqual(HIGH_WATER + 64 * 1024);
  });
});

describe('SessionRegistry', () => {
  it('finds a session by id and engine only, and forgets it when closed', () => {
    const r = new SessionRegistry();
    const gate = new FlowGate(vi.fn(), vi.fn());
    const s = r.open({ engineId: 'local', gate });
    expect(r.get('local', s.id).gate).toBe(gate);
    expect(() => r.get('other', s.id)).toThrow(PortholeFailure);
    s.close();
    expect(() => r.get('local', s.id)).toThrow(/session has ended/);
    expect(r.size).toBe(0);
  });
});
