import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EngineStreamEvent } from '../../../contract';
import { subscribe } from '../api/client';
import { RECONNECTED_EVENT } from '../api/web-transport';
import { Coalescer, invalidationsFor } from './invalidation';

/** The event hub: one events subscription per engine, turned into targeted invalidations. */
export function useEngineEvents(engineId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!engineId) return;
    const coalescer = new Coalescer<EngineStreamEvent>((batch) => {
      for (const queryKey of invalidationsFor(engineId, batch)) {
        void queryClient.invalidateQueries({ queryKey });
      }
    });
    const unsubscribe = subscribe('engine.events', { engineId }, (e) => coalescer.push(e));
    // Events sent while the web-mode socket was down are lost: refetch everything once.
    const onReconnect = () => coalescer.push({ kind: 'reconcile' });
    window.addEventListener(RECONNECTED_EVENT, onReconnect);
    return () => {
      unsubscribe();
      window.removeEventListener(RECONNECTED_EVENT, onReconnect);
      coalescer.dispose();
    };
  }, [engineId, queryClient]);
}
