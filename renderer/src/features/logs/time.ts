const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * What a person types for since/until → what the engine takes (Unix seconds). Accepts a
 * relative age like the CLI ("10m", "2h", "1d" ago) or a date/time ("2024-01-31 12:00",
 * ISO 8601). Empty means no limit.
 */
export function parseLogTime(
  input: string,
  nowMs: number,
): { ok: true; value: string | undefined } | { ok: false; error: string } {
  const text = input.trim();
  if (!text) return { ok: true, value: undefined };
  const rel = /^(\d{1,6})\s*([smhd])$/i.exec(text);
  if (rel) {
    const secs = Math.floor(nowMs / 1000) - Number(rel[1]) * UNITS[rel[2]!.toLowerCase()]!;
    return { ok: true, value: String(Math.max(0, secs)) };
  }
  if (/^\d{9,10}$/.test(text)) return { ok: true, value: text };
  const ms = Date.parse(text.replace(' ', 'T'));
  if (Number.isNaN(ms)) {
    return { ok: false, error: 'Use an age like 10m, 2h, 1d, or a date like 2024-01-31 12:00.' };
  }
  return { ok: true, value: String(Math.floor(ms / 1000)) };
}
