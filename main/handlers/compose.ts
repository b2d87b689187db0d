import type { composeCalls, composeStreams } from '../../contract';
import { projectAction, removeProject } from '../engine/compose-actions';
import { cliEndpoint } from '../engine/compose-cli';
import { ComposeJobs, composeRoot } from '../engine/compose-jobs';
import { listProjects } from '../engine/compose-projects';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

const jobsFor = (ctx: HandlerContext) =>
  new ComposeJobs({
    root: composeRoot(ctx.dataDir),
    docker: ctx.docker,
    endpoint: (engineId) => {
      const engine = ctx.engines.get(engineId);
      return cliEndpoint(engine.config, engine.sshTarget);
    },
    env: process.env,
  });

export function composeHandlers(ctx: HandlerContext): HandlersFor<typeof composeCalls> {
  const { docker } = ctx;
  const jobs = jobsFor(ctx);
  return {
    'compose.cli': () => jobs.cli(),
    'compose.projects': (i) => listProjects(docker(i.engineId)),
    'compose.preview': async (i) => jobs.preview(i),
    'compose.action': (i) => projectAction(docker(i.engineId), i.project, i.action),
    'compose.remove': (i) => removeProject(docker(i.engineId), i.project, i.removeVolumes),
    'compose.config': (i, c) => jobs.config(i.engineId, i.project, c.signal),
  };
}

export function composeStreamHandlers(
  ctx: HandlerContext,
): StreamHandlersFor<typeof composeStreams> {
  const jobs = jobsFor(ctx);
  // Closing the stream aborts its sink, which kills the CLI (see runCli).
  return { 'compose.run': (_ctx, i, sink) => jobs.run(i.engineId, i.job, sink) };
}
