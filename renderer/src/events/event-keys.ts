import type { EngineEvent, EngineStreamEvent } from '../../../contract';

export type QueryKey = readonly unknown[];

/**
 * A feature's answer to "which of MY query keys does this engine event make stale?". Each
 * feature builds it from its own key factory, so the hub never spells a key.
 */
export type EventKeys = (engineId: string, event: EngineStreamEvent) => QueryKey[];

/** A reconcile marker (after a reconnect) or a daemon event: anything may have changed. */
export function refreshesEverything(event: EngineStreamEvent): boolean {
  return event.kind === 'reconcile' || event.type === 'daemon';
}

/** An engine event of one resource type; reconcile markers are no resource's event. */
export function isEventOf(event: EngineStreamEvent, type: EngineEvent['type']): boolean {
  return event.kind === 'event' && event.type === type;
}

/**
 * A container appearing or going changes the "in use" counts of images and volumes and the
 * members of networks (stopped members send no network event).
 */
export function containerComesOrGoes(event: EngineStreamEvent): boolean {
  return (
    event.kind === 'event' &&
    event.type === 'container' &&
    (event.action === 'create' || event.action === 'destroy')
  );
}
