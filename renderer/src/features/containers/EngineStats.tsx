import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StatsSample } from '../../../../contract';
import { useStats } from './stats';

/** One engine's stats stream for its rows on screen; reports each new reading upwards. */
function EngineStats(p: {
  engineId: string;
  ids: string[];
  onLatest(engineId: string, latest: ReadonlyMap<string, StatsSample>): void;
}) {
  const { latest } = useStats(p.engineId, p.ids);
  const { onLatest, engineId } = p;
  useEffect(() => onLatest(engineId, latest), [engineId, latest, onLatest]);
  return null;
}

/**
 * Live stats for the running rows in view, which in All engines come from several engines:
 * one stats stream per engine (a component each), merged into one map keyed "engineId/id".
 */
export function useRowStats(keys: string[]) {
  const [byEngine, setByEngine] = useState<Record<string, ReadonlyMap<string, StatsSample>>>({});
  const onLatest = useCallback(
    (engineId: string, latest: ReadonlyMap<string, StatsSample>) =>
      setByEngine((prev) => (prev[engineId] === latest ? prev : { ...prev, [engineId]: latest })),
    [],
  );
  const idsByEngine = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const key of keys) {
      const slash = key.indexOf('/');
      const engineId = key.slice(0, slash);
      out.set(engineId, [...(out.get(engineId) ?? []), key.slice(slash + 1)]);
    }
    return out;
  }, [keys]);
  const stats = useMemo(() => {
    const merged = new Map<string, StatsSample>();
    for (const [engineId, latest] of Object.entries(byEngine)) {
      for (const [id, s] of latest) merged.set(`${engineId}/${id}`, s);
    }
    return merged;
  }, [byEngine]);
  const streams = [...idsByEngine].map(([engineId, ids]) => (
    <EngineStats key={engineId} engineId={engineId} ids={ids} onLatest={onLatest} />
  ));
  return { stats, streams };
}
