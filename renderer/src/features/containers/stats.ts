import { useEffect, useState } from 'react';
import type { StatsSample } from '../../../../contract';
import { subscribe } from '../../api/client';

export const formatPercent = (p: number) => `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;

/** Keeps the last `max` samples, oldest first. Pure. */
export function pushHistory(
  history: StatsSample[],
  sample: StatsSample,
  max: number,
): StatsSample[] {
  const next = history.length >= max ? history.slice(history.length - max + 1) : history.slice();
  next.push(sample);
  return next;
}

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  useEffect(() => {
    const on = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', on);
    return () => document.removeEventListener('visibilitychange', on);
  }, []);
  return visible;
}

/**
 * Live stats for the given containers, straight from the router stream (never the query cache).
 * One subscription for all of them; it ends when the ids change, the page is hidden, or the
 * component unmounts, and main then closes every engine stream behind it.
 */
export function useStats(
  engineId: string | undefined,
  ids: string[],
  historyLength = 0,
): { latest: ReadonlyMap<string, StatsSample>; history: ReadonlyMap<string, StatsSample[]> } {
  const visible = usePageVisible();
  const key = [...new Set(ids)].sort().join(',');
  const [state, setState] = useState(() => ({
    latest: new Map<string, StatsSample>(),
    history: new Map<string, StatsSample[]>(),
  }));
  useEffect(() => {
    if (!engineId || !key || !visible) return;
    const stream = subscribe('containers.stats', { engineId, ids: key.split(',') }, (batch) =>
      setState((prev) => {
        const latest = new Map(prev.latest);
        const history = historyLength ? new Map(prev.history) : prev.history;
        for (const s of batch) {
          latest.set(s.id, s);
          if (historyLength)
            history.set(s.id, pushHistory(history.get(s.id) ?? [], s, historyLength));
        }
        return { latest, history };
      }),
    );
    return () => stream.close();
  }, [engineId, key, visible, historyLength]);
  return state;
}
