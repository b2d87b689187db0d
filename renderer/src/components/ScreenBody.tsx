import type { ReactNode } from 'react';
import { useEngine } from '../engine/EngineContext';
import { NoEngine } from './NoEngine';
import { useScreenView } from './screenState';

interface Props {
  /** The screen's list query. */
  list: { data: unknown; error: Error | null };
  /** Plural, lower case: "containers", "images"… */
  noun: string;
  /** Rendered only once the list is there (stale data during a reconnect counts). */
  children: () => ReactNode;
}

/** The loading / cannot-reach-the-engine / error states every resource screen shares. */
export function ScreenBody({ list, noun, children }: Props) {
  const view = useScreenView(list);
  const { current, currentStatus } = useEngine();
  if (view === 'loading') {
    return (
      <p className="empty" aria-live="polite">
        Loading {noun}…
      </p>
    );
  }
  if (view === 'unreachable') {
    return (
      <NoEngine
        {...(current ? { engine: current } : {})}
        {...(currentStatus ? { status: currentStatus } : {})}
      />
    );
  }
  if (view === 'error') {
    return (
      <p role="alert">
        Could not list {noun}: {list.error?.message}
      </p>
    );
  }
  return <>{children()}</>;
}
