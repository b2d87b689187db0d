import { ApiError } from '../api/client';
import { useEngine } from '../engine/EngineContext';

export type ScreenState = 'loading' | 'unreachable' | 'error' | 'ready';

/**
 * What a resource screen shows. Data in hand always wins (stale rows beat a blank page while
 * the engine reconnects); otherwise loading, "cannot reach the engine", or the error.
 */
export function screenState(s: {
  loadingEngines: boolean;
  hasEngine: boolean;
  connected: boolean;
  hasData: boolean;
  error: Error | null;
}): ScreenState {
  if (s.hasData) return 'ready';
  if (s.loadingEngines) return 'loading';
  if (!s.hasEngine) return 'unreachable';
  if (s.error instanceof ApiError && s.error.code === 'ENGINE_UNREACHABLE') return 'unreachable';
  if (!s.connected) return 'unreachable';
  if (s.error) return 'error';
  return 'loading';
}

/** screenState() for the current engine and one list query: what every resource screen shows. */
export function useScreenView(list: { data: unknown; error: Error | null }): ScreenState {
  const { current, currentStatus, loading } = useEngine();
  return screenState({
    loadingEngines: loading,
    hasEngine: !!current,
    connected: currentStatus?.state === 'connected',
    hasData: list.data !== undefined,
    error: list.error,
  });
}
