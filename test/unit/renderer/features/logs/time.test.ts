import { describe, expect, it } from 'vitest';
import { parseLogTime } from '../../../../../renderer/src/features/logs/time';

const now = Date.parse('2024-01-31T12:00:00Z');

describe('parseLogTime', () => {
  it('empty means no limit', () => {
    expect(parseLogTime('  ', now)).toEqual({ ok: true, value: undefined });
  });

  it('relative ages, like the CLI', () => {
    expect(parseLogTime('10m', now)).toEqual({ ok: true, value: String(now / 1000 - 600) });
    expect(parseLogTime('2h', now)).toEqual({ ok: true, value: String(now / 1000 - 7200) });
    expect(parseLogTime('1D', now)).toEqual({ ok: true, value: String(now / 1000 - 86400) });
  });

  it('dates and Unix seconds', () => {
    expect(parseLogTime('2024-01-31T11:00:00Z', now)).toEqual({
      ok: true,
      value: String(now / 1000 - 3600),
    });
    expect(parseLogTime('1706702400', now)).toEqual({ ok: true, value: '1706702400' });
  });

  it('anything else is an error that says what to type', () => {
    const r = parseLogTime('yesterday-ish', now);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/10m/);
  });
});
