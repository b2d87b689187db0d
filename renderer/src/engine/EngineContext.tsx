import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { EngineInfo, EngineStatus } from '../../../contract';
import { useEngineEvents } from '../events/useEngineEvents';
import { engineQueries } from './queries';
import { useEngineStatuses } from './useEngineStatuses';

interface EngineContextValue {
  engines: EngineInfo[];
  loading: boolean;
  /** The engine the screens show. */
  current: EngineInfo | undefined;
  /**
   * The id screens query with: the current engine's, or while the engine list is still loading
   * the one used last time, so the first screen's data loads in parallel with the list.
   */
  engineId: string | undefined;
  currentStatus: EngineStatus | undefined;
  statuses: Record<string, EngineStatus>;
  select(engineId: string): void;
}

const Ctx = createContext<EngineContextValue | undefined>(undefined);

export function EngineProvider({ children }: { children: ReactNode }) {
  const list = useQuery(engineQueries.list());
  const statuses = useEngineStatuses();
  const [selected, setSelected] = useState<string | undefined>(
    () => localStorage.getItem('porthole.engine') ?? undefined,
  );
  const engines = useMemo(() => list.data ?? [], [list.data]);
  const current = engines.find((e) => e.id === selected) ?? engines[0];
  const engineId = current?.id ?? (list.isPending ? selected : undefined);
  useEngineEvents(current?.id);
  useEffect(() => {
    if (current) localStorage.setItem('porthole.engine', current.id);
  }, [current]);

  const value = useMemo<EngineContextValue>(
    () => ({
      engines,
      loading: list.isPending,
      current,
      engineId,
      currentStatus: current ? (statuses[current.id] ?? current.status) : undefined,
      statuses,
      select(engineId) {
        localStorage.setItem('porthole.engine', engineId);
        setSelected(engineId);
      },
    }),
    [engines, list.isPending, current, engineId, statuses],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEngine(): EngineContextValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useEngine outside EngineProvider');
  return value;
}
