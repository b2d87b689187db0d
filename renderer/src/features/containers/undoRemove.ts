import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RunSpec } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError, useShowResult, type ToastAction } from '../../components/Toasts';
import { containerKeys } from './queries';

/** What it takes to make a removed container again: its settings, its name, its engine. */
export interface SavedContainer {
  engineId: string;
  name: string;
  spec: RunSpec;
}

/**
 * How long the remove waits for the spec. The socket may be down: a call then waits up to 10 s
 * for it, and a remove behind a waiting inspect was told it failed only after 20 s.
 */
export const KEEP_WAIT_MS = 2000;

/**
 * Reads a container's run spec before it is removed, if it is stopped. A running one (removed
 * by force) is not offered: what it was doing is lost. Never holds the remove up for long: when
 * the spec cannot be read within KEEP_WAIT_MS there is simply no Recreate.
 */
export async function keepForRecreate(c: {
  engineId: string;
  id: string;
}): Promise<SavedContainer | undefined> {
  try {
    const d = await call(
      'containers.inspect',
      { engineId: c.engineId, id: c.id },
      { signal: AbortSignal.timeout(KEEP_WAIT_MS) },
    );
    if (d.state.running || d.state.paused || d.state.status === 'restarting') return undefined;
    return { engineId: c.engineId, name: d.name, spec: { ...d.spec, name: d.name } };
  } catch {
    return undefined;
  }
}

/** More than this many in one toast become one "Recreate all N" button. */
const ONE_BUTTON_EACH = 3;

/** What the toast says, so nobody expects their data back. Pure. */
export function recreateNote(count: number, volumesRemoved: boolean): string {
  const it =
    count === 1 ? 'a new container from its settings' : 'new containers from their settings';
  const files = count === 1 ? 'its files are not restored' : 'their files are not restored';
  return `Recreate makes ${it}, not started; ${files}${
    volumesRemoved ? ' and the removed anonymous volumes are gone' : ''
  }.`;
}

/** The toast's buttons: one per container, or one for all of them. Pure. */
export function recreateActions(
  saved: SavedContainer[],
  recreate: (s: SavedContainer[]) => void,
): ToastAction[] {
  if (saved.length > ONE_BUTTON_EACH)
    return [{ label: `Recreate all ${saved.length}`, run: () => recreate(saved) }];
  return saved.map((s) => ({ label: `Recreate ${s.name}`, run: () => recreate([s]) }));
}

/**
 * After a remove: "Removed NAME" with "Recreate NAME" for 10 s, which creates a container with
 * the same settings and name on the same engine.
 */
export function useOfferRecreate() {
  const queryClient = useQueryClient();
  const showResult = useShowResult();
  const showError = useShowError();
  const recreate = useCallback(
    (list: SavedContainer[]) => {
      for (const s of list) {
        call('containers.run', { engineId: s.engineId, spec: s.spec, start: false }).then(
          () => {
            showResult(`Recreated ${s.name}`);
            void queryClient.invalidateQueries({ queryKey: containerKeys.list(s.engineId) });
          },
          (err: unknown) => showError(`Could not recreate ${s.name}`, err),
        );
      }
    },
    [queryClient, showError, showResult],
  );
  return useCallback(
    (saved: SavedContainer[], opts: { removed: number; volumesRemoved: boolean }) => {
      if (saved.length === 0) return;
      const title =
        opts.removed === 1 ? `Removed ${saved[0]!.name}` : `Removed ${opts.removed} containers`;
      showResult(
        title,
        recreateActions(saved, recreate),
        recreateNote(saved.length, opts.volumesRemoved),
      );
    },
    [recreate, showResult],
  );
}
