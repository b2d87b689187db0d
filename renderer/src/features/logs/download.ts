import { saveDownload } from '../../api/saveDownload';
import { SERVICE_LOGS } from './useLogStreams';

/**
 * Saves the container's whole log to a file: streamed from the engine through the router (the
 * view's buffer holds only the newest lines) as one response body that the browser saves
 * itself (saveDownload) — never held in the JS heap.
 */
export async function downloadLog(
  engineId: string,
  id: string,
  name: string,
  timestamps: boolean,
  onProgress: (bytes: number) => void,
): Promise<void> {
  const options = { onBytes: onProgress };
  // A Swarm service's log (every task's lines) comes from the service, not a container.
  if (id.startsWith(SERVICE_LOGS)) {
    const service = id.slice(SERVICE_LOGS.length);
    await saveDownload(
      'services.logsDownload',
      { engineId, id: service, timestamps },
      `${name}.log`,
      options,
    );
  } else {
    await saveDownload(
      'logs.download',
      { engineId, id, stdout: true, stderr: true, timestamps },
      `${name}.log`,
      options,
    );
  }
}
