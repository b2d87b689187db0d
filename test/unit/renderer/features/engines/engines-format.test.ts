import { describe, expect, it } from 'vitest';
import {
  dockerReclaimable,
  dockerSize,
} from '../../../../../renderer/src/features/dashboard/format';
import { describeFacts, usesTls } from '../../../../../renderer/src/features/engines/format';
import {
  clockTime,
  matches,
  prepend,
  toItem,
  toJsonLines,
  type FeedItem,
} from '../../../../../renderer/src/features/events/feed';

describe('sizes as docker system df prints them', () => {
  it.each([
    [0, '0B'],
    [999, '999B'],
    [1000, '1kB'],
    [12_300, '12.3kB'],
    [1_987_653, '1.988MB'],
    [999_950, '1000kB'],
    [25_275_990_016, '25.28GB'],
  ])('%d → %s', (bytes, text) => expect(dockerSize(bytes)).toBe(text));

  it('adds the truncated percent, except for the build cache', () => {
    expect(dockerReclaimable({ kind: 'images', bytes: 3000, reclaimable: 1000 })).toBe('1kB (33%)');
    expect(dockerReclaimable({ kind: 'volumes', bytes: 0, reclaimable: 0 })).toBe('0B');
    expect(dockerReclaimable({ kind: 'buildCache', bytes: 3000, reclaimable: 1000 })).toBe('1kB');
  });
});

describe('engine facts and addresses', () => {
  it('knows which addresses take TLS files', () => {
    expect(usesTls('tcp://h:2376')).toBe(true);
    expect(usesTls(' https://h')).toBe(true);
    expect(usesTls('ssh://u@h')).toBe(false);
    expect(usesTls('unix:///s.sock')).toBe(false);
  });
  it('describes an engine in one line', () => {
    const f = {
      kind: 'podman' as const,
      version: '4.3.1',
      apiVersion: '1.41',
      os: 'debian',
      arch: 'amd64',
      cpus: 1,
      memory: 2e9,
      rootless: true,
    };
    expect(describeFacts(f)).toBe(
      'Podman 4.3.1 (API 1.41), debian, amd64, 1 CPU, 2.0 GB, rootless',
    );
    expect(describeFacts({ ...f, rootless: false })).toBe(
      'Podman 4.3.1 (API 1.41), debian, amd64, 1 CPU, 2.0 GB, rootful',
    );
    expect(describeFacts({ ...f, kind: 'docker', rootless: false })).toBe(
      'Docker 4.3.1 (API 1.41), debian, amd64, 1 CPU, 2.0 GB',
    );
  });
});

describe('the events feed', () => {
  const engine = { id: 'a', name: 'A' };
  const ev = (seq: number, action: string, name = 'web') =>
    toItem(seq, engine, {
      kind: 'event',
      type: 'container',
      action,
      id: `id${seq}`,
      name,
      timeNano: `${1_700_000_000_000 + seq}000000`,
    });

  it('keeps the newest first and at most the limit', () => {
    let feed: FeedItem[] = [];
    feed = prepend(feed, [ev(1, 'create'), ev(2, 'start')], 3);
    feed = prepend(feed, [ev(3, 'die'), ev(4, 'destroy')], 3);
    expect(feed.map((i) => i.seq)).toEqual([4, 3, 2]);
  });

  it('filters by type, action and name or id', () => {
    const i = ev(1, 'exec_start', 'shop-db');
    expect(matches(i, { type: 'container', action: 'exec', name: 'SHOP' })).toBe(true);
    expect(matches(i, { type: 'image', action: '', name: '' })).toBe(false);
    expect(matches(i, { type: '', action: 'die', name: '' })).toBe(false);
    expect(matches(i, { type: '', action: '', name: 'id1' })).toBe(true);
  });

  it('marks reconnects, and exports JSON lines oldest first', () => {
    const r = toItem(3, engine, { kind: 'reconcile' }, 1_700_000_000_500);
    expect(r).toMatchObject({ kind: 'reconnect', action: 'connected' });
    const lines = toJsonLines([ev(2, 'start'), ev(1, 'create')])
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => l.action)).toEqual(['create', 'start']);
    expect(lines[0]).toMatchObject({
      engine: 'A',
      type: 'container',
      name: 'web',
      time: '2023-11-14T22:13:20.001Z',
    });
    expect(toJsonLines([])).toBe('');
  });

  it('prints local clock time with milliseconds', () => {
    expect(clockTime('1700000000123000000')).toMatch(/^\d\d:\d\d:\d\d\.123$/);
  });
});

describe('dashboard counts', () => {
  it('counts containers by state and images by id', async () => {
    const { countContainers, countImages } =
      await import('../../../../../renderer/src/features/dashboard/counts');
    const c = (state: string) => ({ state }) as Parameters<typeof countContainers>[0][number];
    expect(
      countContainers([c('running'), c('restarting'), c('paused'), c('exited'), c('created')]),
    ).toEqual({
      running: 2,
      paused: 1,
      stopped: 2,
    });
    const i = (id: string, size: number) =>
      ({ id, size }) as Parameters<typeof countImages>[0][number];
    expect(countImages([i('a', 10), i('a', 10), i('b', 5)])).toEqual({ count: 2, bytes: 15 });
  });
});
