import { describe, expect, it } from 'vitest';
import type { ServiceSummary } from '../../../../../contract';
import { converging, nodeSettling } from '../../../../../renderer/src/features/swarm/settling';

describe('nodeSettling: a node whose quorum place changes with no engine event', () => {
  it('a manager not yet (or not known to be) in the quorum', () => {
    expect(nodeSettling({ role: 'manager' })).toBe(true);
    expect(nodeSettling({ role: 'manager', manager: 'unknown' })).toBe(true);
  });
  it('a worker that still has a manager status (just demoted)', () => {
    expect(nodeSettling({ role: 'worker', manager: 'reachable' })).toBe(true);
  });
  it('steady: the leader, a reachable or unreachable manager, a plain worker', () => {
    for (const manager of ['leader', 'reachable', 'unreachable'])
      expect(nodeSettling({ role: 'manager', manager })).toBe(false);
    expect(nodeSettling({ role: 'worker' })).toBe(false);
  });
});

describe('converging: a service whose counts are still moving', () => {
  const s = (over: Partial<ServiceSummary>) =>
    ({ running: 2, desired: 2, ...over }) as ServiceSummary;
  it('running ≠ desired, or an update or rollback under way', () => {
    expect(converging(s({ running: 1 }))).toBe(true);
    expect(converging(s({ update: { state: 'updating', message: '' } }))).toBe(true);
    expect(converging(s({ update: { state: 'rollback_started', message: '' } }))).toBe(true);
  });
  it('steady once every task runs and any update is over (or paused)', () => {
    expect(converging(s({}))).toBe(false);
    expect(converging(s({ update: { state: 'completed', message: '' } }))).toBe(false);
    expect(converging(s({ update: { state: 'paused', message: 'update paused' } }))).toBe(false);
  });
});
