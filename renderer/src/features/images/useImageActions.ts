import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { RunSpec } from '../../../../contract';
import { call } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { imageKeys, imageQueries } from './queries';
import { randomSuffix, runPrefill } from './run';

/** Where a container just started is shown: its own screen, with logs and port links. */
export const showContainer = (engineId: string, id: string) => {
  location.hash = `#/containers/${engineId}/${id}`;
};

/**
 * Tag, remove, run. Each action goes to `engineId`, or to the row's own engine when given (rows
 * in All engines come from several). The events stream refreshes the list; errors become alerts.
 */
export function useImageActions(engineId: string) {
  const queryClient = useQueryClient();
  const showError = useShowError();
  const settle = (_r: unknown, _e: unknown, v: { engineId?: string | undefined }) =>
    queryClient.invalidateQueries({ queryKey: imageKeys.all(v.engineId ?? engineId) });
  const [runForm, setRunForm] = useState<
    (Partial<RunSpec> & { engineId?: string | undefined }) | undefined
  >();

  const tag = useMutation({
    mutationFn: (v: { id: string; ref: string; target: string; engineId?: string | undefined }) =>
      call('images.tag', { engineId: v.engineId ?? engineId, id: v.id, target: v.target }),
    onError: (err, v) => showError(`Could not tag ${v.ref}`, err),
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (v: { id: string; ref: string; force: boolean; engineId?: string | undefined }) =>
      call('images.remove', { engineId: v.engineId ?? engineId, id: v.id, force: v.force }),
    onError: (err, v) => showError(`Could not remove ${v.ref}`, err),
    onSettled: settle,
  });
  /** "Run now": the defaults, no form (main pulls first if the image is missing). */
  const runNow = useMutation({
    mutationFn: (v: { ref: string }) => call('images.run', { engineId, ref: v.ref }),
    onError: (err, v) => showError(`Could not run ${v.ref}`, err),
    onSuccess: (result) => showContainer(engineId, result.id),
  });

  /** Opens the run form prefilled from the image (which must be present on that engine). */
  const openRunForm = useCallback(
    async (ref: string, on?: string) => {
      const target = on ?? engineId;
      try {
        const detail = await queryClient.fetchQuery(imageQueries.detail(target, ref));
        setRunForm({ ...runPrefill(ref, detail.exposedPorts, randomSuffix()), engineId: target });
      } catch (err) {
        showError(`Could not read ${ref}`, err);
      }
    },
    [engineId, queryClient, showError],
  );

  return { tag, remove, runNow, runForm, openRunForm, closeRunForm: () => setRunForm(undefined) };
}
