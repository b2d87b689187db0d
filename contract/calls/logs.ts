import { z } from 'zod';
import { call, OnEngine, stream } from '../define';

const ContainerId = z.string().min(1).max(256);
/** A flow-control session, named by main in the stream's first event. */
export const SessionId = z.string().uuid();

/** `since`/`until` as the engine takes them: RFC 3339 or Unix seconds (with optional nanos). */
const LogTime = z
  .string()
  .max(40)
  .regex(
    /^(\d{1,10}(\.\d{1,9})?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))$/,
    'a time is RFC 3339 (2024-01-31T12:00:00Z) or Unix seconds',
  );

export const LogsInput = OnEngine.extend({
  id: ContainerId,
  /** Keep streaming new lines (and across restarts) until unsubscribed. */
  follow: z.boolean(),
  /** Lines from the end to start with; absent = the whole log. */
  tail: z.number().int().min(0).max(10_000_000).optional(),
  since: LogTime.optional(),
  until: LogTime.optional(),
  stdout: z.boolean(),
  stderr: z.boolean(),
});
export type LogsInput = z.input<typeof LogsInput>;

/**
 * A batch of lines, as parallel arrays (a million lines cross the wire: no per-line objects).
 * `ts` is the engine's RFC 3339 timestamp of each line; `err` lists the indexes that came from
 * stderr; `bytes` is what the renderer acknowledges once it has taken the batch in.
 */
export const LogLines = z.object({
  kind: z.literal('lines'),
  ts: z.array(z.string()),
  text: z.array(z.string()),
  err: z.array(z.number().int()),
  bytes: z.number().int(),
});
export type LogLines = z.infer<typeof LogLines>;

export const LogEvent = z.discriminatedUnion('kind', [
  /** First event: the id to acknowledge with, and what the container is. */
  z.object({
    kind: z.literal('session'),
    sessionId: SessionId,
    name: z.string(),
    containerId: z.string(),
    tty: z.boolean(),
  }),
  LogLines,
  /** attached: reading (again, after a restart); stopped: waiting for a start; removed: gone. */
  z.object({ kind: z.literal('state'), state: z.enum(['attached', 'stopped', 'removed']) }),
]);
export type LogEvent = z.infer<typeof LogEvent>;

/** The whole log for a file, as text chunks (lines joined with "\n", each line ending in one). */
export const LogDownloadEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('session'), sessionId: SessionId }),
  z.object({ kind: z.literal('chunk'), data: z.string(), bytes: z.number().int() }),
]);
export type LogDownloadEvent = z.infer<typeof LogDownloadEvent>;

export const AckInput = OnEngine.extend({
  sessionId: SessionId,
  bytes: z
    .number()
    .int()
    .min(0)
    .max(1 << 30),
});

export const logCalls = {
  /** The renderer has taken in `bytes` more of a logs stream (flow control). */
  'logs.ack': call(AckInput, z.null()),
} as const;

export const logStreams = {
  'logs.follow': stream(LogsInput, LogEvent),
  'logs.download': stream(
    OnEngine.extend({
      id: ContainerId,
      stdout: z.boolean(),
      stderr: z.boolean(),
      timestamps: z.boolean(),
    }),
    LogDownloadEvent,
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
