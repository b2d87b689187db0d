import { cli, launchDockerd, newEngine, type EngineHandle } from './engine';
import { freePort } from './registry';

/**
 * A second Swarm node on this machine: a private dockerd (own bridge, socket, data root, and
 * hostname) that joins `manager`'s swarm as a worker, on a loopback alias of its own
 * (127.0.0.2: all of 127/8 answers on Linux). It joins drained, so that the manager's services
 * stay where the tests count them (the node has no images either).
 */
export async function joinSecondNode(
  manager: EngineHandle,
  node: EngineHandle,
  hostname: string,
): Promise<void> {
  await launchDockerd(node, [], 'the second Swarm node', hostname);
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
  cli(node, [
    'swarm',
    'join',
    ...['--availability', 'drain', '--token', token],
    ...['--advertise-addr', `127.0.0.2:${port}`, '--listen-addr', `127.0.0.2:${port}`],
    managerAddr,
  ]);
}

/** Its dirs and bridge, made first: the caller keeps them to destroy, whatever happens next. */
export const newNodeEngine = () => newEngine('porthole-e2e-swarm-node-');
