import { describe, expect, it, vi } from 'vitest';
import type { ContainerSummary, EngineInfo } from '../../../contract';
import {
  buildCommands,
  type CommandActions,
} from '../../../renderer/src/features/palette/commands';
import { fuzzyScore, rank } from '../../../renderer/src/features/palette/fuzzy';
import { withRecent } from '../../../renderer/src/features/palette/recent';
import { rowKey } from '../../../renderer/src/components/rowKeys';

const items = (labels: string[]) => labels.map((label) => ({ id: label, label }));
const labels = (xs: { label: string }[]) => xs.map((x) => x.label);

describe('fuzzyScore', () => {
  it('needs every word of the query, in any order', () => {
    expect(fuzzyScore('stop web', 'Stop web-1')).toBeDefined();
    expect(fuzzyScore('web stop', 'Stop web-1')).toBeDefined();
    expect(fuzzyScore('stop db', 'Stop web-1')).toBeUndefined();
    expect(fuzzyScore('', 'anything')).toBe(0);
  });

  it('prefers substrings to scattered letters, and word starts to the middle of words', () => {
    expect(fuzzyScore('web', 'Stop web-1')!).toBeGreaterThan(fuzzyScore('web', 'Stop cobweb')!);
    expect(fuzzyScore('vol', 'Go to Volumes')!).toBeGreaterThan(
      fuzzyScore('vol', 'Logs of vault-old')!,
    );
    expect(fuzzyScore('gtv', 'Go to Volumes')).toBeDefined();
  });
});

describe('rank', () => {
  const cmds = items([
    'Stop web-1',
    'Restart web-1',
    'Logs of web-1',
    'Logs of db',
    'Stop web-2',
    'Go to Volumes',
    'Stop web-10',
  ]);

  it('puts the best match first', () => {
    expect(labels(rank(cmds, 'logs db', []))[0]).toBe('Logs of db');
    expect(labels(rank(cmds, 'go vol', []))).toEqual(['Go to Volumes']);
    expect(labels(rank(cmds, 'stop web', [])).slice(0, 3)).toEqual([
      'Stop web-1',
      'Stop web-2',
      'Stop web-10',
    ]);
  });

  it('breaks ties by recency, most recent first', () => {
    expect(labels(rank(cmds, 'stop web', ['Stop web-10', 'Stop web-2'])).slice(0, 3)).toEqual([
      'Stop web-10',
      'Stop web-2',
      'Stop web-1',
    ]);
  });

  it('shows recent commands first when nothing is typed', () => {
    expect(labels(rank(cmds, '', ['Go to Volumes', 'Logs of db'])).slice(0, 3)).toEqual([
      'Go to Volumes',
      'Logs of db',
      'Stop web-1',
    ]);
  });

  it('keeps a bounded most-recent-first list', () => {
    expect(withRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    expect(
      withRecent(
        Array.from({ length: 40 }, (_, i) => `${i}`),
        'x',
      ),
    ).toHaveLength(30);
  });
});

describe('buildCommands', () => {
  const container = (name: string, state: string): ContainerSummary & { engineId: string } => ({
    engineId: 'e1',
    id: `${name}-id`,
    name,
    image: 'busybox',
    command: 'sleep',
    created: 0,
    state,
    status: '',
    ports: [],
    labels: {},
    composeProject: null,
    composeService: null,
    anonymousVolumes: 0,
  });
  const actions = (): CommandActions => ({
    go: vi.fn(),
    container: vi.fn(),
    openWindow: vi.fn(),
    openContainer: vi.fn(),
    pull: vi.fn(),
    switchEngine: vi.fn(),
    showShortcuts: vi.fn(),
    setDensity: vi.fn(),
  });
  const engines = [
    { id: 'e1', name: 'local' },
    { id: 'e2', name: 'build-server' },
  ] as EngineInfo[];

  it('offers what each container can do, with its key', () => {
    const a = actions();
    const cmds = buildCommands(
      {
        screens: [{ path: 'volumes', label: 'Volumes' }],
        containers: [container('web-1', 'running'), container('db', 'exited')],
        images: [],
        engines,
        currentEngineId: 'e1',
        multi: false,
        query: '',
      },
      a,
    );
    const byLabel = new Map(cmds.map((c) => [c.label, c]));
    expect(byLabel.get('Stop web-1')?.shortcut).toBe('x');
    expect(byLabel.has('Start web-1')).toBe(false);
    expect(byLabel.get('Start db')?.shortcut).toBe('s');
    expect(byLabel.has('Shell in db')).toBe(false);
    expect(byLabel.get('Shell in web-1')?.shortcut).toBe('t');
    expect(byLabel.get('Logs of db')?.shortcut).toBe('l');
    expect(byLabel.get('Go to Volumes')?.shortcut).toBe('g v');
    expect(byLabel.has('Switch engine to local')).toBe(false);
    byLabel.get('Switch engine to build-server')!.run();
    expect(a.switchEngine).toHaveBeenCalledWith('e2');
    byLabel.get('Stop web-1')!.run();
    expect(a.container).toHaveBeenCalledWith(expect.objectContaining({ name: 'web-1' }), {
      verb: 'Stop',
    });
  });

  it('offers to pull any valid reference typed', () => {
    const base = {
      screens: [],
      containers: [],
      images: [],
      engines,
      currentEngineId: 'e1',
      multi: false,
    };
    const a = actions();
    const pull = buildCommands({ ...base, query: 'pull nginx:1.27' }, a).find((c) =>
      c.label.startsWith('Pull'),
    );
    expect(pull?.label).toBe('Pull nginx:1.27');
    pull!.run();
    expect(a.pull).toHaveBeenCalledWith('nginx:1.27', undefined);
    expect(
      buildCommands({ ...base, query: 'stop web' }, a).some((c) => c.label.startsWith('Pull')),
    ).toBe(false);
  });
});

describe('rowKey', () => {
  it('maps j/k, arrows, Enter and the row letters; ignores modified keys', () => {
    expect(rowKey({ key: 'j' })).toBe('next');
    expect(rowKey({ key: 'ArrowUp' })).toBe('previous');
    expect(rowKey({ key: 'Enter' })).toBe('open');
    expect(rowKey({ key: 'x' })).toBe('x');
    expect(rowKey({ key: 'x', ctrlKey: true })).toBeUndefined();
    expect(rowKey({ key: 'q' })).toBeUndefined();
  });
});
