import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineInfo } from '../../../../contract';
import { subscribe } from '../../api/client';
import { prepend, toItem, type FeedItem } from './feed';

/**
 * Live events of the engines in view, newest first and bounded. Arrivals are batched per
 * animation frame; while `held` (the user scrolled away from the top) they wait in `pending`
 * so the rows under the user's eyes do not move, and `release()` shows them.
 */
export function useEventFeed(engines: EngineInfo[], held: boolean) {
  const [feed, setFeed] = useState<FeedItem[]>([]);
  const [pendingCount, setPendingCount] = useState(0);
  const pending = useRef<FeedItem[]>([]);
  const heldRef = useRef(held);
  const frame = useRef<number | undefined>(undefined);
  const seq = useRef(0);
  const key = engines.map((e) => `${e.id}:${e.name}`).join(',');

  const flush = useCallback(() => {
    frame.current = undefined;
    if (heldRef.current) {
      setPendingCount(pending.current.length);
      return;
    }
    const batch = pending.current;
    pending.current = [];
    setPendingCount(0);
    setFeed((f) => prepend(f, batch));
  }, []);

  useEffect(() => {
    heldRef.current = held;
    if (!held && pending.current.length) flush();
  }, [held, flush]);

  useEffect(() => {
    const list = key
      ? key.split(',').map((s) => {
          const i = s.indexOf(':');
          return { id: s.slice(0, i), name: s.slice(i + 1) };
        })
      : [];
    const streams = list.map((engine) =>
      subscribe('engine.events', { engineId: engine.id }, (e) => {
        pending.current.push(toItem(++seq.current, engine, e));
        // Bounded while held, too: the oldest waiting ones would fall off anyway.
        if (pending.current.length > 5000) pending.current.splice(0, pending.current.length - 5000);
        frame.current ??= requestAnimationFrame(flush);
      }),
    );
    return () => {
      streams.forEach((s) => s.close());
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    };
  }, [key, flush]);

  const clear = useCallback(() => {
    pending.current = [];
    setPendingCount(0);
    setFeed([]);
  }, []);

  return { feed, pendingCount, release: flush, clear };
}
