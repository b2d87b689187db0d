import { join } from 'node:path';
import type {
  serviceCalls,
  swarmCalls,
  swarmObjectCalls,
  swarmObjectStreams,
} from '../../contract';
import { cliEndpoint } from '../engine/compose-cli';
import { listNodes, removeNode, selfNodeId, updateNode } from '../engine/nodes';
import { createSwarmData, listSwarmData, removeSwarmData } from '../engine/secrets';
import { followServiceLogs } from '../engine/service-logs';
import { downloadServiceLogs } from '../engine/service-logs-download';
import {
  createService,
  listServices,
  listTasks,
  removeService,
  rollbackService,
  scaleService,
  updateServiceImage,
} from '../engine/services';
import {
  deployStack,
  removeStack,
  removeStackFile,
  stackCli,
  type StackDeps,
} from '../engine/stacks';
import {
  initSwarm,
  inspectSwarm,
  joinSwarm,
  joinToken,
  leaveSwarm,
  rotateToken,
} from '../engine/swarm';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

type SwarmCalls = typeof swarmCalls & typeof serviceCalls & typeof swarmObjectCalls;

const stackDeps = (ctx: HandlerContext): StackDeps => ({
  root: join(ctx.dataDir, 'stacks'),
  endpoint: (engineId) => {
    const engine = ctx.engines.get(engineId);
    return cliEndpoint(engine.config, engine.sshTarget);
  },
  env: process.env,
});

/** One line per call: the contract's name → the engine module's function. */
export function swarmHandlers(ctx: HandlerContext): HandlersFor<SwarmCalls> {
  const { docker } = ctx;
  const root = stackDeps(ctx).root;
  return {
    'swarm.inspect': (i) => inspectSwarm(docker(i.engineId)),
    'swarm.init': (i) => initSwarm(docker(i.engineId), i),
    'swarm.join': (i) => joinSwarm(docker(i.engineId), i),
    'swarm.leave': (i) => leaveSwarm(docker(i.engineId), i.force),
    'swarm.joinToken': (i) => joinToken(docker(i.engineId), i.role),
    'swarm.rotateToken': (i) => rotateToken(docker(i.engineId), i.role),
    'services.list': (i) => listServices(docker(i.engineId)),
    'services.create': (i) => createService(docker(i.engineId), i),
    'services.scale': (i) => scaleService(docker(i.engineId), i.id, i.replicas),
    'services.updateImage': (i) => updateServiceImage(docker(i.engineId), i),
    'services.rollback': (i) => rollbackService(docker(i.engineId), i.id),
    'services.remove': (i) => removeService(docker(i.engineId), i.id),
    'services.tasks': (i) => listTasks(docker(i.engineId), i),
    'nodes.list': async (i) => listNodes(docker(i.engineId), await selfNodeId(docker(i.engineId))),
    'nodes.update': (i) => updateNode(docker(i.engineId), i),
    'nodes.remove': (i) => removeNode(docker(i.engineId), i.id, i.force),
    'secrets.list': (i) => listSwarmData(docker(i.engineId), 'secret'),
    'secrets.create': (i) => createSwarmData(docker(i.engineId), 'secret', i),
    'secrets.remove': (i) => removeSwarmData(docker(i.engineId), 'secret', i.id),
    'configs.list': (i) => listSwarmData(docker(i.engineId), 'config'),
    'configs.create': (i) => createSwarmData(docker(i.engineId), 'config', i),
    'configs.remove': (i) => removeSwarmData(docker(i.engineId), 'config', i.id),
    'stacks.cli': () => stackCli(process.env),
    'stacks.remove': async (i) => {
      const out = await removeStack(docker(i.engineId), i.name);
      await removeStackFile(root, i.name);
      return out;
    },
  };
}

export function swarmStreamHandlers(
  ctx: HandlerContext,
): StreamHandlersFor<typeof swarmObjectStreams> {
  const deps = stackDeps(ctx);
  return {
    'stacks.deploy': (_ctx, i, sink) => deployStack(deps, i, sink),
    'services.logs': (_ctx, i, sink) => followServiceLogs(ctx.docker(i.engineId), i, sink),
    'services.logsDownload': (_ctx, i, sink) =>
      void downloadServiceLogs(ctx.docker(i.engineId), i, sink),
  };
}
