import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../../contract';
import {
  formatPort,
  isRunning,
  matchesFilter,
  relativeTime,
  visibleContainers,
} from '../../../../../renderer/src/features/containers/format';

function container(overrides: Partial<ContainerSummary>): ContainerSummary {
  return {
    id: 'id',
    name: 'name',
    image: 'busybox',
    command: 'sh',
    created: 0,
    state: 'running',
    status: 'Up',
    ports: [],
    labels: {},
    composeProject: null,
    composeService: null,
    anonymousVolumes: 0,
    ...overrides,
  };
}

describe('formatPort', () => {
  it('shows published ports as ip:public→private/type', () => {
    expect(formatPort({ ip: '127.0.0.1', publicPort: 8080, privatePort: 80, type: 'tcp' })).toBe(
      '127.0.0.1:8080→80/tcp',
    );
  });

  it('defaults the ip to 0.0.0.0', () => {
    expect(formatPort({ publicPort: 5353, privatePort: 53, type: 'udp' })).toBe(
      '0.0.0.0:5353→53/udp',
    );
  });

  it('shows unpublished ports as private/type', () => {
    expect(formatPort({ privatePort: 6379, type: 'tcp' })).toBe('6379/tcp');
  });
});

describe('relativeTime', () => {
  const now = Date.UTC(2024, 0, 15, 12, 0, 0);
  const nowSecs = now / 1000;

  it('says "just now" under a minute, and for future times', () => {
    expect(relativeTime(nowSecs, now)).toBe('just now');
    expect(relativeTime(nowSecs - 59, now)).toBe('just now');
    expect(relativeTime(nowSecs + 300, now)).toBe('just now');
  });

  it('counts minutes', () => {
    expect(relativeTime(nowSecs - 60, now)).toBe('1 minute ago');
    expect(relativeTime(nowSecs - 3 * 60 - 20, now)).toBe('3 minutes ago');
  });

  it('counts hours', () => {
    expect(relativeTime(nowSecs - 3600, now)).toBe('1 hour ago');
    expect(relativeTime(nowSecs - 5 * 3600 - 59 * 60, now)).toBe('5 hours ago');
  });

  it('counts days, weeks, months and years', () => {
    expect(relativeTime(nowSecs - 2 * 86400, now)).toBe('2 days ago');
    expect(relativeTime(nowSecs - 14 * 86400, now)).toBe('2 weeks ago');
    expect(relativeTime(nowSecs - 60 * 86400, now)).toBe('2 months ago');
    expect(relativeTime(nowSecs - 400 * 86400, now)).toBe('1 year ago');
  });
});

describe('isRunning', () => {
  it('is true for running and restarting only', () => {
    expect(isRunning(container({ state: 'running' }))).toBe(true);
    expect(isRunning(container({ state: 'restarting' }))).toBe(true);
    expect(isRunning(container({ state: 'paused' }))).toBe(false);
    expect(isRunning(container({ state: 'exited' }))).toBe(false);
  });
});

describe('matchesFilter', () => {
  const c = container({
    name: 'shop-web-1',
    image: 'nginx:1.27',
    composeProject: 'Storefront',
    ports: [{ ip: '0.0.0.0', publicPort: 8080, privatePort: 80, type: 'tcp' }],
  });

  it('matches everything on an empty or blank filter', () => {
    expect(matchesFilter(c, '')).toBe(true);
    expect(matchesFilter(c, '   ')).toBe(true);
  });

  it('matches name, image, compose project and port text', () => {
    expect(matchesFilter(c, 'web')).toBe(true);
    expect(matchesFilter(c, 'nginx')).toBe(true);
    expect(matchesFilter(c, 'storefront')).toBe(true);
    expect(matchesFilter(c, '8080')).toBe(true);
    expect(matchesFilter(c, '80/tcp')).toBe(true);
  });

  it('matches a Podman container’s pod', () => {
    expect(matchesFilter({ ...c, pod: 'payments-pod' }, 'payments')).toBe(true);
    expect(matchesFilter(c, 'payments')).toBe(false);
  });

  it('is case-insensitive and trims the filter', () => {
    expect(matchesFilter(c, 'SHOP-WEB')).toBe(true);
    expect(matchesFilter(c, '  NGINX  ')).toBe(true);
  });

  it('rejects what is not there', () => {
    expect(matchesFilter(c, 'postgres')).toBe(false);
    expect(matchesFilter(c, '5432')).toBe(false);
    expect(matchesFilter(container({ name: 'a', image: 'b' }), 'null')).toBe(false);
  });
});

describe('visibleContainers', () => {
  const list = [
    container({ id: '1', name: 'zeta', state: 'running' }),
    container({ id: '2', name: 'alpha', state: 'exited' }),
    container({ id: '3', name: 'mike', state: 'paused' }),
    container({ id: '4', name: 'bravo', state: 'restarting' }),
    container({ id: '5', name: 'echo', state: 'created' }),
    container({ id: '6', name: 'delta', state: 'dead' }),
  ];

  it('without stopped ones keeps running, paused and restarting, sorted by name', () => {
    expect(visibleContainers(list, '', false).map((c) => c.name)).toEqual([
      'bravo',
      'mike',
      'zeta',
    ]);
  });

  it('with stopped ones keeps everything, sorted by name', () => {
    expect(visibleContainers(list, '', true).map((c) => c.name)).toEqual([
      'alpha',
      'bravo',
      'delta',
      'echo',
      'mike',
      'zeta',
    ]);
  });

  it('applies the filter as well', () => {
    expect(visibleContainers(list, 'TA', true).map((c) => c.name)).toEqual(['delta', 'zeta']);
    expect(visibleContainers(list, 'ta', false).map((c) => c.name)).toEqual(['zeta']);
    expect(visibleContainers(list, 'postgres', true)).toEqual([]);
  });

  it('does not mutate the input list', () => {
    const copy = [...list];
    visibleContainers(list, '', true);
    expect(list).toEqual(copy);
  });
});
