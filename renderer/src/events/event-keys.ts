import { refreshesEverything, type EngineEvent, type EngineStreamEvent } from '../../../contract';

export type QueryKey = readonly unknown[];

/**
 * A feature's answer to "which of MY query keys does this engine event make stale?". Each
 * feature builds it from its own key factory, so the hub never spells a key.
 */
export type EventKeys = (engineId: string, event: EngineStreamEvent) => QueryKey[];

export { refreshesEverything };

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
