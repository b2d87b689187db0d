import { Duplex } from 'node:stream';
import { WINDOWS, type ExecEvent } from '../../../../contract';
import { createSink, type StreamOut } from '../../../../main/streams/sink';

/** A hijacked TTY socket: what main writes to it is recorded, `output` plays the process. */
export function fakeSocket() {
  const written: string[] = [];
  let ended = false;
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _enc, cb) {
      written.push(chunk.toString('utf8'));
      cb();
    },
    final(cb) {
      ended = true;
      cb();
    },
  });
  return {
    socket,
    written,
    get ended() {
      return ended;
    },
    output: (text: string) => socket.push(Buffer.from(text)),
    /** The process ends: its output stream ends. */
    exit: () => socket.push(null),
  };
}

/** A real credit sink over a recording transport side, with the terminal window. */
export function recordingSink() {
  const events: { event: ExecEvent; cost: number }[] = [];
  const ends: unknown[] = [];
  const out: StreamOut = {
    event: (event, cost) => events.push({ event: event as ExecEvent, cost }),
    end: (error) => ends.push(error),
    buffered: () => 0,
  };
  const ctl = createSink<ExecEvent>(out, { flow: 'credit', window: WINDOWS.terminal });
  const data = () =>
    Buffer.concat(
      events.flatMap(({ event }) => (event.kind === 'data' ? [event.data] : [])),
    ).toString();
  return { ...ctl, events, ends, data };
}

export const tick = () => new Promise((r) => setTimeout(r, 0));
