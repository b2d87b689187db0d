import type { NodeSummary, ServiceSummary } from '../../../../contract';

/** A service on its way somewhere: tasks starting or stopping, or an update rolling. */
export const converging = (s: ServiceSummary) =>
  s.running !== s.desired || ['updating', 'rollback_started'].includes(s.update?.state ?? '');

/**
 * A manager whose place in the quorum is not known yet (just promoted), or a worker that still
 * has one (just demoted): its reachability changes with no engine event.
 */
export const nodeSettling = (n: Pick<NodeSummary, 'role' | 'manager'>) =>
  n.role === 'manager' ? !n.manager || n.manager === 'unknown' : n.manager !== undefined;
