import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../../../contract';
import { PortholeFailure } from '../../../../main/engine/errors';
import {
  CTRL_D_AFTER_MS,
  EARLY_INPUT_BYTES,
  OutputCoalescer,
  TerminalPipe,
  type TerminalTarget,
} from '../../../../main/engine/terminal';
import { fakeSocket, recordingSink, tick } from './terminal-fakes';

const text = (b: Uint8Array) => Buffer.from(b).toString();
const afterCtrlD = () => new Promise((r) => setTimeout(r, CTRL_D_AFTER_MS + 20));

describe('OutputCoalescer', () => {
  afterEach(() => vi.useRealTimers());

  it('sends a lone chunk (an echo) at once', () => {
    vi.useFakeTimers();
    const sent: Uint8Array[] = [];
    const c = new OutputCoalescer((d) => sent.push(d), 2, 1024);
    c.push(Buffer.from('a'));
    expect(sent.map(text)).toEqual(['a']);
  });

  it('gathers a flood of small chunks into few messages, bytes intact', () => {
    vi.useFakeTimers();
    const sent: Uint8Array[] = [];
    const c = new OutputCoalescer((d) => sent.push(d), 2, 1024);
    for (let i = 0; i < 100; i++) c.push(Buffer.from('y\r\n'));
    vi.advanceTimersByTime(2);
    expect(sent.length).toBe(2);
    expect(sent.map(text).join('')).toBe('y\r\n'.repeat(100));
    vi.advanceTimersByTime(10);
    expect(sent.length).toBe(2);
  });

  it('sends at once when the gathered size reaches the limit', () => {
    vi.useFakeTimers();
    const sent: number[] = [];
    const c = new OutputCoalescer((d) => sent.push(d.byteLength), 2, 10);
    c.push(Buffer.from('x'));
    for (let i = 0; i < 4; i++) c.push(Buffer.from('abc'));
    expect(sent).toEqual([1, 12]);
  });

  it('keeps bytes as bytes: a character split across chunks is not decoded or mangled', () => {
    vi.useFakeTimers();
    const sent: Uint8Array[] = [];
    const c = new OutputCoalescer((d) => sent.push(d), 2, 1024);
    const check = Buffer.from('✓');
    c.push(check.subarray(0, 1));
    vi.advanceTimersByTime(5);
    c.push(check.subarray(1));
    vi.advanceTimersByTime(5);
    expect(Buffer.concat(sent).equals(check)).toBe(true);
  });

  it('sends exact-size buffers of at most chunkBytes, never views on a larger one', () => {
    const sent: Uint8Array[] = [];
    const c = new OutputCoalescer((d) => sent.push(d), 2, LIMITS.chunkBytes);
    const pool = Buffer.alloc(8192, 0x61);
    c.push(pool.subarray(10, 13));
    const big = Buffer.alloc(LIMITS.chunkBytes * 2 + 5, 0x62);
    c.push(big);
    c.flush();
    expect(sent[0]!.buffer.byteLength).toBe(3);
    expect(sent.map((s) => s.byteLength)).toEqual([3, LIMITS.chunkBytes, LIMITS.chunkBytes, 5]);
    for (const s of sent) expect(s.buffer.byteLength).toBe(s.byteLength);
  });
});

function target(exit: number | null = 0) {
  const sizes: [number, number][] = [];
  return {
    sizes,
    resize: vi.fn(async (cols: number, rows: number) => void sizes.push([cols, rows])),
    exitCode: vi.fn(async () => exit),
  } satisfies TerminalTarget & { sizes: [number, number][] };
}

describe('TerminalPipe', () => {
  it('announces the session, then sends output as data events costing their length', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    const sock = fakeSocket();
    pipe.connect(sock.socket, ['/bin/sh'], target());
    sock.output('hello');
    await tick();
    expect(s.events[0]).toEqual({ event: { kind: 'session', cmd: ['/bin/sh'] }, cost: 0 });
    const data = s.events[1]!;
    expect(data.event.kind).toBe('data');
    expect(data.cost).toBe(5);
    expect(s.data()).toBe('hello');
  });

  it('queues input typed before the process is connected and sends it first, in order', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    pipe.control({ kind: 'input', data: 'echo ' });
    pipe.control({ kind: 'input', data: 'hi\r' });
    const sock = fakeSocket();
    pipe.connect(sock.socket, ['/bin/sh'], target());
    pipe.control({ kind: 'input', data: 'exit\r' });
    await tick();
    expect(sock.written.join('')).toBe('echo hi\rexit\r');
  });

  it('refuses (throws, never drops) input past the early limit', () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    const big = 'x'.repeat(64 * 1024);
    for (let n = 0; n + big.length <= EARLY_INPUT_BYTES; n += big.length) {
      pipe.control({ kind: 'input', data: big });
    }
    expect(() => pipe.control({ kind: 'input', data: big })).toThrow(PortholeFailure);
  });

  it('sizes the TTY explicitly on connect with the latest size asked for', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    pipe.control({ kind: 'resize', cols: 100, rows: 30 });
    const t = target();
    pipe.connect(fakeSocket().socket, ['sh'], t);
    await tick();
    expect(t.sizes).toEqual([[100, 30]]);
  });

  it('runs one resize at a time and ends at the latest size', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    const sizes: [number, number][] = [];
    let inFlight = 0;
    let most = 0;
    const t: TerminalTarget = {
      resize: async (cols, rows) => {
        inFlight++;
        most = Math.max(most, inFlight);
        sizes.push([cols, rows]);
        await tick();
        inFlight--;
      },
      exitCode: async () => 0,
    };
    pipe.connect(fakeSocket().socket, ['sh'], t);
    pipe.control({ kind: 'resize', cols: 90, rows: 25 });
    pipe.control({ kind: 'resize', cols: 91, rows: 26 });
    pipe.control({ kind: 'resize', cols: 92, rows: 27 });
    for (let i = 0; i < 10; i++) await tick();
    expect(most).toBe(1);
    expect(sizes[0]).toEqual([80, 24]);
    expect(sizes.at(-1)).toEqual([92, 27]);
    expect(sizes.length).toBeLessThanOrEqual(2);
  });

  it('reports the exit code once when the process ends, then ends the stream', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    const sock = fakeSocket();
    const t = target(3);
    pipe.connect(sock.socket, ['sh'], t);
    sock.output('bye');
    sock.exit();
    for (let i = 0; i < 5; i++) await tick();
    const kinds = s.events.map((e) => e.event.kind);
    expect(kinds).toEqual(['session', 'data', 'exit']);
    expect(s.events.at(-1)!.event).toEqual({ kind: 'exit', code: 3 });
    expect(s.ends).toEqual([undefined]);
    expect(t.exitCode).toHaveBeenCalledTimes(1);
    // Typed after the end: nowhere to go, and no error that would hide the exit.
    expect(() => pipe.control({ kind: 'input', data: 'x' })).not.toThrow();
  });

  it('pauses the socket above the window and resumes it once acknowledged', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    const sock = fakeSocket();
    pipe.connect(sock.socket, ['yes'], target());
    sock.output('y'.repeat(120 * 1024));
    await tick();
    expect(sock.socket.isPaused()).toBe(true);
    s.ack(120 * 1024);
    expect(sock.socket.isPaused()).toBe(false);
  });

  it('hangs up an exec on close: Ctrl-C, then Ctrl-D once the shell is back, end of input; no exit event', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    const sock = fakeSocket();
    pipe.connect(sock.socket, ['sh'], target());
    s.close();
    pipe.close();
    pipe.close();
    await tick();
    // Not together: the TTY would flush the Ctrl-D with what Ctrl-C discards.
    expect(sock.written.join('')).toBe('\x03');
    expect(sock.ended).toBe(false);
    await afterCtrlD();
    expect(sock.written.join('')).toBe('\x03\x04');
    expect(sock.ended).toBe(true);
    sock.exit();
    await tick();
    expect(s.events.map((e) => e.event.kind)).toEqual(['session']);
    sock.socket.destroy();
  });

  it('only detaches an attach on close: nothing is typed into the main process', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'detach');
    const sock = fakeSocket();
    pipe.connect(sock.socket, ['sh'], target());
    pipe.close();
    await tick();
    expect(sock.written).toEqual([]);
    expect(sock.socket.destroyed).toBe(true);
  });

  it('a socket that arrives after the viewer left is let go at once, without a session event', async () => {
    const s = recordingSink();
    const pipe = new TerminalPipe(s.sink, { cols: 80, rows: 24 }, 'hang-up');
    pipe.control({ kind: 'input', data: 'rm -rf /tmp/x\r' });
    s.close();
    pipe.close();
    const sock = fakeSocket();
    pipe.connect(sock.socket, ['sh'], target());
    await tick();
    expect(s.events).toEqual([]);
    // The queued input is not sent to a session nobody watches; the hang-up is.
    await afterCtrlD();
    expect(sock.written.join('')).toBe('\x03\x04');
    sock.socket.destroy();
  });
});
