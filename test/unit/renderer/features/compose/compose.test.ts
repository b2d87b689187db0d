import { describe, expect, it } from 'vitest';
import type { ComposeProject, ComposeRunEvent } from '../../../../../contract';
import { composeEventKeys } from '../../../../../renderer/src/features/compose/events';
import {
  leftOutText,
  logIds,
  lostInDown,
  parseProfiles,
  projectNameError,
  projectState,
  shortPath,
} from '../../../../../renderer/src/features/compose/format';
import {
  initialRun,
  MAX_LINES,
  reduceRun,
  stepsOf,
  type RunState,
} from '../../../../../renderer/src/features/compose/run-state';

const ctr = (name: string, state: string) => ({
  id: `id-${name}`,
  name,
  number: 1,
  state,
  status: state,
  image: 'busybox',
  ports: [],
  oneOff: false,
});

const project = (over: Partial<ComposeProject> = {}): ComposeProject => ({
  name: 'shop',
  workingDir: '/src/shop',
  configFiles: ['/src/shop/compose.yaml'],
  missingFiles: [],
  filesPresent: true,
  envFile: null,
  services: [
    {
      name: 'db',
      image: 'busybox',
      containers: [ctr('shop_db_1', 'exited')],
      running: 0,
      total: 1,
    },
    {
      name: 'web',
      image: 'nginx',
      containers: [ctr('shop_web_1', 'running')],
      running: 1,
      total: 1,
    },
  ],
  running: 1,
  paused: 0,
  total: 2,
  networks: ['shop_default'],
  volumes: ['shop_data'],
  images: ['busybox', 'nginx'],
  composeVersion: '1.29.2',
  ...over,
});

const feed = (
  events: ComposeRunEvent[],
  end?: { error?: { code: 'INTERNAL'; message: string } },
) => {
  let s: RunState = initialRun;
  for (const event of events) s = reduceRun(s, { type: 'event', event });
  return end ? reduceRun(s, { type: 'end', ...end }) : s;
};
const step = (
  name: string,
  unit: string,
  stepName: string,
  state: 'working' | 'done' | 'error',
): ComposeRunEvent => ({
  kind: 'progress',
  resource: 'service',
  name,
  unit,
  step: stepName,
  state,
});

describe('run state', () => {
  it('follows each service across its containers', () => {
    const s = feed([
      step('db', 'shop_db_1', 'creating', 'working'),
      step('db', 'shop_db_2', 'creating', 'working'),
      step('db', 'shop_db_1', 'created', 'done'),
      {
        kind: 'progress',
        resource: 'network',
        name: 'shop_default',
        unit: 'shop_default',
        step: 'created',
        state: 'done',
      },
    ]);
    expect(stepsOf(s, ['web', 'db'])).toEqual([
      { resource: 'service', name: 'web', step: 'waiting', state: 'waiting', done: 0, total: 0 },
      { resource: 'service', name: 'db', step: 'creating', state: 'working', done: 1, total: 2 },
      {
        resource: 'network',
        name: 'shop_default',
        step: 'created',
        state: 'done',
        done: 1,
        total: 1,
      },
    ]);
  });

  it('a successful exit finishes what was under way; a failed one fails it and leaves the rest unstarted', () => {
    const events: ComposeRunEvent[] = [step('web', 'web', 'pulling', 'working')];
    const ok = feed([...events, { kind: 'exit', code: 0, error: null, left: null }], {});
    expect(ok.phase).toBe('done');
    expect(stepsOf(ok, ['web'])[0]!.state).toBe('done');
    const bad = feed(
      [
        ...events,
        {
          kind: 'exit',
          code: 1,
          error: 'no such host',
          left: { containers: [], networks: ['n'], volumes: [] },
        },
      ],
      {},
    );
    expect(bad.phase).toBe('failed');
    expect(stepsOf(bad, ['web', 'db']).map((v) => [v.name, v.state, v.step])).toEqual([
      ['web', 'error', 'pulling'],
      ['db', 'waiting', 'not started'],
    ]);
  });

  it('an error ending the stream (no compose, bad file) is kept', () => {
    const s = feed([], { error: { code: 'INTERNAL', message: 'boom' } });
    expect(s).toMatchObject({ phase: 'failed', error: { message: 'boom' } });
  });

  it('keeps the last MAX_LINES lines and counts the rest; shows the command quoted', () => {
    const lines: ComposeRunEvent[] = Array.from({ length: MAX_LINES + 5 }, (_, i) => ({
      kind: 'output',
      text: `l${i}`,
      err: true,
    }));
    const s = feed([
      { kind: 'command', argv: ['docker-compose', '-p', 'shop', '-f', '/a b/c.yaml'], cwd: '/' },
      ...lines,
    ]);
    expect(s.lines).toHaveLength(MAX_LINES);
    expect(s.dropped).toBe(5);
    expect(s.lines[0]!.text).toBe('l5');
    expect(s.command).toBe("docker-compose -p shop -f '/a b/c.yaml'");
  });

  it('stop marks a running job stopped, and a late end does not undo it', () => {
    let s = reduceRun(initialRun, { type: 'stopped' });
    s = reduceRun(s, { type: 'end' });
    expect(s.phase).toBe('stopped');
  });
});

describe('format', () => {
  it('names everything down removes, volumes and images only when asked', () => {
    expect(lostInDown(project(), { removeVolumes: false, removeImages: 'none' })).toEqual([
      '2 containers: shop_db_1, shop_web_1',
      '1 network: shop_default',
    ]);
    expect(lostInDown(project(), { removeVolumes: true, removeImages: 'all' }).slice(2)).toEqual([
      '1 named volume and all the data in them: shop_data (and anonymous volumes)',
      '2 images its services use: busybox, nginx',
    ]);
  });

  it('merged logs: running containers first, at most 12', () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      ctr(`c${String(i).padStart(2, '0')}`, i === 13 ? 'running' : 'exited'),
    );
    const merged = logIds([{ name: 's', image: 'x', containers: many, running: 1, total: 14 }]);
    expect(merged.ids[0]).toBe('id-c13');
    expect(merged.ids).toHaveLength(12);
    expect(merged.more).toBe(2);
    // The two exited containers last by name are the ones that did not fit, and are named.
    expect(merged.leftOut).toEqual(['c11', 'c12']);
    expect(leftOutText(merged)).toBe(
      'the merged log shows 12 of 14 containers (running first, at most 12); left out: c11, c12.',
    );
  });

  it('merged logs: nothing to say when every container fits', () => {
    const merged = logIds([
      { name: 's', image: 'x', containers: [ctr('a', 'running')], running: 1, total: 1 },
    ]);
    expect(merged).toEqual({ ids: ['id-a'], more: 0, leftOut: [] });
    expect(leftOutText(merged)).toBeUndefined();
  });

  it('project states at a glance', () => {
    expect(projectState(project())).toBe('partial');
    expect(projectState(project({ running: 2 }))).toBe('running');
    expect(projectState(project({ running: 0 }))).toBe('exited');
    expect(projectState(project({ running: 0, paused: 2 }))).toBe('paused');
    expect(projectState(project({ total: 0, running: 0 }))).toBe('empty');
  });

  it('profiles, names and paths as typed', () => {
    expect(parseProfiles(' dev, debug  dev,,')).toEqual(['dev', 'debug']);
    expect(projectNameError('shop-1')).toBeUndefined();
    expect(projectNameError('')).toBe('Name the project.');
    expect(projectNameError('Shop')).toMatch(/^Use lowercase letters/);
    expect(shortPath('/src/shop/compose.yaml', '/src/shop')).toBe('compose.yaml');
    expect(shortPath('/etc/x.yaml', '/src/shop')).toBe('/etc/x.yaml');
  });
});

describe('composeEventKeys', () => {
  const ev = (type: 'container' | 'network' | 'volume' | 'image', action: string) =>
    ({ kind: 'event', type, action, id: 'x', timeNano: '1' }) as const;
  it('refreshes the projects on container, network and volume changes only', () => {
    expect(composeEventKeys('e', ev('container', 'start'))).toEqual([['compose', 'e', 'projects']]);
    expect(composeEventKeys('e', ev('network', 'create'))).toEqual([['compose', 'e', 'projects']]);
    expect(composeEventKeys('e', ev('volume', 'destroy'))).toEqual([['compose', 'e', 'projects']]);
    expect(composeEventKeys('e', ev('container', 'exec_start'))).toEqual([]);
    expect(composeEventKeys('e', ev('network', 'connect'))).toEqual([]);
    expect(composeEventKeys('e', ev('image', 'pull'))).toEqual([]);
    expect(composeEventKeys('e', { kind: 'reconcile' })).toEqual([['compose', 'e']]);
  });
});
