import type { EngineStatus } from '../../../contract';

/** The status line's words, as UI-CONVENTIONS.md spells them. */
export function statusText(status: EngineStatus | undefined, now: number, name?: string): string {
  const suffix = name ? ` (${name})` : '';
  if (!status || status.state === 'connecting') return `Connecting…${suffix}`;
  if (status.state === 'connected') return `Connected${suffix}`;
  const secs = status.retryAt ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : 0;
  return `Disconnected — retrying in ${secs} s${suffix}`;
}
