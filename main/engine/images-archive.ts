import { PassThrough, type Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { LoadEvent, PortholeError, SaveEvent, UploadControl } from '../../contract';
import type { StreamControls } from '../router';
import { pipeBytes } from '../streams/bytes';
import type { Sink } from '../streams/sink';
import { fail, toPortholeError } from './errors';
import { JsonLines, type ProgressMessage } from './images-progress';
import { WrittenGate } from './upload-gate';

/** getImages (GET /images/get?names=…) is in dockerode but not in its type definitions. */
type WithSave = Docker & {
  getImages(opts: { names: string[]; abortSignal: AbortSignal }): Promise<Readable>;
};

/**
 * Save: the engine's tar as binary chunks of LIMITS.chunkBytes, paced by the consumer's credit —
 * while the renderer is behind, the engine's response is paused, so main holds at most one
 * window of it.
 * Closing the stream destroys the engine request.
 */
export function saveImages(docker: Docker, ids: string[], sink: Sink<SaveEvent>): void {
  void (async () => {
    const tar = await (docker as WithSave).getImages({ names: ids, abortSignal: sink.signal });
    const bytes = await pipeBytes(tar, sink);
    sink.next({ kind: 'done', bytes });
    sink.end();
  })().catch((err: unknown) =>
    sink.end(isMissingReference(err) ? missing(ids) : toPortholeError(err)),
  );
}

/** dockerd 20.10 answers a save of an image it lacks with a 500 that says only this. */
const isMissingReference = (err: unknown) =>
  err instanceof Error && /reference does not exist|no such image/i.test(err.message);

const missing = (ids: string[]): PortholeError => ({
  code: 'NOT_FOUND',
  message:
    ids.length === 1
      ? `The engine has no image ${ids[0]}.`
      : `One of these images is not on the engine: ${ids.join(', ')}.`,
  hint: 'It may have been removed meanwhile: the list shows what is there now.',
});

/** What `docker load` prints: "Loaded image: repo:tag" / "Loaded image ID: sha256:…". */
export function loadedNames(output: string): { loaded: string[]; error: string | undefined } {
  const messages: ProgressMessage[] = [];
  const lines = new JsonLines((m) => messages.push(m));
  lines.push(output);
  lines.flush();
  const error = messages.find((m) => m.error)?.error;
  const loaded = messages.flatMap((m) => {
    const match = /^Loaded image(?: ID)?: (\S+)/.exec((m.stream ?? '').trim());
    return match ? [match[1]!] : [];
  });
  return { loaded, error };
}

/** The engine's answer to a load, read to its end (it is a few lines of JSON). */
async function readAnswer(res: Readable): Promise<string[]> {
  let text = '';
  res.setEncoding('utf8');
  for await (const chunk of res) text += chunk as string;
  const { loaded, error } = loadedNames(text);
  if (error) fail('INVALID_INPUT', error, 'Choose a .tar written by “Save” or `docker save`.');
  return loaded;
}

/**
 * Load: the client's chunks go into one request body as they come. Each is answered with
 * `written` once the body took it without going over its buffer (write() said true), or after
 * its 'drain' — the engine's own back-pressure, passed on to the client's upload window.
 * `end` ends the body; the engine's answer becomes `loaded`. Closing aborts the request.
 */
export function loadImages(docker: Docker, sink: Sink<LoadEvent>): StreamControls<UploadControl> {
  const body = new PassThrough();
  const gate = new WrittenGate((bytes) => sink.next({ kind: 'written', bytes }));
  let ended = false;
  docker
    .loadImage(body, { quiet: true, abortSignal: sink.signal })
    .then((res) => readAnswer(res as Readable))
    .then(
      (names) => {
        if (!ended) return sink.end({ code: 'INVALID_INPUT', message: 'The upload ended early.' });
        sink.next({ kind: 'loaded', names });
        sink.end();
      },
      (err: unknown) => sink.end(toPortholeError(err)),
    );
  return {
    control(msg) {
      if (ended || msg.kind === 'file') return; // one .tar: there is no file to name
      if (msg.kind === 'chunk') return gate.write(body, msg.data);
      ended = true;
      body.end();
    },
    close: () => body.destroy(),
  };
}
