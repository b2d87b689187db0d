import { describe, expect, it } from 'vitest';
import type { ServiceSummary } from '../../../../../contract';
import { converging, nodeSettling } from '../../../../../renderer/src/features/swarm/settling';

describe('nodeSettling: a node whose quorum place changes with no engine event', () => {
  it('a manager not yet (or not known to be) in the quorum', () => {
    expect(nodeSettling({ role: 'manager', status: 'ready' })).toBe(true);
    expect(nodeSettling({ role: 'manager', manager: 'unknown', status: 'ready' })).toBe(true);
  });
  it('a manager up but not reached yet: just promoted, it is unreachable before reachable', () => {
    // CI saw "manager (unreachable)" stay on screen while the CLI said reachable.
    expect(nodeSettling({ role: 'manager', manager: 'unreachable', status: 'ready' })).toBe(true);
  });
  it('a worker that still has a manager status (just demoted)', () => {
    expect(nodeSettling({ role: 'worker', manager: 'reachable', status: 'ready' })).toBe(true);
  });
  it('steady: the leader, a reachable manager, an unreachable one that is down, a plain worker', () => {
    for (const manager of ['leader', 'reachable'])
      expect(nodeSettling({ role: 'manager', manager, status: 'ready' })).toBe(false);
    expect(nodeSettling({ role: 'manager', manager: 'unreachable', status: 'down' })).toBe(false);
    expect(nodeSettling({ role: 'worker', status: 'ready' })).toBe(false);
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
