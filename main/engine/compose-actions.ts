import type Docker from 'dockerode';
import type { ProjectAction } from '../../contract';
import { fail, PortholeFailure, toPortholeError } from './errors';
import { isNotModified } from './errors';
import { LABEL, labelled, projectFilter } from './compose-projects';

/** Which containers an action applies to: starting a running one is nothing to do. */
const APPLIES: Record<ProjectAction, (state: string) => boolean> = {
  start: (s) => s !== 'running' && s !== 'paused',
  stop: (s) => s === 'running' || s === 'paused' || s === 'restarting',
  restart: () => true,
  pause: (s) => s === 'running',
  unpause: (s) => s === 'paused',
};

const nameOf = (c: Docker.ContainerInfo) => c.Names?.[0]?.replace(/^\//, '') ?? c.Id.slice(0, 12);

/** The containers of a project an action touches: those it changes, never one-off `run`s. */
export function targetsOf(
  list: Docker.ContainerInfo[],
  action: ProjectAction,
): Docker.ContainerInfo[] {
  return list.filter(
    (c) => APPLIES[action](c.State) && c.Labels?.[LABEL.oneOff]?.toLowerCase() !== 'true',
  );
}

/**
 * One error for every container that failed, in the engine's words and naming each; undefined
 * when none did. A 304 (already in that state) is not a failure.
 */
export function settledFailure(
  verb: string,
  project: string,
  items: Docker.ContainerInfo[],
  results: PromiseSettledResult<unknown>[],
): PortholeFailure | undefined {
  const failed = results.flatMap((r, i) =>
    r.status === 'rejected' && !isNotModified(r.reason)
      ? [{ name: nameOf(items[i]!), error: toPortholeError(r.reason) }]
      : [],
  );
  if (failed.length === 0) return undefined;
  return new PortholeFailure({
    code: failed[0]!.error.code,
    message:
      `Could not ${verb} ${failed.length} of ${items.length} container(s) of ${project}: ` +
      failed.map((f) => `${f.name}: ${f.error.message}`).join('; '),
    ...(failed[0]!.error.hint ? { hint: failed[0]!.error.hint } : {}),
  });
}

/**
 * Runs settle-all over a project's containers and reports every failure in one error: one
 * stubborn container does not hide the others' fate.
 */
async function each(
  verb: string,
  project: string,
  items: Docker.ContainerInfo[],
  op: (c: Docker.ContainerInfo) => Promise<unknown>,
): Promise<void> {
  const results = await Promise.allSettled(items.map((c) => op(c)));
  const failure = settledFailure(verb, project, items, results);
  if (failure) throw failure;
}

/**
 * Start, stop, restart, pause or unpause every container of a project, through the engine and
 * its labels: this works whether or not the project's files are still on this machine.
 */
export async function projectAction(
  docker: Docker,
  project: string,
  action: ProjectAction,
): Promise<null> {
  const list = await docker.listContainers({ all: true, filters: projectFilter(project) });
  if (list.length === 0) fail('NOT_FOUND', `Project ${project} has no containers.`);
  await each(action, project, targetsOf(list, action), (c) => {
    const ctr = docker.getContainer(c.Id);
    return action === 'start'
      ? ctr.start()
      : action === 'stop'
        ? ctr.stop()
        : action === 'restart'
          ? ctr.restart()
          : action === 'pause'
            ? ctr.pause()
            : ctr.unpause();
  });
  return null;
}

/**
 * Teardown from labels alone, for projects whose files are gone: the containers (forced), then
 * the networks, then — only when asked — the named volumes. External volumes and networks carry
 * no project label, so they are never touched.
 */
export async function removeProject(
  docker: Docker,
  project: string,
  removeVolumes: boolean,
): Promise<{ containers: string[]; networks: string[]; volumes: string[] }> {
  const l = await labelled(docker, project);
  await each('remove', project, l.containers, (c) =>
    docker.getContainer(c.Id).remove({ force: true, v: removeVolumes }),
  );
  const gone = async (kind: 'network' | 'volume', names: string[]) => {
    const results = await Promise.allSettled(
      names.map((n) =>
        kind === 'network' ? docker.getNetwork(n).remove() : docker.getVolume(n).remove(),
      ),
    );
    const failed = results.flatMap((r, i) =>
      r.status === 'rejected' ? [`${names[i]}: ${toPortholeError(r.reason).message}`] : [],
    );
    if (failed.length)
      fail('CONFLICT', `Could not remove the ${kind}(s) of ${project}: ${failed.join('; ')}`);
  };
  await gone(
    'network',
    l.networks.map((n) => n.name),
  );
  if (removeVolumes)
    await gone(
      'volume',
      l.volumes.map((v) => v.name),
    );
  return {
    containers: l.containers.map(nameOf),
    networks: l.networks.map((n) => n.name),
    volumes: removeVolumes ? l.volumes.map((v) => v.name) : [],
  };
}
