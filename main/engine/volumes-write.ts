import { posix } from 'node:path';
import type Docker from 'dockerode';
import type { FileUploadEvent, UploadControl } from '../../contract';
import type { StreamControls } from '../router';
import type { Sink } from '../streams/sink';
import { uploadTar } from './container-upload';
import { fail, PortholeFailure } from './errors';
import {
  ensureVolume,
  helperConfig,
  helperImage,
  inVolumeTerms,
  isMissingProgram,
  MOUNT,
  removeQuietly,
  runOnce,
  type HelperChoices,
} from './volumes-files';

// Changes to a volume, only when the user allowed them ("Allow changes" in the volume browser):
// each goes through a short-lived helper container from the image the user chose, with the
// volume mounted read-write, removed (with its anonymous volumes) right after.

interface Change {
  engineId: string;
  name: string;
  /** Relative to the volume's root, checked by the contract (no "..", not absolute). */
  path: string;
  helperImage: string;
}

const NEEDS_TOOLS_HINT =
  'Choose a helper image with a shell and its tools, such as busybox or alpine.';

function needsTools(image: string, program: string): never {
  fail(
    'INVALID_INPUT',
    `${image} has no ${program}: changes need a shell and its tools.`,
    NEEDS_TOOLS_HINT,
  );
}

/** Where PATH is inside the helper; the volume's root itself is never a target of a change. */
function inHelper(path: string): string {
  // "./" joins to MOUNT + "/": without the trailing slash it is the root, and refused.
  const target = posix.join(MOUNT, path).replace(/\/+$/, '');
  if (target === MOUNT || !target.startsWith(`${MOUNT}/`)) {
    fail('INVALID_INPUT', 'The volume’s root folder cannot be changed this way.');
  }
  return target;
}

async function runChange(
  docker: Docker,
  helpers: HelperChoices,
  input: Change,
  argv: string[],
  what: string,
): Promise<null> {
  const target = inHelper(input.path);
  await ensureVolume(docker, input.name);
  const image = await helperImage(docker, helpers, input.engineId, input.helperImage);
  let result: Awaited<ReturnType<typeof runOnce>>;
  try {
    result = await runOnce(docker, image, input.name, [...argv, '--', target], true);
  } catch (err) {
    if (isMissingProgram(err)) needsTools(image, argv[0]!);
    throw new PortholeFailure(inVolumeTerms(err));
  }
  if (result.code === 127 || (result.code !== 0 && isMissingProgram(result.stderr))) {
    needsTools(image, argv[0]!);
  }
  if (result.code !== 0) {
    const said = result.stderr.trim().replaceAll(`${MOUNT}/`, '/').replaceAll(MOUNT, '/');
    fail('CONFLICT', `${what} /${input.path}: ${said || `${argv[0]} exited with ${result.code}`}`);
  }
  return null;
}

/** `mkdir -p PATH` (argv, no shell) in a read-write helper. */
export const makeVolumeFolder = (docker: Docker, helpers: HelperChoices, input: Change) =>
  runChange(docker, helpers, input, ['mkdir', '-p'], 'Cannot create');

/** `rm -rf PATH` (argv, no shell) in a read-write helper; the root is refused. */
export const removeVolumePath = (docker: Docker, helpers: HelperChoices, input: Change) =>
  runChange(docker, helpers, input, ['rm', '-rf'], 'Cannot remove');

/**
 * Files into a folder of the volume: the container upload's protocol (uploadTar: tar entries as
 * they come, `written` as the engine takes them) into PUT archive on a read-write helper that
 * is created for it and never started (the archive API writes a stopped container's mounts).
 * The helper is removed when the stream is over; a file cut off by a cancel is removed by a
 * second short helper once the request is over.
 */
export function uploadToVolume(
  docker: Docker,
  helpers: HelperChoices,
  input: Omit<Change, 'path'> & { path: string },
  sink: Sink<FileUploadEvent>,
): StreamControls<UploadControl> {
  const folder = posix.join(MOUNT, input.path);
  let image: string | undefined;
  const helper = (async () => {
    await ensureVolume(docker, input.name);
    image = await helperImage(docker, helpers, input.engineId, input.helperImage);
    return docker.createContainer(helperConfig(image, input.name, ['true'], true));
  })();
  // Handled here; the upload's own path reports the error.
  helper.catch(() => undefined);
  sink.signal.addEventListener('abort', () => void helper.then(removeQuietly, () => undefined), {
    once: true,
  });
  return uploadTar(
    sink,
    async (body) => {
      try {
        const container = await helper;
        if (sink.closed) return;
        await container.putArchive(
          body as unknown as NodeJS.ReadableStream,
          {
            path: folder,
            abortSignal: sink.signal,
          } as { path: string },
        );
      } catch (err) {
        if (err instanceof PortholeFailure) throw err;
        throw new PortholeFailure(inVolumeTerms(err));
      }
    },
    async (name) => {
      if (!image) return;
      await runOnce(docker, image, input.name, ['rm', '-f', '--', posix.join(folder, name)], true);
    },
  );
}
