import { afterEach, describe, expect, it, vi } from 'vitest';
import { OutputCoalescer, pickShell, SHELLS } from '../../../../main/engine/exec';
import type Docker from 'dockerode';

describe('OutputCoalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a lone chunk (an echo) at once', () => {
    vi.useFakeTimers();
    const sent: [string, number][] = [];
    const c = new OutputCoalescer((d, b) => sent.push([d, b]), 2, 1024);
    c.push(Buffer.from('a'));
    expect(sent).toEqual([['a', 1]]);
  });

  it('gathers a flood of small chunks into few messages, byte counts intact', () => {
    vi.useFakeTimers();
    const sent: [string, number][] = [];
    const c = new OutputCoalescer((d, b) => sent.push([d, b]), 2, 1024);
    for (let i = 0; i < 100; i++) c.push(Buffer.from('y\r\n'));
    vi.advanceTimersByTime(2);
    expect(sent.length).toBe(2);
    expect(sent.map(([d]) => d).join('')).toBe('y\r\n'.repeat(100));
    expect(sent.reduce((n, [, b]) => n + b, 0)).toBe(300);
    vi.advanceTimersByTime(10);
    expect(sent.length).toBe(2);
  });

  it('sends at once when the gathered size reaches the limit', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const c = new OutputCoalescer((_d, b) => sent.push(b), 2, 10);
    c.push(Buffer.from('x'));
    for (let i = 0; i < 4; i++) c.push(Buffer.from('abc'));
    expect(sent).toEqual([1, 12]);
  });

  it('never splits a UTF-8 character across messages', () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const c = new OutputCoalescer((d) => sent.push(d), 2, 1024);
    const bytes = Buffer.from('✓');
    c.push(bytes.subarray(0, 1));
    vi.advanceTimersByTime(5);
    c.push(bytes.subarray(1));
    vi.advanceTimersByTime(5);
    expect(sent.join('')).toBe('✓');
  });
});

describe('pickShell', () => {
  const container = (present: string[]) =>
    ({
      infoArchive: ({ path }: { path: string }) =>
        present.includes(path) ? Promise.resolve({}) : Promise.reject(new Error('404')),
    }) as unknown as Docker.Container;

  it('tries /bin/bash, then /bin/sh', async () => {
    expect(SHELLS).toEqual(['/bin/bash', '/bin/sh']);
    expect(await pickShell(container(['/bin/bash', '/bin/sh']))).toBe('/bin/bash');
    expect(await pickShell(container(['/bin/sh']))).toBe('/bin/sh');
    expect(await pickShell(container([]))).toBe('/bin/sh');
  });
});
