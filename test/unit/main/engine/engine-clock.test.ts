import { describe, expect, it } from 'vitest';
import { utcStamp } from '../../../../main/engine/engine-clock';

describe('utcStamp: the engine info SystemTime as a UTC log stamp', () => {
  it('keeps a UTC time and all of its fraction', () => {
    expect(utcStamp('2026-12-03T06:50:00.123456789Z')).toBe('2026-12-03T06:50:00.123456789Z');
    expect(utcStamp('2026-12-03T06:50:00Z')).toBe('2026-12-03T06:50:00Z');
  });

  it("moves the engine's own zone to UTC, across midnight too, without touching the fraction", () => {
    expect(utcStamp('2026-12-03T07:50:00.5+01:00')).toBe('2026-12-03T06:50:00.5Z');
    expect(utcStamp('2026-12-02T23:30:01.000000001-05:00')).toBe('2026-12-03T04:30:01.000000001Z');
    expect(utcStamp('2026-12-03T00:10:00.25+00:30')).toBe('2026-12-02T23:40:00.25Z');
  });

  it('refuses what is not an RFC 3339 time', () => {
    for (const bad of [
      '',
      'now',
      '2026-12-03 06:50:00Z',
      '2026-12-03T06:50:00',
      '2026-13-45T99:00:00Z',
    ]) {
      expect(utcStamp(bad)).toBeUndefined();
    }
  });
});
