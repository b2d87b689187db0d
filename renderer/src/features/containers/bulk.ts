import type { ContainerSummary } from '../../../../contract';
import { call } from '../../api/client';
import { keepForRecreate, type SavedContainer } from './undoRemove';
import { CALLS } from './useContainerAction';

export type BulkVerb = 'Start' | 'Stop' | 'Restart' | 'Remove';

export interface BulkOutcome {
  id: string;
  name: string;
  ok: boolean;
  /** The engine's words when it refused. */
  message?: string;
  /** A removed container that was stopped: its settings, for "Recreate". */
  saved?: SavedContainer;
}

const PAST: Record<BulkVerb, string> = {
  Start: 'Started',
  Stop: 'Stopped',
  Restart: 'Restarted',
  Remove: 'Removed',
};
export const pastTense = (verb: BulkVerb) => PAST[verb];

/**
 * Runs one action on many containers, a few at a time (the engine serialises most of them
 * anyway), and reports each one: a failure never hides the others' results.
 */
export async function runBulk(
  verb: BulkVerb,
  /** Each goes to its own engine: a selection in All engines may span several. */
  containers: (ContainerSummary & { engineId: string })[],
  opts: { force: boolean; removeVolumes: boolean },
  onProgress?: (done: number) => void,
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(containers.length);
  let next = 0;
  let done = 0;
  const one = async (c: ContainerSummary & { engineId: string }) => {
    const input = { engineId: c.engineId, id: c.id };
    if (verb !== 'Remove') return void (await call(CALLS[verb], input));
    const saved = await keepForRecreate(input);
    await call('containers.remove', { ...input, ...opts });
    return saved;
  };
  const worker = async () => {
    while (next < containers.length) {
      const i = next++;
      const c = containers[i]!;
      try {
        const saved = await one(c);
        outcomes[i] = { id: c.id, name: c.name, ok: true, ...(saved ? { saved } : {}) };
      } catch (err) {
        outcomes[i] = {
          id: c.id,
          name: c.name,
          ok: false,
          message: err instanceof Error ? err.message : String(err),
        };
      }
      onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, containers.length) }, worker));
  return outcomes;
}
