import { z } from 'zod';
import { Bytes, OnEngine, stream } from '../define';
import { LIMITS, WINDOWS } from '../limits';
import { lazy } from '../lazy';

const ContainerId = lazy(() => z.string().min(1).max(256));

/** `since`/`until` as the engine takes them: RFC 3339 or Unix seconds (with optional nanos). */
export const LogTime = lazy(() =>
  z
    .string()
    .max(40)
    .regex(
      /^(\d{1,10}(\.\d{1,9})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/,
      'a time is RFC 3339 (2024-01-31T12:00:00Z) or Unix seconds',
    ),
);

/**
 * Which lines of a log (a container's, a service's): a function, so that its schemas are built
 * inside the lazy schema that spreads them, not as this module loads.
 */
export const logRange = () => ({
  /** Keep streaming new lines (and across restarts) until unsubscribed. */
  follow: z.boolean(),
  /** Lines from the end to start with; absent = the whole log. */
  tail: z.number().int().min(0).max(10_000_000).optional(),
  since: LogTime.optional(),
  until: LogTime.optional(),
  stdout: z.boolean(),
  stderr: z.boolean(),
});

export const LogsInput = lazy(() =>
  OnEngine.extend({
    id: ContainerId,
    ...logRange(),
    /**
     * Each line's engine time (default true). False: the lines already written come without it
     * (`ts` ""), a third of the engine's bytes for short lines; lines followed live keep theirs.
     * A view that shows times, or merges containers by time, asks for them.
     */
    timestamps: z.boolean().optional(),
  }),
);
export type LogsInput = z.input<typeof LogsInput>;

/** Lines longer than this are cut (and marked with their full length), never held whole. */
export const MAX_LOG_LINE = 64 * 1024;
const MAX_BATCH = 2000;

/** The most a batch's text may be: main sends one at 256 KiB, plus one line of 64 Ki characters. */
const MAX_BATCH_BYTES = 512 * 1024;

/**
 * A batch of lines. Their text travels as the frame's binary part, UTF-8 with each line followed
 * by "\n" (a million lines cross the wire: no JSON string per line, no object per line; read it
 * with `logTexts`). `ts` is the engine's RFC 3339 timestamp of each line, or empty when the
 * batch came unstamped; `err` lists the indexes that came from stderr; `cut` lists [index, full
 * length in bytes] of lines cut at MAX_LOG_LINE. The batch's cost in credit (its size) is
 * acknowledged once the renderer has taken it in.
 */
export const LogLines = lazy(() =>
  z.object({
    kind: z.literal('lines'),
    ts: z.array(z.string().max(40)).max(MAX_BATCH),
    data: Bytes(MAX_BATCH_BYTES),
    err: z.array(z.number().int()).max(MAX_BATCH),
    cut: z
      .array(z.tuple([z.number().int(), z.number().int()]))
      .max(MAX_BATCH)
      .optional(),
  }),
);
export type LogLines = z.infer<typeof LogLines>;

export const LogEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    /** First event: what the container is. */
    z.object({
      kind: z.literal('session'),
      name: z.string().max(256),
      containerId: z.string().max(256),
      tty: z.boolean(),
    }),
    LogLines,
    /** attached: reading (again, after a restart); stopped: waiting for a start; removed: gone. */
    /** unreachable: the engine went away; following resumes by itself once it is back. */
    z.object({
      kind: z.literal('state'),
      state: z.enum(['attached', 'stopped', 'removed', 'unreachable']),
    }),
  ]),
);
export type LogEvent = z.infer<typeof LogEvent>;

/** The whole log for a file, as UTF-8 chunks (each line ending in "\n"). */
export const LogDownloadEvent = lazy(() =>
  z.object({
    kind: z.literal('chunk'),
    data: Bytes(LIMITS.chunkBytes),
  }),
);
export type LogDownloadEvent = z.infer<typeof LogDownloadEvent>;

export const logStreams = {
  'logs.follow': stream(LogsInput, LogEvent, { window: WINDOWS.lines }),
  'logs.download': stream(
    lazy(() =>
      OnEngine.extend({
        id: ContainerId,
        stdout: z.boolean(),
        stderr: z.boolean(),
        timestamps: z.boolean(),
      }),
    ),
    LogDownloadEvent,
    { window: WINDOWS.bytes, download: true },
  ),
} as const;

/**
 * A key that sorts like the time: the engine's RFC 3339 stamps are UTC ("Z"), but a fraction may
 * come with fewer than 9 digits, and ".5Z" must sort after ".123Z".
 */
export function logTimeKey(ts: string): string {
  const dot = ts.indexOf('.', 19);
  if (dot < 0) return ts.length >= 19 ? `${ts.slice(0, 19)}.000000000` : ts;
  let end = dot + 1;
  while (end < ts.length && ts.charCodeAt(end) >= 48 && ts.charCodeAt(end) <= 57) end++;
  return `${ts.slice(0, 19)}.${ts.slice(dot + 1, end).padEnd(9, '0')}`;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A batch's lines as its binary part (no line holds a "\n": they were split at it). */
export function logData(texts: readonly string[]): Uint8Array<ArrayBuffer> {
  return utf8.encode(texts.length ? `${texts.join('\n')}\n` : '');
}

/** A batch's lines, back from its binary part. */
export function logTexts(e: { data: Uint8Array }): string[] {
  const texts = fromUtf8.decode(e.data).split('\n');
  texts.pop();
  return texts;
}
