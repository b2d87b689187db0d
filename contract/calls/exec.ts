import { z } from 'zod';
import { Bytes, OnEngine, stream } from '../define';
import { LIMITS, WINDOWS } from '../limits';
import { lazy } from '../lazy';

/** A terminal's size; a function, so that it is built inside the lazy schemas that spread it. */
const size = () => ({
  cols: z.number().int().min(1).max(1000),
  rows: z.number().int().min(1).max(500),
});

export const ExecInput = lazy(() =>
  OnEngine.extend({
    id: z.string().min(1).max(256),
    /** The command to run; absent = the first of /bin/bash, /bin/sh the container has. */
    cmd: z.array(z.string().min(1).max(4096)).min(1).max(64).optional(),
    user: z.string().max(256).optional(),
    workdir: z.string().max(4096).optional(),
    ...size(),
  }),
);
export type ExecInput = z.input<typeof ExecInput>;

export const ExecEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    /** First event: the command that actually runs. */
    z.object({ kind: z.literal('session'), cmd: z.array(z.string().max(4096)).max(64) }),
    /** Terminal output, raw bytes (xterm decodes them); each costs its length in credit. */
    z.object({ kind: z.literal('data'), data: Bytes(LIMITS.chunkBytes) }),
    /** The process ended; null when the engine could not say how. */
    z.object({ kind: z.literal('exit'), code: z.number().int().nullable() }),
  ]),
);
export type ExecEvent = z.infer<typeof ExecEvent>;

/** Keystrokes and window sizes travel on the session's own stream. */
export const ExecControl = lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('input'), data: z.string().min(1).max(65536) }),
    z.strictObject({ kind: z.literal('resize'), ...size() }),
  ]),
);
export type ExecControl = z.infer<typeof ExecControl>;

export const AttachInput = lazy(() =>
  OnEngine.extend({ id: z.string().min(1).max(256), ...size() }),
);

const terminal = { control: ExecControl, window: WINDOWS.terminal };

export const execStreams = {
  'exec.session': stream(ExecInput, ExecEvent, terminal),
  /** The container's main process (started with -it): same events; closing detaches. */
  'exec.attach': stream(AttachInput, ExecEvent, terminal),
} as const;
