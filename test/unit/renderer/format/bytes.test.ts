import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../../renderer/src/format/bytes';

describe('formatBytes', () => {
  it('prints whole bytes below 1 kB', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(999)).toBe('999 B');
  });

  it('uses decimal units like the docker CLI, one decimal below 100', () => {
    expect(formatBytes(1000)).toBe('1.0 kB');
    expect(formatBytes(1536)).toBe('1.5 kB');
    expect(formatBytes(5000)).toBe('5.0 kB');
    expect(formatBytes(1_980_000)).toBe('2.0 MB');
    expect(formatBytes(1_500_000_000)).toBe('1.5 GB');
    expect(formatBytes(2_000_000_000_000)).toBe('2.0 TB');
  });

  it('drops the decimal from 100 up', () => {
    expect(formatBytes(250_000)).toBe('250 kB');
    expect(formatBytes(123_400_000)).toBe('123 MB');
    expect(formatBytes(99_960)).toBe('100 kB');
  });

  it('steps up a unit instead of printing 1000', () => {
    expect(formatBytes(999_499)).toBe('999 kB');
    expect(formatBytes(999_960)).toBe('1.0 MB');
  });

  it('says unknown for a negative or non-finite count', () => {
    expect(formatBytes(-1)).toBe('unknown');
    expect(formatBytes(Number.NaN)).toBe('unknown');
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('unknown');
  });
});
