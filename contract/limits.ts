/**
 * Every size limit that crosses the boundary, in one place. The transport's frame limit is
 * above the largest valid message (test/unit/contract/limits.test.ts computes that bound from the
 * schemas), so a valid message never dies in the transport and an oversized one is never valid.
 */
export const LIMITS = {
  /** One WebSocket frame / one IPC message, header and payload together. */
  frameBytes: 16 * 1024 * 1024,
  /** One binary chunk of a byte stream (download, upload, save, load, build context). */
  chunkBytes: 256 * 1024,
  /** Request and stream ids a client may use. */
  maxId: 2 ** 31,
  /** Credit one ack may return (bytes). */
  maxAck: 1 << 30,
} as const;

/**
 * Maxima of what the server sends (call outputs, stream events), so that every string, array
 * and map crossing the boundary is bounded both ways (limits.test.ts walks them all). They are
 * generous on purpose — real engine data always fits: a name or reference is at most a few
 * hundred characters (the reference grammar allows 255 for the repository), Linux paths 4,096,
 * one command-line argument or env entry 128 KiB (MAX_ARG_STRLEN).
 *
 * Outputs and events are parsed where they arrive, in the renderer (renderer/src/api/client.ts);
 * main does not re-parse what it sends. A value over a bound is never a crash: a call's answer
 * fails with INTERNAL "Unexpected answer to NAME: PATH: Too big …" (shown like any error, and
 * reported to the console and the dev build's schema-failure counter); a stream event is
 * reported the same way and dropped, and the stream goes on.
 */
export const OUT = {
  /** Ids, names, tags, image references, states, dates, versions, addresses of one host. */
  name: 1024,
  /** File paths, mount points, endpoints, label keys. */
  path: 4096,
  /** Free text: messages, errors, hints, status lines, descriptions. */
  text: 64 * 1024,
  /** What a user stores in the engine: env entries, label and option values, commands. */
  long: 256 * 1024,
  /** Rows, layers, mounts, ports, tags, batches: any list. */
  list: 100_000,
  /** Labels, options, driver maps: any map. */
  entries: 100_000,
  /** A file shown whole (`compose config`'s output). */
  fileText: 4 * 1024 * 1024,
  /** A raw inspect document (JSON), as the engine sent it. */
  documentBytes: 8 * 1024 * 1024,
} as const;

/** Default credit windows (bytes unacknowledged) for a stream's flow control. */
export const WINDOWS = {
  /** Terminals: small, so Ctrl-C under `yes` answers at once. */
  terminal: { high: 100 * 1024, low: 10 * 1024 },
  /** Log lines: batches of 2,000 lines, acknowledged per React commit. */
  lines: { high: 1024 * 1024, low: 256 * 1024 },
  /** Bulk bytes to a file: a wide window keeps the pipe full. */
  bytes: { high: 8 * 1024 * 1024, low: 2 * 1024 * 1024 },
  /** Progress and small JSON events. */
  events: { high: 1024 * 1024, low: 256 * 1024 },
} as const;
export type FlowWindow = { high: number; low: number };
