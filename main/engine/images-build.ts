import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { Pack } from 'tar-stream';
import {
  BUILD_MAX_BATCH,
  BUILD_MAX_LINE,
  type BuildEvent,
  type BuildInput,
  type UploadControl,
} from '../../contract';
import type { StreamControls } from '../router';
import type { Sink } from '../streams/sink';
import { cutOffError, fail, toPortholeError } from './errors';
import { JsonLines } from './images-progress';
import { newContext, packDockerfile, packFolder, UploadedContext } from './images-tar';

/** "Step 2/3 : RUN false" — the step a failure belongs to. */
const STEP = /^Step \d+\/\d+ : /;
/**
 * Follows the classic builder's JSON output: log lines (paced by the consumer's credit), then
 * `done`; a failing step ends the stream with an error naming the step and the engine's reason.
 */
function follow(out: Readable, input: BuildInput, sink: Sink<BuildEvent>) {
  let step: string | undefined;
  let imageId: string | undefined;
  let error: string | undefined;
  let batch: string[] = [];
  const lines = new JsonLines((m) => {
    if (m.error || m.errorDetail?.message) error ??= m.error ?? m.errorDetail?.message;
    if (m.aux?.ID) imageId = m.aux.ID;
    const text = (m.stream ?? m.status ?? '').replace(/\n$/, '');
    if (!text) return;
    if (STEP.test(text)) step = text;
    const built = /^Successfully built ([0-9a-f]+)/.exec(text);
    if (built) imageId ??= built[1];
    for (const line of text.split('\n')) batch.push(line.slice(0, BUILD_MAX_LINE));
  });
  const send = () => {
    for (let i = 0; i < batch.length; i += BUILD_MAX_BATCH) {
      const lines = batch.slice(i, i + BUILD_MAX_BATCH);
      sink.next(
        { kind: 'log', lines },
        lines.reduce((n, l) => n + l.length, 0),
      );
    }
    batch = [];
  };
  sink.onPause(
    () => out.pause(),
    () => out.resume(),
  );
  out.on('data', (chunk: Buffer) => {
    lines.push(chunk);
    send();
  });
  out.on('end', () => {
    lines.flush();
    send();
    if (error) {
      sink.next({ kind: 'log', lines: [error] });
      sink.end({
        code: 'INVALID_INPUT',
        message: step ? `${step} failed: ${error}` : error,
        hint: 'Fix that step of the Dockerfile and build again.',
      });
    } else if (!imageId) {
      sink.end({ code: 'INTERNAL', message: 'The build ended without an image id.' });
    } else {
      sink.next({ kind: 'done', imageId, ...(input.tag ? { tag: input.tag } : {}) });
      sink.end();
    }
  });
  let ended = false;
  out.on('end', () => (ended = true));
  out.on('error', (err) => sink.end(cutOffError(err, 'build')));
  // A response cut off mid-way may close without 'end' or 'error' (the engine was killed).
  out.on('close', () => ended || sink.end(cutOffError(undefined, 'build')));
}

/**
 * Classic build. The context is a tar packed as it streams into the engine's request — from
 * the uploaded files (answered with `written` as the tar takes them), a folder on this
 * machine, or the pasted Dockerfile alone — so it is never whole in memory.
 */
export function buildImage(
  docker: Docker,
  input: BuildInput,
  sink: Sink<BuildEvent>,
): StreamControls<UploadControl> {
  const pack: Pack = newContext();
  const stop = (err: unknown) => {
    sink.end(toPortholeError(err));
    pack.destroy();
  };
  let uploaded: UploadedContext | undefined;
  try {
    if (input.upload && input.contextPath) {
      fail('INVALID_INPUT', 'Upload files or name a folder, not both.');
    }
    if (input.upload) {
      const written = (bytes: number) => sink.next({ kind: 'written', bytes });
      uploaded = new UploadedContext(pack, input.dockerfile, written);
    } else if (input.contextPath) {
      packFolder(pack, input.contextPath, input.dockerfile, sink.signal).catch(stop);
    } else if (input.dockerfile.trim()) {
      packDockerfile(pack, input.dockerfile);
    } else fail('INVALID_INPUT', 'Paste a Dockerfile or choose a folder.');
  } catch (err) {
    stop(err);
    return {};
  }
  // docker-modem only pipes the body and listens for its 'error': a streamx stream does both.
  docker
    .buildImage(pack as unknown as NodeJS.ReadableStream, {
      ...(input.tag ? { t: input.tag } : {}),
      ...(input.target ? { target: input.target } : {}),
      buildargs: input.buildArgs,
      rm: true,
      abortSignal: sink.signal,
    })
    .then((out) => follow(out as Readable, input, sink), stop);
  return {
    control(msg) {
      if (!uploaded) fail('INVALID_INPUT', 'This build uploads no files.');
      try {
        uploaded.control(msg);
      } catch (err) {
        stop(err);
      }
    },
    close: () => pack.destroy(),
  };
}
