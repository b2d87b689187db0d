import type Docker from 'dockerode';
import type { TaskSummary } from '../../contract';

/** The part of a /tasks entry Porthole reads. */
export interface RawTask {
  ID: string;
  ServiceID: string;
  Slot?: number;
  NodeID?: string;
  DesiredState: string;
  CreatedAt: string;
  UpdatedAt: string;
  Status: {
    State: string;
    Message?: string;
    Err?: string;
    Timestamp?: string;
    ContainerStatus?: { ContainerID?: string };
  };
  Spec: { ContainerSpec?: { Image?: string } };
}

export async function rawTasks(
  docker: Docker,
  filters: Record<string, string[]>,
): Promise<RawTask[]> {
  return (await docker.listTasks({ filters: JSON.stringify(filters) })) as unknown as RawTask[];
}

/** The image without the @sha256 digest the engine pins it to. */
export const shortImage = (image: string) => image.replace(/@sha256:[a-f0-9]+$/, '');

export function mapTask(
  t: RawTask,
  serviceNames: Map<string, string>,
  nodeNames: Map<string, string>,
): TaskSummary {
  const containerId = t.Status.ContainerStatus?.ContainerID;
  return {
    id: t.ID,
    serviceId: t.ServiceID,
    serviceName: serviceNames.get(t.ServiceID) ?? t.ServiceID.slice(0, 12),
    ...(t.Slot ? { slot: t.Slot } : {}),
    nodeId: t.NodeID ?? '',
    nodeName: t.NodeID ? (nodeNames.get(t.NodeID) ?? t.NodeID.slice(0, 12)) : '',
    desired: t.DesiredState,
    state: t.Status.State,
    message: t.Status.Message ?? '',
    ...(t.Status.Err ? { error: t.Status.Err } : {}),
    image: shortImage(t.Spec.ContainerSpec?.Image ?? ''),
    ...(containerId ? { containerId } : {}),
    updatedAt: t.Status.Timestamp ?? t.UpdatedAt,
  };
}

const FAILED = new Set(['failed', 'rejected', 'orphaned']);

/**
 * Running count and failing slots of one service's tasks. A slot (a node, for global services)
 * is failing when its newest task is not running and a recent task of it failed: the error shown
 * is that failure's, in the engine's words ("No such image: …").
 */
export function taskHealth(tasks: RawTask[]): {
  running: number;
  failing: number;
  error?: string;
} {
  const bySlot = new Map<string, RawTask[]>();
  for (const t of tasks) {
    const key = t.Slot ? `s${t.Slot}` : `n${t.NodeID ?? ''}`;
    bySlot.set(key, [...(bySlot.get(key) ?? []), t]);
  }
  let running = 0;
  let failing = 0;
  let error: string | undefined;
  for (const slot of bySlot.values()) {
    slot.sort((a, b) => b.CreatedAt.localeCompare(a.CreatedAt));
    const newest = slot[0]!;
    if (newest.DesiredState === 'running' && newest.Status.State === 'running') {
      running += 1;
      continue;
    }
    if (newest.DesiredState !== 'running' && newest.DesiredState !== 'ready') continue;
    const failed = slot.find((t) => FAILED.has(t.Status.State) || t.Status.Err);
    if (failed) {
      failing += 1;
      error ??= failed.Status.Err ?? failed.Status.Message ?? failed.Status.State;
    }
  }
  return { running, failing, ...(error ? { error } : {}) };
}
