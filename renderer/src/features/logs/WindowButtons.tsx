import type { ContainerSummary } from '../../../../contract';
import { Icon } from '../../components/Icon';
import { shellRoute, shellWindowName } from '../shell/shellWindow';
import './logs.css';

/**
 * Opens a log or shell window: a new tab in web mode; in Electron the main process turns this
 * window.open of our own route into a BrowserWindow of its own.
 */
export function openWindow(kind: 'logs' | 'shell', engineId: string, id: string) {
  // A container's shells share one window, as tabs (shellWindow.ts).
  if (kind === 'shell') window.open(shellRoute(engineId, id), shellWindowName(engineId, id));
  else window.open(`#/${kind}/${engineId}/${id}`, '_blank');
}

/**
 * "Logs NAME" and "Shell NAME" for a container row: icons (the row must fit a 1280 px window),
 * named and titled. The engine is the row's own (in All engines
 * rows come from several), never the switcher's: the window opens on the engine the row came from.
 */
export function ContainerWindowButtons({
  container: c,
  engineId,
}: {
  container: ContainerSummary;
  engineId: string;
}) {
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={`Logs ${c.name}`}
        title={`Logs of ${c.name} in a new window`}
        onClick={() => openWindow('logs', engineId, c.id)}
      >
        <Icon name="logs" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={`Shell ${c.name}`}
        title={`Shell in ${c.name} in a new window`}
        onClick={() => openWindow('shell', engineId, c.id)}
      >
        <Icon name="shell" />
      </button>
    </>
  );
}
