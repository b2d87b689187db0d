import { cli, launchDockerd, newEngine, type EngineHandle } from './engine';
import { freePort } from './registry';

/**
 * A second Swarm node on this machine: a private dockerd (own bridge, socket, data root, and
 * hostname), not yet in any swarm. It joins on a loopback alias of its own (127.0.0.2: all of
 * 127/8 answers on Linux), drained, so that the manager's services stay where the tests count
 * them (the node has no images either).
 */
export async function launchSecondNode(node: EngineHandle, hostname: string): Promise<void> {
  await launchDockerd(node, [], 'the second Swarm node', hostname);
}

/** What `docker swarm join` on the second node needs from `manager`. */
export async function joinFacts(
  manager: EngineHandle,
): Promise<{ token: string; managerAddr: string; nodeAddr: string }> {
  const port = await freePort('127.0.0.2');
  const token = cli(manager, ['swarm', 'join-token', '-q', 'worker']);
  // Where the manager listens ("127.0.0.1:PORT": the spec's swarm has a port of its own).
  const managerAddr = cli(manager, [
    'info',
    '--format',
    '{{range .Swarm.RemoteManagers}}{{.Addr}} {{end}}',
  ])
    .trim()
    .split(' ')[0]!;
  return { token, managerAddr, nodeAddr: `127.0.0.2:${port}` };
}

/** Its dirs and bridge, made first: the caller keeps them to destroy, whatever happens next. */
export const newNodeEngine = () => newEngine('porthole-e2e-swarm-node-');
