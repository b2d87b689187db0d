import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../../../../contract';
import {
  groupByProject,
  sortContainers,
} from '../../../../../renderer/src/features/containers/list';

const c = (name: string, patch: Partial<ContainerSummary> = {}): ContainerSummary => ({
  id: name,
  name,
  image: 'busybox',
  command: '',
  created: 0,
  state: 'running',
  status: '',
  ports: [],
  labels: {},
  composeProject: null,
  composeService: null,
  anonymousVolumes: 0,
  ...patch,
});

const names = (list: ContainerSummary[]) => list.map((x) => x.name).join(',');

describe('sortContainers', () => {
  const list = [
    c('b', { created: 3, state: 'exited', image: 'z' }),
    c('a', { created: 2, state: 'paused', image: 'y' }),
    c('c', { created: 1, state: 'running', image: 'y' }),
  ];
  it('sorts by each column both ways, ties by name', () => {
    expect(names(sortContainers(list, { key: 'name', dir: 'ascending' }))).toBe('a,b,c');
    expect(names(sortContainers(list, { key: 'name', dir: 'descending' }))).toBe('c,b,a');
    expect(names(sortContainers(list, { key: 'created', dir: 'ascending' }))).toBe('c,a,b');
    expect(names(sortContainers(list, { key: 'state', dir: 'ascending' }))).toBe('c,a,b');
    expect(names(sortContainers(list, { key: 'image', dir: 'ascending' }))).toBe('a,c,b');
  });
  it('does not change its input', () => {
    sortContainers(list, { key: 'name', dir: 'ascending' });
    expect(names(list)).toBe('b,a,c');
  });
});

describe('groupByProject', () => {
  const sorted = [
    c('a'),
    c('shop-db', { composeProject: 'shop' }),
    c('m'),
    c('shop-web', { composeProject: 'shop' }),
  ];
  it('puts a project header where its first container was, members right after', () => {
    const items = groupByProject(sorted, new Set());
    expect(items.map((i) => (i.kind === 'group' ? `[${i.project}]` : i.container.name))).toEqual([
      'a',
      '[shop]',
      'shop-db',
      'shop-web',
      'm',
    ]);
    const group = items[1]!;
    expect(group.kind === 'group' && group.containers.length).toBe(2);
  });
  it('a collapsed project keeps only its header', () => {
    const items = groupByProject(sorted, new Set(['shop']));
    expect(items.map((i) => (i.kind === 'group' ? `[${i.project}]` : i.container.name))).toEqual([
      'a',
      '[shop]',
      'm',
    ]);
  });
});
