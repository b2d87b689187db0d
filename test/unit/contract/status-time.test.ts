import { describe, expect, it } from 'vitest';
import { humanDuration, parseStatusTime, statusAt } from '../../../contract/status-time';

describe('parseStatusTime', () => {
  it('reads the duration of running, exited and restarting texts', () => {
    expect(parseStatusTime('Up 5 minutes')).toEqual({ prefix: 'Up ', seconds: 300, suffix: '' });
    expect(parseStatusTime('Up Less than a second')).toEqual({
      prefix: 'Up ',
      seconds: 0,
      suffix: '',
    });
    expect(parseStatusTime('Up About a minute (healthy)')).toEqual({
      prefix: 'Up ',
      seconds: 60,
      suffix: ' (healthy)',
    });
    expect(parseStatusTime('Up 2 hours (Paused)')?.seconds).toBe(7200);
    expect(parseStatusTime('Exited (137) 3 days ago')).toEqual({
      prefix: 'Exited (137) ',
      seconds: 3 * 86_400,
      suffix: ' ago',
    });
    expect(parseStatusTime('Restarting (1) 1 second ago')?.seconds).toBe(1);
    expect(parseStatusTime('Up About an hour')?.seconds).toBe(3600);
  });

  it('has nothing to say about texts without a duration', () => {
    for (const s of ['Created', 'Dead', 'Removal In Progress', '', 'Up', 'Exited (0)']) {
      expect(parseStatusTime(s)).toBeUndefined();
    }
  });
});

describe('humanDuration (as docker ps words it)', () => {
  it.each([
    [0, 'Less than a second'],
    [0.9, 'Less than a second'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, 'About a minute'],
    [119, 'About a minute'],
    [120, '2 minutes'],
    [3599, '59 minutes'],
    [3600, 'About an hour'],
    [5399, 'About an hour'],
    [5400, '2 hours'],
    [47 * 3600, '47 hours'],
    [48 * 3600, '2 days'],
    [14 * 86_400, '2 weeks'],
    [60 * 86_400, '2 months'],
    [800 * 86_400, '2 years'],
  ])('%s s → %s', (s, text) => expect(humanDuration(s)).toBe(text));
});

describe('statusAt', () => {
  const fetched = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('ticks the status on from its anchor', () => {
    const since = fetched - 0; // "Up Less than a second" at fetch
    expect(statusAt('Up Less than a second', since, fetched)).toBe('Up Less than a second');
    expect(statusAt('Up Less than a second', since, fetched + 70_000)).toBe('Up About a minute');
    expect(statusAt('Up Less than a second', since, fetched + 5 * 60_000)).toBe('Up 5 minutes');
    expect(statusAt('Up 1 second (healthy)', since, fetched + 3 * 3600_000)).toBe(
      'Up 3 hours (healthy)',
    );
    expect(statusAt('Exited (0) 5 seconds ago', fetched - 5000, fetched + 60_000)).toBe(
      'Exited (0) About a minute ago',
    );
  });

  it('keeps texts without an anchor or a duration as they are', () => {
    expect(statusAt('Up 5 minutes', undefined, fetched)).toBe('Up 5 minutes');
    expect(statusAt('Created', fetched, fetched + 1e6)).toBe('Created');
  });

  it('never goes below zero when clocks disagree', () => {
    expect(statusAt('Up 2 seconds', fetched + 10_000, fetched)).toBe('Up Less than a second');
  });
});
