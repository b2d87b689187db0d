import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import {
  logTexts,
  WINDOWS,
  type LogDownloadEvent,
  type LogEvent,
  type LogLines,
  type PortholeError,
} from '../../../../contract';
import type { EngineConnection } from '../../../../main/engine/connection';
import { downloadLogs, followLogs } from '../../../../main/engine/logs';
import { createSink, type StreamOut } from '../../../../main/streams/sink';

const TS = (s: number) => `2026-12-01T21:14:${String(s).padStart(2, '0')}.000000000Z`;
const frame = (type: number, text: string) => {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = type;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
};
const tick = () => new Promise((r) => setTimeout(r, 0));
/** Long enough for the batcher's interval. */
const settle = () => new Promise((r) => setTimeout(r, 50));

/** An engine whose log requests are PassThroughs the test writes to. */
function fakeDocker(state: { tty?: boolean; running: boolean }) {
  const streams: PassThrough[] = [];
  const queries: Record<string, unknown>[] = [];
  const docker = {
    getContainer: () => ({
      inspect: async () => {
        return {
          Id: 'c1',
          Name: '/web',
          Config: { Tty: !!state.tty },
          State: { Running: state.running },
        };
      },
    }),
    modem: {
      dial: (o: { options: Record<string, unknown> }, cb: (e: unknown, s: unknown) => void) => {
        const s = new PassThrough();
        streams.push(s);
        queries.push({ ...o.options });
        setImmediate(() => cb(null, s));
      },
    },
  } as unknown as Docker;
  return { docker, streams, queries };
}

function recordingSink<E>(window = WINDOWS.lines) {
  const events: { event: E; cost: number }[] = [];
  const ends: (PortholeError | undefined)[] = [];
  const out: StreamOut = {
    event: (event, cost) => events.push({ event: event as E, cost }),
    end: (error) => ends.push(error),
    buffered: () => 0,
  };
  return { ...createSink<E>(out, { flow: 'credit', window }), events, ends };
}

const lines = (events: { event: LogEvent }[]) =>
  events.flatMap(({ event }) => (event.kind === 'lines' ? logTexts(event) : []));
const states = (events: { event: LogEvent }[]) =>
  events.flatMap(({ event }) => (event.kind === 'state' ? [event.state] : []));

const input = { id: 'web', follow: true, stdout: true, stderr: true, tail: 10 };

describe('followLogs', () => {
  it('sends batches costing their bytes; pauses the engine stream above the window', async () => {
    const { docker, streams } = fakeDocker({ running: true });
    const engine = new EventEmitter() as unknown as EngineConnection;
    const s = recordingSink<LogEvent>();
    const close = followLogs(docker, engine, input, s.sink);
    await settle();
    expect(s.events[0]!.event).toEqual({
      kind: 'session',
      name: 'web',
      containerId: 'c1',
      tty: false,
    });
    const line = 'x'.repeat(1000);
    // 2,000 lines of ~1 KiB: over the 1 MiB window.
    const chunk = Buffer.concat(Array.from({ length: 2000 }, () => frame(1, `${TS(1)} ${line}\n`)));
    streams[0]!.write(chunk);
    await settle();
    const batches = s.events.filter((e) => e.event.kind === 'lines');
    const cost = batches.reduce((n, b) => n + b.cost, 0);
    expect(lines(s.events)).toHaveLength(2000);
    expect(cost).toBe(2000 * (TS(1).length + 1000 + 2));
    expect(streams[0]!.isPaused()).toBe(true);
    s.ack(cost);
    expect(streams[0]!.isPaused()).toBe(false);
    close();
  });

  it('closing destroys the engine stream and drops the engine-event listener', async () => {
    const { docker, streams } = fakeDocker({ running: true });
    const engine = new EventEmitter() as unknown as EngineConnection;
    const s = recordingSink<LogEvent>();
    const close = followLogs(docker, engine, input, s.sink);
    await settle();
    expect((engine as unknown as EventEmitter).listenerCount('event')).toBe(1);
    s.close();
    close();
    expect(streams[0]!.destroyed).toBe(true);
    expect((engine as unknown as EventEmitter).listenerCount('event')).toBe(0);
  });

  it('follows across a restart from the last stamp, without repeating a line', async () => {
    const state = { running: true };
    const { docker, streams, queries } = fakeDocker(state);
    const engine = new EventEmitter() as unknown as EngineConnection;
    const s = recordingSink<LogEvent>();
    const close = followLogs(docker, engine, input, s.sink);
    await settle();
    streams[0]!.end(Buffer.concat([frame(1, `${TS(1)} one\n`), frame(2, `${TS(2)} two\n`)]));
    state.running = false;
    await settle();
    expect(states(s.events)).toEqual(['attached', 'stopped']);
    state.running = true;
    (engine as unknown as EventEmitter).emit('event', {
      kind: 'event',
      type: 'container',
      id: 'c1',
      action: 'start',
    });
    await settle();
    expect(queries[1]).toMatchObject({ since: expect.stringMatching(/^\d+\.000000000$/) });
    expect(queries[1]!.tail).toBe('all');
    // `since` is inclusive: the engine sends "two" again.
    streams[1]!.write(Buffer.concat([frame(2, `${TS(2)} two\n`), frame(1, `${TS(3)} three\n`)]));
    await settle();
    expect(lines(s.events)).toEqual(['one', 'two', 'three']);
    expect(states(s.events)).toEqual(['attached', 'stopped', 'attached']);
    (engine as unknown as EventEmitter).emit('event', {
      kind: 'event',
      type: 'container',
      id: 'c1',
      action: 'destroy',
    });
    expect(states(s.events)).toEqual(['attached', 'stopped', 'attached', 'removed']);
    expect(s.ends).toEqual([undefined]);
    expect(streams[1]!.destroyed).toBe(true);
    close();
  });

  it('a cut line arrives with its full length', async () => {
    const { docker, streams } = fakeDocker({ running: true, tty: true });
    const engine = new EventEmitter() as unknown as EngineConnection;
    const s = recordingSink<LogEvent>();
    const close = followLogs(docker, engine, input, s.sink);
    await settle();
    streams[0]!.write(`${TS(1)} ${'a'.repeat(100_000)}\r\n${TS(1)} after\r\n`);
    await settle();
    const batch = s.events.find((e) => e.event.kind === 'lines')!.event as LogLines;
    const texts = logTexts(batch);
    expect(texts.map((t) => t.length)).toEqual([64 * 1024, 5]);
    expect(texts[0]).toMatch(/^a+$/);
    // The TTY's "\r\n" ends the line: not counted in its length.
    expect(batch.cut).toEqual([[0, 100_000]]);
    close();
  });
});

describe('downloadLogs', () => {
  it('sends the demultiplexed bytes as binary chunks, then ends', async () => {
    const { docker, streams, queries } = fakeDocker({ running: false });
    const s = recordingSink<LogDownloadEvent>(WINDOWS.bytes);
    const done = downloadLogs(
      docker,
      { id: 'web', stdout: true, stderr: true, timestamps: false },
      s.sink,
    );
    await tick();
    await tick();
    // The engine writes one HTTP chunk per line: each arrives as a piece of its own.
    for (const f of [frame(1, 'out\n'), frame(2, 'err\n'), frame(1, 'no newline')]) {
      streams[0]!.write(f);
      await tick();
    }
    streams[0]!.end();
    await done;
    // …and leaves as one chunk, not one message per line.
    expect(s.events).toHaveLength(1);
    expect(queries[0]).toMatchObject({ follow: false, timestamps: false });
    expect(Buffer.concat(s.events.map((e) => e.event.data)).toString()).toBe(
      'out\nerr\nno newline',
    );
    expect(
      s.events.every(
        (e) => e.event.data instanceof Uint8Array && e.cost === e.event.data.byteLength,
      ),
    ).toBe(true);
    expect(s.ends).toEqual([undefined]);
  });

  it('closing the sink destroys the engine stream', async () => {
    const { docker, streams } = fakeDocker({ running: false, tty: true });
    const s = recordingSink<LogDownloadEvent>(WINDOWS.bytes);
    const done = downloadLogs(
      docker,
      { id: 'web', stdout: true, stderr: true, timestamps: true },
      s.sink,
    );
    await tick();
    await tick();
    streams[0]!.write(Buffer.alloc(100_000, 'x'));
    await tick();
    s.close();
    await done;
    expect(streams[0]!.destroyed).toBe(true);
    expect(Buffer.concat(s.events.map((e) => e.event.data)).toString()).toBe('x'.repeat(100_000));
  });
});
