import { describe, expect, it, vi } from 'vitest';
import { createSink, type StreamOut } from '../../../../main/streams/sink';

function out(buffered = 0) {
  const sent: { event: unknown; cost: number }[] = [];
  const ended: unknown[] = [];
  const o: StreamOut & { level: number } = {
    level: buffered,
    event: (event, cost) => sent.push({ event, cost }),
    end: (error) => ended.push(error ?? 'clean'),
    buffered: () => o.level,
  };
  return { o, sent, ended };
}

const window = { high: 100, low: 10 };

describe('the flow-controlled sink', () => {
  it('pauses its source above the high mark and resumes it below the low mark', () => {
    const { o, sent } = out();
    const { sink, ack } = createSink<string>(o, { flow: 'credit', window });
    const pause = vi.fn();
    const resume = vi.fn();
    sink.onPause(pause, resume);
    sink.next('a', 60);
    expect(pause).not.toHaveBeenCalled();
    sink.next('b', 60);
    expect(pause).toHaveBeenCalledTimes(1);
    expect(sink.paused).toBe(true);
    // Bytes are never dropped: the event that crossed the mark was sent.
    expect(sent.map((s) => s.cost)).toEqual([60, 60]);
    ack(100);
    expect(resume).not.toHaveBeenCalled();
    ack(15);
    expect(resume).toHaveBeenCalledTimes(1);
    expect(sink.paused).toBe(false);
  });

  it('cannot be given credit beyond what it sent (a hostile ack)', () => {
    const { o } = out();
    const { sink, ack } = createSink<string>(o, { flow: 'credit', window });
    const pause = vi.fn();
    sink.onPause(pause, vi.fn());
    ack(1_000_000);
    sink.next('a', 101);
    expect(pause).toHaveBeenCalledTimes(1);
  });

  it('a source attached while paused is paused at once', () => {
    const { o } = out();
    const { sink } = createSink<string>(o, { flow: 'credit', window });
    sink.next('a', 500);
    const pause = vi.fn();
    sink.onPause(pause, vi.fn());
    expect(pause).toHaveBeenCalledTimes(1);
  });

  it('a lossy sink drops while the transport is congested, and never pauses', () => {
    const { o, sent } = out();
    const { sink } = createSink<string>(o, { flow: 'lossy', window });
    const pause = vi.fn();
    sink.onPause(pause, vi.fn());
    expect(sink.next('a', 1000)).toBe(true);
    o.level = 101;
    expect(sink.next('b')).toBe(false);
    o.level = 0;
    expect(sink.next('c')).toBe(true);
    expect(sent.map((s) => s.event)).toEqual(['a', 'c']);
    expect(pause).not.toHaveBeenCalled();
  });

  it('ends once; nothing is sent after the end or after close, and the signal says so', () => {
    const { o, sent, ended } = out();
    const { sink } = createSink<string>(o, { flow: 'credit', window });
    sink.end({ code: 'NOT_FOUND', message: 'gone' });
    sink.end();
    expect(sink.next('late')).toBe(false);
    expect(ended).toHaveLength(1);
    expect(sent).toHaveLength(0);
    expect(sink.signal.aborted).toBe(true);
    const second = createSink<string>(o, { flow: 'credit', window });
    second.close();
    expect(second.sink.closed).toBe(true);
    second.sink.end();
    expect(ended).toHaveLength(1);
  });
});
