/**
 * The engine's container status text ("Up 5 minutes (healthy)", "Exited (0) 2 hours ago") is
 * computed when the list is fetched and then frozen. Main parses its duration once into an
 * anchor time (`statusSince`); the renderer re-renders the same text from the anchor as time
 * passes. Both sides use this one parser and one formatter, so the text reads as the engine's.
 */

export interface StatusTime {
  /** "Up ", "Exited (0) ", "Restarting (1) ". */
  prefix: string;
  /** The duration the text states, in seconds (the lower end of what it could mean). */
  seconds: number;
  /** " ago", " (healthy)", " (Paused)", or "". */
  suffix: string;
}

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400,
};

const STATUS =
  /^(Up |(?:Exited|Restarting) \(-?\d+\) )(Less than a second|About an? (minute|hour)|(\d+) (second|minute|hour|day|week|month|year)s?)(.*)$/;

/** The duration in a status text, or undefined when it has none ("Created", "Dead"). Pure. */
export function parseStatusTime(status: string): StatusTime | undefined {
  const m = STATUS.exec(status);
  if (!m) return undefined;
  const [, prefix = '', , about, count, unit, suffix = ''] = m;
  let seconds = 0;
  if (about) seconds = UNIT_SECONDS[about]!;
  else if (count && unit) seconds = Number(count) * UNIT_SECONDS[unit]!;
  return { prefix, seconds, suffix };
}

/**
 * A duration as the engine words it (go-units HumanDuration, which `docker ps` uses): "Less
 * than a second", "1 second", "About a minute", "5 minutes", "About an hour", "3 hours",
 * "2 days", "3 weeks", "4 months", "2 years". Pure.
 */
export function humanDuration(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return `${s} seconds`;
  const minutes = Math.floor(s / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(s / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(s / 3600 / 24 / 365)} years`;
}

/** The status text `seconds` after its anchor, or the text itself when it has no duration. */
export function statusAt(status: string, sinceMs: number | undefined, nowMs: number): string {
  if (sinceMs === undefined) return status;
  const t = parseStatusTime(status);
  if (!t) return status;
  return `${t.prefix}${humanDuration(Math.max(0, (nowMs - sinceMs) / 1000))}${t.suffix}`;
}
