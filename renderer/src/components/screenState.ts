import { ApiError } from '../api/client';

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
