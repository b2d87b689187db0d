/**
 * The one demuxer of the engine's multiplexed stream (a container without a TTY: logs, exec,
 * attach), used by the logs pipeline, exec output and the volume helper's `ls`.
 */

export type StreamKind = 'stdout' | 'stderr';

const EMPTY = Buffer.alloc(0);

/**
 * Splits the engine's multiplexed stream (8-byte header: type, 0, 0, 0, big-endian length) into
 * payloads, handed on piece by piece as they arrive: views into the chunk, never copied or
 * joined, so one huge frame costs linear time and no memory. Only a header cut between two
 * chunks is kept (8 bytes). `start` marks a frame's first piece (a zero-length frame gets one
 * empty piece).
 */
export class FrameDemuxer {
  private readonly header = Buffer.alloc(8);
  private have = 0;
  /** Payload bytes of the current frame still to come. */
  private left = 0;
  private kind: StreamKind = 'stdout';
  private start = false;

  constructor(private readonly onData: (kind: StreamKind, piece: Buffer, start: boolean) => void) {}

  push(chunk: Buffer): void {
    let off = 0;
    while (off < chunk.length) {
      if (this.left > 0) {
        const n = Math.min(this.left, chunk.length - off);
        const start = this.start;
        this.left -= n;
        this.start = false;
        this.onData(this.kind, chunk.subarray(off, off + n), start);
        off += n;
        continue;
      }
      let header = chunk;
      let at = off;
      if (this.have > 0 || chunk.length - off < 8) {
        // A header cut between chunks (rare): gathered in our own 8 bytes.
        const n = Math.min(8 - this.have, chunk.length - off);
        chunk.copy(this.header, this.have, off, off + n);
        this.have += n;
        off += n;
        if (this.have < 8) return;
        this.have = 0;
        header = this.header;
        at = 0;
      } else off += 8;
      // 0 is stdin (never sent for logs); anything else unknown is treated as stdout.
      this.kind = header[at] === 2 ? 'stderr' : 'stdout';
      this.left = header.readUInt32BE(at + 4);
      this.start = this.left > 0;
      if (this.left === 0) this.onData(this.kind, EMPTY, true);
    }
  }
}

/** A whole multiplexed answer (a finished container's logs) as stdout and stderr text. */
export function demuxText(buf: Buffer): { stdout: string; stderr: string } {
  const parts: Record<StreamKind, Buffer[]> = { stdout: [], stderr: [] };
  new FrameDemuxer((kind, piece) => parts[kind].push(piece)).push(buf);
  return {
    stdout: Buffer.concat(parts.stdout).toString('utf8'),
    stderr: Buffer.concat(parts.stderr).toString('utf8'),
  };
}
