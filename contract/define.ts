import { z } from 'zod';
import { WINDOWS, type FlowWindow } from './limits';
import { EngineId } from './resources';
import { lazy } from './lazy';

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export interface StreamOptions<C extends z.ZodType | undefined> {
  /** Messages the client may send on the stream itself (exec input, resize, upload chunks). */
  control?: C;
  /**
   * `credit` (default): every event costs credit the client acknowledges; above the window's
   * high mark the producer pauses its source. `lossy`: nothing is acknowledged; when the
   * transport is congested the oldest events are dropped instead (stats, engine events).
   */
  flow?: 'credit' | 'lossy';
  window?: FlowWindow;
  /**
   * Its `chunk` events are a file: a transport may deliver them as one response body (HTTP in
   * web mode, the app:// protocol in Electron) rather than as frames.
   */
  download?: boolean;
  /**
   * Its control is UploadControl (file, chunk…, end): a transport may take the bytes as one
   * request body (web mode's POST /upload) and turn them into those control messages.
   */
  upload?: boolean;
}

export interface StreamDef<
  I extends z.ZodType = z.ZodType,
  E extends z.ZodType = z.ZodType,
  C extends z.ZodType | undefined = z.ZodType | undefined,
> {
  input: I;
  event: E;
  control: C;
  flow: 'credit' | 'lossy';
  window: FlowWindow;
  download: boolean;
  upload: boolean;
}

export function stream<
  I extends z.ZodType,
  E extends z.ZodType,
  C extends z.ZodType | undefined = undefined,
>(input: I, event: E, opts: StreamOptions<C> = {}): StreamDef<I, E, C> {
  return {
    input,
    event,
    control: opts.control as C,
    flow: opts.flow ?? 'credit',
    window: opts.window ?? WINDOWS.events,
    download: opts.download ?? false,
    upload: opts.upload ?? false,
  };
}

/** Every input names its engine (multi-engine from day one). */
export const OnEngine = lazy(() => z.strictObject({ engineId: EngineId }));

/** Binary payloads (a chunk of a file, terminal output): travel as binary frames, never base64. */
export const Bytes = (max: number) =>
  z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength <= max, `at most ${max} bytes`)
    .meta({ maxBytes: max });

export { BoundedRecord } from './bounded';
