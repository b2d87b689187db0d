import type { IncomingMessage } from 'node:http';
import type Docker from 'dockerode';

/**
 * The engine's clock now, to the second, as RFC 3339 ("2026-12-02T21:50:00Z"): the Date header
 * of its answer to a ping. Log times are stamped by the engine, so a cut between the lines
 * already written and those to follow must be on its clock, not ours. Undefined when the answer
 * has no usable Date (a proxy that drops it): the caller then asks for stamps throughout.
 */
export function engineClock(docker: Docker, signal: AbortSignal): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: '/_ping?',
        method: 'GET',
        isStream: true,
        abortSignal: signal,
        statusCodes: { 200: true, 500: 'server error' },
        options: {},
      },
      (err: unknown, res: unknown) => {
        if (err) return reject(err);
        const response = res as IncomingMessage;
        response.resume();
        const ms = Date.parse(response.headers.date ?? '');
        resolve(Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : undefined);
      },
    );
  });
}
