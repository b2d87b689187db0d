import { Transform } from 'node:stream';

/** A read this small may be one of a flood of small writes (the engine writes a log line by line). */
const SMALL_READ = 16 * 1024;
/** Reads closer together than this are a flood, not lines that come now and then. */
const FLOOD_GAP_MS = 1;
/** How long a read in a flood waits for more to gather: well under what fills the engine's socket. */
const GATHER_MS = 0.2;

/**
 * A pass-through for an engine's bare log body that reads a flood in fewer, bigger pieces.
 *
 * Why: the engine writes a log one line at a time, one socket write each, and a reader that keeps
 * up wakes for every few lines: ~10 µs of kernel and Node work per wake-up, 70–140 thousand of
 * them for a million lines, on the same two cores the engine needs to write them. So when a small
 * read follows another within FLOOD_GAP_MS, we wait GATHER_MS before the next one (a blocking
 * wait: the event loop must not come back to the socket sooner). Then a read takes ~200 lines:
 * 1,000,000 lines came in 4,300 reads instead of 68,000–84,000, main's CPU fell from 1.5 s to
 * 0.8 s, and the engine delivered them in 1.9 s instead of 2.6 s (bench/RESULTS.md). The
 * engine's socket buffer holds a few hundred such writes, ~0.5 ms of its fastest writing, so it
 * does not wait on us (0.4 ms began to stall it); a line that comes by itself is passed on at
 * once; main's other work waits at most GATHER_MS.
 */
export function coalescingReads(
  opts: { now?: () => number; wait?: (ms: number) => void } = {},
): Transform {
  const now = opts.now ?? (() => performance.now());
  const wait = opts.wait ?? blockFor();
  let last = -Infinity;
  return new Transform({
    highWaterMark: 64 * 1024,
    transform(chunk: Buffer, _enc, done) {
      const flood = chunk.length < SMALL_READ && now() - last < FLOOD_GAP_MS;
      done(null, chunk);
      if (flood) wait(GATHER_MS);
      last = now();
    },
  });
}

/** Sleeps the thread (it must not come back to its sockets sooner); a no-op where it may not. */
function blockFor(): (ms: number) => void {
  let cell: Int32Array | undefined;
  try {
    cell = new Int32Array(new SharedArrayBuffer(4));
  } catch {
    // No shared memory here: read as it comes.
  }
  return (ms) => {
    if (!cell) return;
    try {
      Atomics.wait(cell, 0, 0, ms);
    } catch {
      cell = undefined; // a thread that may not block (none of main's): read as it comes
    }
  };
}
