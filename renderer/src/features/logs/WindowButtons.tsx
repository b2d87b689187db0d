import type { ContainerSummary } from '../../../../contract';
import { useEngine } from '../../engine/EngineContext';
import './logs.css';

/**
 * Opens a log or shell window: a new tab in web mode; in Electron the main process turns this
 * window.open of our own route into a BrowserWindow of its own.
 */
export function openWindow(kind: 'logs' | 'shell', engineId: string, id: string) {
  window.open(`#/${kind}/${engineId}/${id}`, '_blank');
}

/**
 * "Logs NAME" and "Shell NAME" for a container row. Its own component so the row stays memoized:
 * only these buttons follow the engine context.
 */
export function ContainerWindowButtons({ container: c }: { container: ContainerSummary }) {
  const { engineId } = useEngine();
  if (!engineId) return null;
  return (
    <>
      <button
        type="button"
        className="icon-button text"
        aria-label={`Logs ${c.name}`}
        title={`Logs of ${c.name} in a new window`}
        onClick={() => openWindow('logs', engineId, c.id)}
      >
        Logs
      </button>
      <button
        type="button"
        className="icon-button text"
        aria-label={`Shell ${c.name}`}
        title={`Shell in ${c.name} in a new window`}
        onClick={() => openWindow('shell', engineId, c.id)}
      >
        Shell
      </button>
    </>
  );
}
