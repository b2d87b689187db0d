import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { calls, decodeFrame, streams, type ServerFrame } from '../../../contract';
import { createRouter, type CallHandlers, type StreamHandlers } from '../../../main/router';
import { openConnection } from '../../../main/transport/connection';
import { quietLog } from '../main/fake-core';

/**
 * Every handler records what reached it; every input that reached one must have been valid for
 * its schema. Whatever the frames, the connection answers with refusals and never throws.
 */
function instrumented() {
  const reached: { name: string; input: unknown }[] = [];
  const callHandlers = new Proxy({} as CallHandlers, {
    get: (_t, name: string) => async (input: unknown) => {
      reached.push({ name, input });
      return null;
    },
  });
  const streamHandlers = new Proxy({} as StreamHandlers, {
    get: (_t, name: string) => (_ctx: unknown, input: unknown) => {
      reached.push({ name, input });
      return { control: (msg: unknown) => reached.push({ name: `${name}#control`, input: msg }) };
    },
  });
  const frames: ServerFrame[] = [];
  const router = createRouter(callHandlers, streamHandlers, quietLog);
  const connection = openConnection(router, { send: (f) => frames.push(f) });
  return { reached, frames, connection };
}

const names = [...Object.keys(calls), ...Object.keys(streams)];
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 5 }),
);
const id = fc.oneof(fc.nat({ max: 20 }), fc.integer(), fc.double(), fc.string({ maxLength: 3 }));
/** Frames shaped like the protocol's, with every field possibly wrong. */
const frame = fc.oneof(
  fc.record({
    t: fc.constantFrom('call', 'sub'),
    id,
    name: fc.constantFrom(...names, 'x', '__proto__', 'constructor'),
    input: junk,
  }),
  fc.record({
    t: fc.constantFrom('ctl', 'ack', 'cancel', 'unsub'),
    id,
    msg: junk,
    n: fc.oneof(fc.integer(), junk),
  }),
  fc.record({ t: fc.oneof(fc.string({ maxLength: 6 }), junk), id, name: junk }),
  junk,
);

describe('the boundary under fuzz', () => {
  it('refuses thousands of malformed frames: no throw, no handler reached with bad input', async () => {
    const { reached, frames, connection } = instrumented();
    fc.assert(
      fc.property(frame, (f) => {
        expect(() => connection.receive(f)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
    // Binary frames that decode to nothing are refused the same way.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(() => connection.receive(decodeFrame(bytes))).not.toThrow();
      }),
      { numRuns: 1000 },
    );
    await new Promise((r) => setTimeout(r, 10));
    for (const { name, input } of reached) {
      const [stream, control] = name.split('#');
      const def = (
        calls as Record<string, { input: { safeParse(v: unknown): { success: boolean } } }>
      )[stream!];
      const sdef = (
        streams as Record<
          string,
          {
            input: { safeParse(v: unknown): { success: boolean } };
            control?: { safeParse(v: unknown): { success: boolean } };
          }
        >
      )[stream!];
      const schema = control ? sdef?.control : (def ?? sdef)?.input;
      expect(schema?.safeParse(input).success, `${name} got ${JSON.stringify(input)}`).toBe(true);
    }
    // Every refusal is a protocol answer, never a crash: error frames, failed results, ends.
    expect(frames.length).toBeGreaterThan(1000);
    for (const f of frames) {
      if (f.t === 'error') expect(f.error.code).toBe('INVALID_INPUT');
      if (f.t === 'result' && !f.ok) expect(['INVALID_INPUT', 'INTERNAL']).toContain(f.error.code);
    }
  });

  it('a control frame for a stream of another connection never reaches it', () => {
    const a = instrumented();
    const b = openConnection(
      createRouter(
        new Proxy({} as CallHandlers, { get: () => vi.fn() }),
        new Proxy({} as StreamHandlers, { get: () => () => ({ control: vi.fn() }) }),
        quietLog,
      ),
      { send: vi.fn() },
    );
    a.connection.receive({
      t: 'sub',
      id: 1,
      name: 'exec.session',
      input: { engineId: 'e', id: 'c', cols: 80, rows: 24 },
    });
    b.receive({ t: 'ctl', id: 1, msg: { kind: 'input', data: 'rm -rf /\r' } });
    expect(a.reached.filter((r) => r.name.endsWith('#control'))).toEqual([]);
  });
});
