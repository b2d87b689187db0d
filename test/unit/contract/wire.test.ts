import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClientFrame, decodeFrame, encodeFrame, type ServerFrame } from '../../../contract/wire';

describe('ClientFrame', () => {
  it('accepts the six frames a client may send', () => {
    for (const f of [
      { t: 'call', id: 1, name: 'engines.list', input: {} },
      { t: 'cancel', id: 1 },
      { t: 'sub', id: 0, name: 'x', input: null },
      { t: 'ctl', id: 3, msg: { kind: 'input', data: 'a' } },
      { t: 'ack', id: 3, n: 4096 },
      { t: 'unsub', id: 3 },
    ]) {
      expect(ClientFrame.safeParse(f).success).toBe(true);
    }
  });

  it('rejects unknown verbs, bad ids, extra keys, negative or huge credit', () => {
    for (const f of [
      { t: 'eval', id: 1, name: 'x', input: {} },
      { t: 'CALL', id: 1, name: 'x', input: {} },
      { id: 1, name: 'x', input: {} },
      { t: 'unsub', id: -1 },
      { t: 'unsub', id: 1.5 },
      { t: 'unsub', id: '1' },
      { t: 'unsub', id: 2 ** 40 },
      { t: 'unsub', id: 1, name: 'x' },
      { t: 'call', id: 1, input: {} },
      { t: 'call', id: 1, name: 'x'.repeat(1000), input: {} },
      { t: 'ack', id: 1, n: -5 },
      { t: 'ack', id: 1, n: 2 ** 40 },
      'call',
      null,
    ]) {
      expect(ClientFrame.safeParse(f).success).toBe(false);
    }
  });
});

describe('binary frames', () => {
  it('a frame without bytes is JSON text', () => {
    const frame: ServerFrame = { t: 'event', id: 2, event: { kind: 'state' }, n: 3 };
    expect(typeof encodeFrame(frame)).toBe('string');
    expect(decodeFrame(encodeFrame(frame))).toEqual(frame);
  });

  it('bytes travel as a binary payload, unchanged and not base64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.nat(), (data, id) => {
        const frame: ServerFrame = {
          t: 'event',
          id,
          event: { kind: 'chunk', data },
          n: data.length,
        };
        const wire = encodeFrame(frame);
        expect(wire).toBeInstanceOf(Uint8Array);
        expect((wire as Uint8Array).byteLength).toBeLessThan(data.length + 80);
        const back = decodeFrame(wire) as { event: { data: Uint8Array } };
        expect(Array.from(back.event.data)).toEqual(Array.from(data));
        expect(back).toMatchObject({ t: 'event', id, n: data.length, event: { kind: 'chunk' } });
      }),
    );
  });

  it('a client’s control message with bytes round-trips too', () => {
    const data = new Uint8Array([0, 1, 2, 255]);
    const back = decodeFrame(encodeFrame({ t: 'ctl', id: 9, msg: { kind: 'chunk', data } }));
    expect(ClientFrame.parse(back)).toEqual({ t: 'ctl', id: 9, msg: { kind: 'chunk', data } });
  });

  it('never throws on garbage: it answers undefined', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 64 })), (junk) => {
        expect(() => decodeFrame(junk)).not.toThrow();
      }),
    );
    expect(decodeFrame(new Uint8Array([0, 0, 0, 200, 1]))).toBeUndefined();
    expect(decodeFrame('{"t":')).toBeUndefined();
  });
});
