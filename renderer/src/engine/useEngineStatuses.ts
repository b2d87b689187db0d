import { useEffect, useState } from 'react';
import type { EngineStatus } from '../../../contract';
import { subscribe } from '../api/client';

/** Live state of every engine, keyed by id, from the engines.status stream. */
export function useEngineStatuses(): Record<string, EngineStatus> {
  const [statuses, setStatuses] = useState<Record<string, EngineStatus>>({});
  useEffect(
    () =>
      subscribe('engines.status', {}, (status) =>
        setStatuses((prev) => ({ ...prev, [status.engineId]: status })),
      ),
    [],
  );
  return statuses;
}

/** The current time, refreshed every `intervalMs` while `active` (countdowns, relative dates). */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [active, intervalMs]);
  return now;
}
