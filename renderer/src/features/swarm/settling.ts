import type { NodeSummary, ServiceSummary } from '../../../../contract';

/** A service on its way somewhere: tasks starting or stopping, or an update rolling. */
export const converging = (s: ServiceSummary) =>
  s.running !== s.desired || ['updating', 'rollback_started'].includes(s.update?.state ?? '');

/**
 * A manager whose place in the quorum is not known yet or not reached yet while its node is up
 * (just promoted: dockerd reports it unreachable for a while before reachable), or a worker that
 * still has one (just demoted): its reachability changes with no engine event. An unreachable
 * manager whose node is down stays so until the node's status changes, which is an event.
 */
export const nodeSettling = (n: Pick<NodeSummary, 'role' | 'manager' | 'status'>) =>
  n.role === 'manager'
    ? !n.manager || n.manager === 'unknown' || (n.manager === 'unreachable' && n.status === 'ready')
    : n.manager !== undefined;
