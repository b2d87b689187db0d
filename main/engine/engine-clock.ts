import type Docker from 'dockerode';
import { RFC3339 } from './log-lines';
import { withSignal } from './signal';

/**
 * The engine's clock now, to the nanosecond, as RFC 3339 in UTC ("2026-12-02T21:50:00.123456789Z"):
 * its info's SystemTime. Log times are stamped by the engine, so a cut between the lines already
 * written and those to follow must be on its clock, not ours — and exact: a cut to the second
 * (a ping's Date header, as first built) handed the lines of the current second to the following
 * part, where a tail does not limit them. Undefined when the engine gives no usable time: the
 * caller then asks for stamps throughout.
 */
export async function engineClock(
  docker: Docker,
  signal: AbortSignal,
): Promise<string | undefined> {
  const info = (await withSignal(docker).info(signal)) as { SystemTime?: unknown } | undefined;
  return typeof info?.SystemTime === 'string' ? utcStamp(info.SystemTime) : undefined;
}

/**
 * An RFC 3339 time with any offset ("…T07:50:00.5+01:00": the engine's own zone) as UTC with
 * all its fraction ("…T06:50:00.5Z"); undefined when it is not one. Pure.
 */
export function utcStamp(time: string): string | undefined {
  const m = RFC3339.exec(time.trim());
  if (!m) return undefined;
  const secs = Date.parse(`${m[1]}${m[3]}`);
  if (!Number.isFinite(secs)) return undefined;
  const whole = new Date(secs).toISOString().slice(0, 19);
  return m[2] ? `${whole}.${m[2]}Z` : `${whole}Z`;
}
