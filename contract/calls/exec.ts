import { z } from 'zod';
import { call, OnEngine, stream } from '../define';
import { AckInput, SessionId } from './logs';

const Size = { cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(500) };

export const ExecInput = OnEngine.extend({
  id: z.string().min(1).max(256),
  /** The command to run; absent = the first of /bin/bash, /bin/sh the container has. */
  cmd: z.array(z.string().min(1).max(4096)).min(1).max(64).optional(),
  user: z.string().max(256).optional(),
  workdir: z.string().max(4096).optional(),
  ...Size,
});
export type ExecInput = z.input<typeof ExecInput>;

export const ExecEvent = z.discriminatedUnion('kind', [
  /** First event: the id for input/resize/ack, and the command that actually runs. */
  z.object({ kind: z.literal('session'), sessionId: SessionId, cmd: z.array(z.string()) }),
  /** Terminal output; `bytes` (raw, before UTF-8 decoding) is what the renderer acknowledges. */
  z.object({ kind: z.literal('data'), data: z.string(), bytes: z.number().int() }),
  /** The process ended; null when the engine could not say how. */
  z.object({ kind: z.literal('exit'), code: z.number().int().nullable() }),
]);
export type ExecEvent = z.infer<typeof ExecEvent>;

const OnSession = OnEngine.extend({ sessionId: SessionId });

export const execCalls = {
  'exec.input': call(OnSession.extend({ data: z.string().min(1).max(65536) }), z.null()),
  'exec.resize': call(OnSession.extend(Size), z.null()),
  'exec.ack': call(AckInput, z.null()),
} as const;

export const AttachInput = OnEngine.extend({ id: z.string().min(1).max(256), ...Size });

export const execStreams = {
  'exec.session': stream(ExecInput, ExecEvent),
  /** The container's main process (started with -it): same events; closing detaches. */
  'exec.attach': stream(AttachInput, ExecEvent),
} as const;
