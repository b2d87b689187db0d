import type { PortholeError } from '../../../../contract';
import { call, subscribe } from '../../api/client';

/**
 * Saves the container's whole log to a file: streamed from the engine through the router (the
 * view's buffer holds only the newest lines), chunks acknowledged as they arrive, then one Blob.
 */
export function downloadLog(
  engineId: string,
  id: string,
  name: string,
  timestamps: boolean,
  onProgress: (bytes: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const parts: string[] = [];
    let sessionId = '';
    let total = 0;
    subscribe(
      'logs.download',
      { engineId, id, stdout: true, stderr: true, timestamps },
      (e) => {
        if (e.kind === 'session') {
          sessionId = e.sessionId;
          return;
        }
        parts.push(e.data);
        total += e.data.length;
        onProgress(total);
        call('logs.ack', { engineId, sessionId, bytes: e.bytes }).catch(() => {});
      },
      (error?: PortholeError) => {
        if (error) return reject(new Error(error.message));
        const url = URL.createObjectURL(new Blob(parts, { type: 'text/plain' }));
        const a = document.createElement('a');
        a.href = url;
        a.download = `${name}.log`;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        resolve();
      },
    );
  });
}
