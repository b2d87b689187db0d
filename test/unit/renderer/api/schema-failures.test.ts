import { describe, expect, it, vi } from 'vitest';
import { EngineStreamEvent, type PortClientFrame, type PortFrame } from '../../../../contract';
import { parseOrReport } from '../../../../renderer/src/api/schema-failures';
import type { Transport } from '../../../../renderer/src/api/transport';

const good = { kind: 'event', type: 'container', action: 'start', id: 'c1', timeNano: '1' };
// What an engine that drifted from the contract might send: a number where a string belongs.
const drifted = { ...good, timeNano: 1 };

describe('parseOrReport', () => {
  it('passes a matching value through, uncounted and unlogged', () => {
    const failures = { count: 0 };
    const log = vi.fn();
    const got = parseOrReport(EngineStreamEvent, good, 'an event of engine.events', failures, log);
    expect(got).toEqual({ ok: true, data: good });
    expect(failures.count).toBe(0);
    expect(log).not.toHaveBeenCalled();
  });

  it('counts and logs a mismatch, naming what failed and the offending field', () => {
    const failures = { count: 0 };
    const log = vi.fn();
    const what = 'an event of engine.events';
    expect(parseOrReport(EngineStreamEvent, drifted, what, failures, log)).toMatchObject({
      ok: false,
      error: expect.any(Error),
    });
    expect(parseOrReport(EngineStreamEvent, null, what, failures, log)).toMatchObject({
      ok: false,
      error: expect.any(Error),
    });
    expect(failures.count).toBe(2);
    expect(log).toHaveBeenCalledTimes(2);
    const [message, detail] = log.mock.calls[0]!;
    expect(message).toMatch(
      /^Porthole: an event of engine.events did not match the contract: timeNano: Invalid input/,
    );
    expect(JSON.stringify(detail)).toContain('timeNano');
  });
});

describe('subscribe (the client over a stand-in transport)', () => {
  it('a drifted event is not delivered but counted on __portholeSchemaFailures, and its credit acked', async () => {
    let onFrame: (f: PortFrame) => void = () => undefined;
    const posted: PortClientFrame[] = [];
    const porthole: Transport = {
      call: () => ({ result: new Promise(() => undefined), cancel: () => undefined }),
      subscribe: (_name, _input, f) => {
        onFrame = f;
        return { post: (frame) => posted.push(frame), close: () => undefined };
      },
    };
    vi.stubGlobal('window', { porthole });
    vi.stubGlobal('location', { protocol: 'http:', host: '127.0.0.1' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const { subscribe } = await import('../../../../renderer/src/api/client');
      const counter = (globalThis as unknown as { __portholeSchemaFailures: { count: number } })
        .__portholeSchemaFailures;
      const before = counter.count;
      const seen: unknown[] = [];
      subscribe('engine.events', { engineId: 'e' }, (e) => seen.push(e), undefined, {
        manualAck: true,
      });
      onFrame({ t: 'event', event: good, n: 10 });
      onFrame({ t: 'event', event: drifted, n: 7 });
      expect(seen).toEqual([good]);
      expect(counter.count - before).toBe(1);
      // manualAck: the delivered event is the consumer's to ack; the dropped one is acked here.
      expect(posted).toEqual([{ t: 'ack', n: 7 }]);
    } finally {
      vi.unstubAllGlobals();
      vi.restoreAllMocks();
    }
  });
});
