import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import type { FileUploadEvent, UploadControl } from '../../contract';
import type { StreamControls } from '../router';
import type { Sink } from '../streams/sink';
import { fail, toPortholeError } from './errors';
import { containerPath, uploadEntryName } from './file-paths';
import { fileHeader, padding, TAR_END } from './tar-lite';
import { runArgv } from './exec-run';
import { WrittenGate } from './upload-gate';

/** What main holds of an upload before the engine takes it (the client's window is 4 MiB). */
const BODY_BUFFER = 8 * 1024 * 1024;

/**
 * Files into a folder of a container: each `file` {path, size} and its `chunk`s become one tar
 * entry, written as they come into the body of PUT /containers/ID/archive?path=FOLDER; each
 * chunk is answered with `written` once the body took it, so what main holds is bounded by the
 * client's window. Entry names are checked to be plain relative paths (no "..", no absolute,
 * no empty or "." segment), so nothing is unpacked outside the folder; the engine also refuses
 * entries that would climb out.
 *
 * Cancelled mid-file (the stream closed before `end`: the user cancelled, the tab or socket went),
 * the engine request is aborted and the engine keeps what it had unpacked: whole files stay,
 * and the file it was writing is removed once the request is over — by exec, so only in a
 * running container (a stopped one keeps the part; the renderer says so).
 */
export function uploadFiles(
  docker: Docker,
  id: string,
  rawPath: string,
  sink: Sink<FileUploadEvent>,
): StreamControls<UploadControl> {
  let folder: string;
  try {
    folder = containerPath(rawPath);
  } catch (err) {
    sink.end(toPortholeError(err));
    return {};
  }
  return uploadTar(
    sink,
    (body) =>
      docker.getContainer(id).putArchive(
        body as unknown as NodeJS.ReadableStream,
        {
          path: folder,
          abortSignal: sink.signal,
        } as { path: string },
      ),
    (name) => runArgv(docker, id, ['rm', '-f', '--', `${folder === '/' ? '' : folder}/${name}`]),
  );
}

/**
 * The upload protocol over any tar destination: `put(body)` starts the engine request that reads
 * the tar (it may start late: the body buffers meanwhile, bounded by the client's window);
 * `removePartial(name)` removes a file cut off by a cancel, once that request is over.
 */
export function uploadTar(
  sink: Sink<FileUploadEvent>,
  put: (body: PassThrough) => Promise<unknown>,
  removePartial: (name: string) => Promise<unknown>,
): StreamControls<UploadControl> {
  const body = new PassThrough({ highWaterMark: BODY_BUFFER });
  const gate = new WrittenGate((bytes) => sink.next({ kind: 'written', bytes }));
  let current: { path: string; size: number; remaining: number } | undefined;
  let files = 0;
  let bytes = 0;
  let finalized = false;
  const stop = (err: unknown) => {
    sink.end(toPortholeError(err));
    body.destroy();
  };
  const finishFile = () => {
    body.write(padding(current!.size));
    current = undefined;
  };
  const putting = put(body).then(() => {
    if (!finalized) return stop(new Error('The engine ended the upload before it was sent.'));
    sink.next({ kind: 'done', files, bytes });
    sink.end();
  }, stop);
  return {
    control(msg) {
      try {
        if (finalized) fail('INVALID_INPUT', 'The upload has ended.');
        if (msg.kind === 'file') {
          if (current) fail('INVALID_INPUT', `${current.path} ended before its announced size.`);
          const name = uploadEntryName(msg.path);
          body.write(fileHeader(name, msg.size));
          current = { path: name, size: msg.size, remaining: msg.size };
          files++;
          if (msg.size === 0) finishFile();
        } else if (msg.kind === 'chunk') {
          if (!current || msg.data.byteLength > current.remaining) {
            fail(
              'INVALID_INPUT',
              `More bytes than announced${current ? ` for ${current.path}` : ''}.`,
            );
          }
          current.remaining -= msg.data.byteLength;
          bytes += msg.data.byteLength;
          gate.write(body, msg.data);
          if (current.remaining === 0) finishFile();
        } else {
          if (current) fail('INVALID_INPUT', `${current.path} ended before its announced size.`);
          finalized = true;
          body.end(TAR_END);
        }
      } catch (err) {
        stop(err);
      }
    },
    close: () => {
      body.destroy();
      const partial = finalized ? undefined : current;
      if (!partial) return;
      const remove = () => removePartial(partial.path).catch(() => undefined);
      void putting.then(remove, remove);
    },
  };
}
