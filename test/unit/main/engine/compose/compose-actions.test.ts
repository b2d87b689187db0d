import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { ProjectAction } from '../../../../../contract';
import {
  projectAction,
  settledFailure,
  targetsOf,
} from '../../../../../main/engine/compose-actions';
import { LABEL } from '../../../../../main/engine/compose-projects';
import { PortholeFailure } from '../../../../../main/engine/errors';

function ctr(name: string, state: string, oneOff = false): Docker.ContainerInfo {
  return {
    Id: `${name}-id`.padEnd(64, '0'),
    Names: [`/${name}`],
    State: state,
    Labels: { [LABEL.project]: 'shop', [LABEL.oneOff]: oneOff ? 'True' : 'False' },
  } as unknown as Docker.ContainerInfo;
}

/** An engine error as docker-modem makes it: the status code and the engine's JSON message. */
const engineError = (statusCode: number, message: string) =>
  Object.assign(new Error(`(HTTP code ${statusCode}) ${message}`), {
    statusCode,
    json: { message },
  });

const STATES = ['created', 'running', 'paused', 'restarting', 'exited', 'dead'];
const names = (list: Docker.ContainerInfo[]) => list.map((c) => c.Names[0]!.slice(1));

describe('targetsOf: which containers of a project an action touches', () => {
  const all = STATES.map((s) => ctr(s, s));
  it.each<[ProjectAction, string[]]>([
    ['start', ['created', 'restarting', 'exited', 'dead']],
    ['stop', ['running', 'paused', 'restarting']],
    ['restart', STATES],
    ['pause', ['running']],
    ['unpause', ['paused']],
  ])('%s touches %j', (action, expected) => {
    expect(names(targetsOf(all, action))).toEqual(expected);
  });

  it('never a one-off container (compose run), whatever its state', () => {
    const list = [ctr('web', 'exited'), ctr('shop_web_run_1', 'exited', true)];
    expect(names(targetsOf(list, 'start'))).toEqual(['web']);
    expect(names(targetsOf([ctr('job', 'running', true)], 'stop'))).toEqual([]);
  });
});

describe('settledFailure: one error naming every container that failed', () => {
  const items = [ctr('shop_web_1', 'running'), ctr('shop_db_1', 'running'), ctr('x', 'running')];

  it('is undefined when all went well, or a container was already in that state (304)', () => {
    const ok: PromiseSettledResult<unknown>[] = [
      { status: 'fulfilled', value: null },
      { status: 'rejected', reason: engineError(304, 'container already started') },
      { status: 'fulfilled', value: null },
    ];
    expect(settledFailure('start', 'shop', items, ok)).toBeUndefined();
  });

  it('names each failed container with the engine’s words, out of how many', () => {
    const failure = settledFailure('pause', 'shop', items, [
      { status: 'rejected', reason: engineError(409, 'Container shop_web_1 is not running') },
      { status: 'fulfilled', value: null },
      { status: 'rejected', reason: engineError(404, 'No such container: x') },
    ]);
    expect(failure).toBeInstanceOf(PortholeFailure);
    expect(failure?.detail).toEqual({
      code: 'CONFLICT',
      message:
        'Could not pause 2 of 3 container(s) of shop: shop_web_1: Container shop_web_1 is not running; x: No such container: x',
    });
  });

  it('keeps the first failure’s hint (an unreachable engine says what to do)', () => {
    const gone = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const failure = settledFailure('stop', 'shop', items.slice(0, 1), [
      { status: 'rejected', reason: gone },
    ]);
    expect(failure?.detail.code).toBe('ENGINE_UNREACHABLE');
    expect(failure?.detail.message).toMatch(/^Could not stop 1 of 1 container\(s\) of shop: /);
    expect(failure?.detail.hint).toMatch(/Start Docker/);
  });
});

describe('projectAction on a stand-in engine', () => {
  function engine(list: Docker.ContainerInfo[], fails: Record<string, Error> = {}) {
    const calls: string[] = [];
    const docker = {
      listContainers: async (opts: { filters: unknown }) => {
        calls.push(`list ${JSON.stringify(opts.filters)}`);
        return list;
      },
      getContainer: (id: string) => {
        const name = list.find((c) => c.Id === id)!.Names[0]!.slice(1);
        const verb = (v: string) => async () => {
          calls.push(`${v} ${name}`);
          if (fails[name]) throw fails[name];
        };
        return {
          start: verb('start'),
          stop: verb('stop'),
          restart: verb('restart'),
          pause: verb('pause'),
          unpause: verb('unpause'),
        };
      },
    } as unknown as Docker;
    return { docker, calls };
  }

  it('asks for the project by its label and unpauses only the paused containers', async () => {
    const e = engine([ctr('a', 'paused'), ctr('b', 'running'), ctr('c', 'paused')]);
    await expect(projectAction(e.docker, 'shop', 'unpause')).resolves.toBeNull();
    expect(e.calls).toEqual([
      `list ${JSON.stringify({ label: [`${LABEL.project}=shop`] })}`,
      'unpause a',
      'unpause c',
    ]);
  });

  it('restarts every container, and still tries the rest when one fails', async () => {
    const e = engine([ctr('a', 'running'), ctr('b', 'exited')], {
      a: engineError(409, 'cannot restart a'),
    });
    await expect(projectAction(e.docker, 'shop', 'restart')).rejects.toThrow(
      'Could not restart 1 of 2 container(s) of shop: a: cannot restart a',
    );
    expect(e.calls.slice(1)).toEqual(['restart a', 'restart b']);
  });

  it('a project without containers is NOT_FOUND, in words', async () => {
    const e = engine([]);
    await expect(projectAction(e.docker, 'gone', 'start')).rejects.toMatchObject({
      detail: { code: 'NOT_FOUND', message: 'Project gone has no containers.' },
    });
  });
});
