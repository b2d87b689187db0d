import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ACK_DELAY_MS,
  ACK_NOW_BYTES,
  AckBatcher,
  splitCommand,
} from '../../../../../renderer/src/features/shell/ackPolicy';

describe('AckBatcher', () => {
  afterEach(() => vi.useRealTimers());

  it('acknowledges small writes together after a short delay', () => {
    vi.useFakeTimers();
    const send = vi.fn();
    const a = new AckBatcher(send);
    a.written(1);
    a.written(2);
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(ACK_DELAY_MS);
    expect(send).toHaveBeenCalledWith(3);
  });

  it('acknowledges at once past the threshold, and every byte eventually', () => {
    vi.useFakeTimers();
    const send = vi.fn();
    const a = new AckBatcher(send);
    a.written(ACK_NOW_BYTES - 1);
    a.written(1);
    expect(send).toHaveBeenCalledWith(ACK_NOW_BYTES);
    a.written(5);
    vi.advanceTimersByTime(ACK_DELAY_MS);
    const total = send.mock.calls.reduce((n, [b]) => n + (b as number), 0);
    expect(total).toBe(ACK_NOW_BYTES + 5);
  });
});

describe('splitCommand', () => {
  it('splits words and honours quotes', () => {
    expect(splitCommand('ls -la /tmp')).toEqual(['ls', '-la', '/tmp']);
    expect(splitCommand(`sh -c "echo hi there" 'a b'`)).toEqual([
      'sh',
      '-c',
      'echo hi there',
      'a b',
    ]);
    expect(splitCommand('   ')).toEqual([]);
  });
});
