import { queryOptions } from '@tanstack/react-query';
import type { EngineInfo } from '../../../contract';
import { call } from '../api/client';

export const engineKeys = {
  all: () => ['engines'] as const,
  list: () => [...engineKeys.all(), 'list'] as const,
};

export const engineQueries = {
  list: () =>
    queryOptions({ queryKey: engineKeys.list(), queryFn: () => call('engines.list', {}) }),
};

/** Where the engine the user last picked is remembered (an id, or "all"). */
export const SELECTED_ENGINE_KEY = 'porthole.engine';

/** The engine a window opens with until the user picks one: the default, else the first. */
export const defaultEngine = (engines: readonly EngineInfo[]): EngineInfo | undefined =>
  engines.find((e) => e.isDefault) ?? engines[0];
