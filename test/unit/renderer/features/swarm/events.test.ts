import { describe, expect, it } from 'vitest';
import type { EngineStreamEvent, ResourceType } from '../../../../../contract';
import { swarmEventKeys } from '../../../../../renderer/src/features/swarm/events';
import { swarmKeys } from '../../../../../renderer/src/features/swarm/queries';

const E = 'local';
const ev = (type: ResourceType, action: string): EngineStreamEvent => ({
  kind: 'event',
  type,
  action,
  id: 'abc',
  timeNano: '1',
});

// Spelled out on purpose: the test is the oracle for what swarmKeys builds.
const services = ['swarm', E, 'services'];
const tasks = ['swarm', E, 'tasks'];
const state = ['swarm', E, 'state'];
const nodes = ['swarm', E, 'nodes'];
const secrets = ['swarm', E, 'secrets'];
const configs = ['swarm', E, 'configs'];

describe('swarmEventKeys: engine event → the Swarm screen keys it makes stale', () => {
  it.each(['create', 'update', 'remove'])(
    'service %s: services, every task list, the state, and used-by of secrets and configs',
    (action) => {
      expect(swarmEventKeys(E, ev('service', action))).toEqual([
        services,
        tasks,
        state,
        secrets,
        configs,
      ]);
    },
  );

  it.each(['create', 'update', 'remove'])(
    'node %s: nodes, services (global desired counts), tasks, state',
    (action) => {
      expect(swarmEventKeys(E, ev('node', action))).toEqual([nodes, services, tasks, state]);
    },
  );

  it('secret and config events touch only their own lists', () => {
    expect(swarmEventKeys(E, ev('secret', 'create'))).toEqual([secrets]);
    expect(swarmEventKeys(E, ev('config', 'remove'))).toEqual([configs]);
  });

  it.each(['start', 'die', 'destroy'])(
    'container %s (a task is a container): services, tasks and state',
    (action) => {
      expect(swarmEventKeys(E, ev('container', action))).toEqual([services, tasks, state]);
    },
  );

  it.each([
    ['container', 'exec_start'],
    ['container', 'create'],
    ['container', 'attach'],
    ['image', 'pull'],
    ['volume', 'create'],
    ['network', 'create'],
    ['plugin', 'enable'],
    ['other', 'x'],
  ] as [ResourceType, string][])('%s %s: nothing of the Swarm screen', (type, action) => {
    expect(swarmEventKeys(E, ev(type, action))).toEqual([]);
  });

  it('a reconcile after a reconnect, or a daemon event (swarm init/leave): all of it', () => {
    expect(swarmEventKeys(E, { kind: 'reconcile' } as EngineStreamEvent)).toEqual([['swarm', E]]);
    expect(swarmEventKeys(E, ev('daemon', 'reload'))).toEqual([['swarm', E]]);
  });

  it('the keys are per engine', () => {
    expect(swarmEventKeys('other', ev('secret', 'remove'))).toEqual([
      ['swarm', 'other', 'secrets'],
    ]);
  });
});

describe('swarmKeys: generic → specific, so a prefix invalidates what is under it', () => {
  it("a service's or node's task table is under the all-tasks key, every key under the engine's", () => {
    const perService = swarmKeys.tasks(E, { service: 'web' });
    const perNode = swarmKeys.tasks(E, { node: 'n1' });
    expect(perService).toEqual(['swarm', E, 'tasks', 'web', '']);
    expect(perNode).toEqual(['swarm', E, 'tasks', '', 'n1']);
    for (const k of [perService, perNode]) expect(k.slice(0, 3)).toEqual(swarmKeys.allTasks(E));
    for (const k of [swarmKeys.state(E), swarmKeys.nodes(E), swarmKeys.secrets(E)])
      expect(k.slice(0, 2)).toEqual(swarmKeys.all(E));
  });
});
