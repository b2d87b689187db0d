import { Transform, pipeline } from 'node:stream';
import type Docker from 'dockerode';
import type { LogDownloadEvent } from '../../contract';
import { pipeBytes } from '../streams/bytes';
import type { Sink } from '../streams/sink';
import { toPortholeError } from './errors';
import { FrameDemuxer } from '../streams/demux';
import { openServiceLogs, splitDetails } from './service-logs';

/** What a download sends per chunk at least (unless the log ends first). */
const DOWNLOAD_CHUNK = 64 * 1024;
/** A line's stamp and details are far shorter; past this the line is passed on as it came. */
const HEAD_MAX = 4096;

/**
 * A service's whole log for a file: every task's lines as the log view shows them
 * ("web.2 | text", optionally after the engine's stamp). Each engine frame is one line; only its
 * head (stamp and details) is held until rewritten, the rest of a long line goes on as it comes.
 */
export function serviceLogBytes(prefix: (task: string) => string, timestamps: boolean): Transform {
  let out: Buffer[] = [];
  let size = 0;
  /** The start of the current line while its stamp and details are not all in yet. */
  let head: Buffer | undefined;
  const emit = (b: Buffer) => {
    out.push(b);
    size += b.length;
  };
  /** Rewrites the line's head once it is in (or the line is over); false: wait for more. */
  const rewrite = (line: Buffer, whole: boolean): boolean => {
    const sp1 = line.indexOf(32);
    const sp2 = sp1 < 0 ? -1 : line.indexOf(32, sp1 + 1);
    if (sp2 < 0 && !whole && line.length < HEAD_MAX) return false;
    const stamp = sp1 < 0 ? line.subarray(0, 0) : line.subarray(0, sp1 + 1);
    const body = sp1 < 0 ? line : line.subarray(sp1 + 1);
    // Stamp and details are ASCII: byte offsets are character offsets up to the details' end.
    const details =
      sp2 < 0 ? undefined : splitDetails(line.subarray(sp1 + 1, sp2 + 1).toString('latin1'));
    if (timestamps) emit(stamp);
    if (!details) emit(body);
    else {
      emit(Buffer.from(prefix(details[0])));
      emit(line.subarray(sp2 + 1));
    }
    return true;
  };
  const demux = new FrameDemuxer((_kind, piece, start) => {
    if (start && head) rewrite(head, true);
    if (start) head = Buffer.alloc(0);
    if (!head) return emit(piece);
    // Copied: a piece is a view into the engine's chunk, which must not be pinned.
    head = Buffer.concat([head, piece]);
    if (rewrite(head, false)) head = undefined;
  });
  const take = () => {
    const b = out.length === 1 ? out[0]! : Buffer.concat(out);
    out = [];
    size = 0;
    return b;
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      demux.push(chunk);
      done(null, size >= DOWNLOAD_CHUNK ? take() : undefined);
    },
    flush(done) {
      if (head) rewrite(head, true);
      head = undefined;
      done(null, size ? take() : undefined);
    },
  });
}

export async function downloadServiceLogs(
  docker: Docker,
  i: { id: string; timestamps: boolean },
  sink: Sink<LogDownloadEvent>,
): Promise<void> {
  try {
    const opts = { follow: false, stdout: true, stderr: true };
    const { prefix, stream } = await openServiceLogs(docker, i.id, opts, sink.signal);
    const bytes = serviceLogBytes(prefix, i.timestamps);
    // Destroying `bytes` (the sink closed) destroys the engine's response too.
    pipeline(stream!, bytes, () => undefined);
    await pipeBytes(bytes, sink);
    sink.end();
  } catch (err) {
    sink.end(toPortholeError(err));
  }
}
