import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { EngineInfo, EngineStatus } from '../../../contract';
import { useEngineEvents } from '../events/useEngineEvents';
import { defaultEngine, engineQueries, SELECTED_ENGINE_KEY } from './queries';
import { useEngineStatuses } from './useEngineStatuses';

/** The switcher's value for the merged view. */
export const ALL_ENGINES = 'all';

interface EngineContextValue {
  engines: EngineInfo[];
  loading: boolean;
  /** "All engines" is selected: resource screens merge every engine in `scope`. */
  all: boolean;
  /**
   * The engine single-engine screens and actions use: the picked one, or in All engines the
   * default one (the Run form, pulls and registries still need one engine).
   */
  current: EngineInfo | undefined;
  /**
   * The id screens query with: the current engine's, or while the engine list is still loading
   * the one used last time, so the first screen's data loads in parallel with the list.
   */
  engineId: string | undefined;
  currentStatus: EngineStatus | undefined;
  /** The engines resource screens show: every engine in All engines, else the current one. */
  scope: EngineInfo[];
  statuses: Record<string, EngineStatus>;
  /** An engine id, or ALL_ENGINES. */
  select(engineId: string): void;
}

const Ctx = createContext<EngineContextValue | undefined>(undefined);

/** One events subscription per engine in view: a component each, so the hook is not looped. */
function EngineEvents({ engineId }: { engineId: string }) {
  useEngineEvents(engineId);
  return null;
}

export function EngineProvider({ children }: { children: ReactNode }) {
  const list = useQuery(engineQueries.list());
  const statuses = useEngineStatuses();
  const [selected, setSelected] = useState<string | undefined>(
    () => localStorage.getItem(SELECTED_ENGINE_KEY) ?? undefined,
  );
  const engines = useMemo(() => list.data ?? [], [list.data]);
  const all = selected === ALL_ENGINES && engines.length > 0;
  const fallback = defaultEngine(engines);
  const current = (all ? undefined : engines.find((e) => e.id === selected)) ?? fallback;
  const pending = selected === ALL_ENGINES ? undefined : selected;
  const engineId = current?.id ?? (list.isPending ? pending : undefined);
  const scope = useMemo(() => (all ? engines : current ? [current] : []), [all, engines, current]);

  const value = useMemo<EngineContextValue>(
    () => ({
      engines,
      loading: list.isPending,
      all,
      current,
      engineId,
      currentStatus: current ? (statuses[current.id] ?? current.status) : undefined,
      scope,
      statuses,
      select(id) {
        // Only an explicit pick is remembered: until then the default engine opens.
        localStorage.setItem(SELECTED_ENGINE_KEY, id);
        setSelected(id);
      },
    }),
    [engines, list.isPending, all, current, engineId, scope, statuses],
  );
  return (
    <Ctx.Provider value={value}>
      {scope.map((e) => (
        <EngineEvents key={e.id} engineId={e.id} />
      ))}
      {children}
    </Ctx.Provider>
  );
}

export function useEngine(): EngineContextValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useEngine outside EngineProvider');
  return value;
}

/** The live status of one engine (the stream's, else the list's snapshot). */
export function statusOf(engine: EngineInfo, statuses: Record<string, EngineStatus>): EngineStatus {
  return statuses[engine.id] ?? engine.status;
}
