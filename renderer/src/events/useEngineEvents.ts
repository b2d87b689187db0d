import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EngineStreamEvent } from '../../../contract';
import { subscribe } from '../api/client';
import { RECONNECTED_EVENT } from '../api/web-transport';
import { createListPatcher } from '../features/containers/listPatch';
import { Coalescer, invalidationsFor } from './invalidation';
import { refreshAfterSubscribe } from './refreshAfterSubscribe';

/** Features that keep a cached list current by patching rows instead of refetching it. */
const FEATURE_PATCHERS = [createListPatcher] as const;

/**
 * The event hub: one events subscription per engine, turned into targeted invalidations. It
 * only coalesces and dispatches; which keys an event makes stale is each feature's business.
 */
export function useEngineEvents(engineId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!engineId) return;
    const patchers = FEATURE_PATCHERS.map((create) => create(queryClient, engineId));
    const coalescer = new Coalescer<EngineStreamEvent>((batch) => {
      for (const queryKey of invalidationsFor(engineId, batch)) {
        void queryClient.invalidateQueries({ queryKey });
      }
      for (const p of patchers) p.onEvents(batch);
    });
    const stream = subscribe('engine.events', { engineId }, (e) => coalescer.push(e));
    // What the engine reported while no subscription of this page was open (another engine in
    // view, or before this one reached main) is not coming on it.
    const stopRefresh = refreshAfterSubscribe(
      queryClient,
      invalidationsFor(engineId, [{ kind: 'reconcile' }]),
    );
    // Events sent while the web-mode socket was down are lost: refetch everything once.
    const onReconnect = () => coalescer.push({ kind: 'reconcile' });
    window.addEventListener(RECONNECTED_EVENT, onReconnect);
    return () => {
      stream.close();
      stopRefresh();
      window.removeEventListener(RECONNECTED_EVENT, onReconnect);
      coalescer.dispose();
      patchers.forEach((p) => p.dispose());
    };
  }, [engineId, queryClient]);
}
