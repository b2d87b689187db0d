import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { BuildEvent, PortholeError } from '../../contract';
import { fail, toPortholeError } from './errors';
import { JsonLines } from './images-progress';
import { contextFilter, makeTar, type TarEntry } from './images-tar';

export interface BuildInput {
  dockerfile: string;
  files: { path: string; data: string }[];
  contextPath?: string | undefined;
  tag?: string | undefined;
  buildArgs: Record<string, string>;
  target?: string | undefined;
}

const MAX_CONTEXT_FILES = 20_000;
const MAX_CONTEXT_BYTES = 512 * 1024 * 1024;

/** Reads a folder into tar entries, skipping what its .dockerignore excludes. */
async function readContext(root: string): Promise<TarEntry[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) fail('INVALID_INPUT', `"${root}" is not a folder.`);
  const ignoreText = await readFile(join(root, '.dockerignore'), 'utf8').catch(() => undefined);
  const keep = contextFilter(ignoreText);
  const entries: TarEntry[] = [];
  let bytes = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, d.name);
      const rel = relative(root, full).split(sep).join('/');
      if (d.isDirectory()) {
        // A directory is skipped only when nothing inside could be re-included by a "!" rule.
        if (keep(rel) || (ignoreText ?? '').includes('!')) await walk(full);
      } else if (d.isFile() && keep(rel)) {
        const data = await readFile(full);
        bytes += data.length;
        if (entries.length >= MAX_CONTEXT_FILES || bytes > MAX_CONTEXT_BYTES) {
          fail('INVALID_INPUT', 'The build context is too large.', 'Add a .dockerignore.');
        }
        entries.push({ path: rel, data, mode: (await stat(full)).mode & 0o777 });
      }
    }
  };
  await walk(root);
  return entries;
}

/** The context as a tar: a folder, or a pasted Dockerfile plus uploaded files. */
export async function buildContext(input: BuildInput): Promise<Buffer> {
  if (input.contextPath) {
    const entries = await readContext(input.contextPath);
    if (input.dockerfile.trim()) {
      const rest = entries.filter((e) => e.path !== 'Dockerfile');
      return makeTar([{ path: 'Dockerfile', data: Buffer.from(input.dockerfile) }, ...rest]);
    }
    return makeTar(entries);
  }
  if (!input.dockerfile.trim()) fail('INVALID_INPUT', 'Paste a Dockerfile or choose a folder.');
  const uploaded = input.files.map((f) => ({ path: f.path, data: Buffer.from(f.data, 'base64') }));
  const ignoreFile = uploaded.find((f) => f.path === '.dockerignore');
  const keep = contextFilter(ignoreFile?.data.toString('utf8'));
  return makeTar([
    { path: 'Dockerfile', data: Buffer.from(input.dockerfile) },
    ...uploaded.filter((f) => f.path !== 'Dockerfile' && keep(f.path)),
  ]);
}

/** "Step 2/3 : RUN false" — the step a failure belongs to. */
const STEP = /^Step \d+\/\d+ : /;

/**
 * Classic builder, output streamed as log lines. A failing step ends the stream with an error
 * naming the step and the engine's reason.
 */
export function buildImage(
  docker: Docker,
  input: BuildInput,
  emit: (e: BuildEvent) => void,
  end: (error?: PortholeError) => void,
): () => void {
  const controller = new AbortController();
  void (async () => {
    try {
      const tar = await buildContext(input);
      const stream = (await docker.buildImage(Readable.from([tar]), {
        ...(input.tag ? { t: input.tag } : {}),
        ...(input.target ? { target: input.target } : {}),
        buildargs: input.buildArgs,
        rm: true,
        abortSignal: controller.signal,
      })) as NodeJS.ReadableStream;
      const lines = new JsonLines();
      let step: string | undefined;
      let imageId: string | undefined;
      let error: string | undefined;
      const handle = (text: string) => {
        const batch: string[] = [];
        for (const m of lines.push(text)) {
          if (m.error || m.errorDetail?.message) error ??= m.error ?? m.errorDetail?.message;
          if (m.aux?.ID) imageId = m.aux.ID;
          const out = (m.stream ?? m.status ?? '').replace(/\n$/, '');
          if (!out) continue;
          if (STEP.test(out)) step = out;
          const built = /^Successfully built ([0-9a-f]+)/.exec(out);
          if (built) imageId ??= built[1];
          batch.push(...out.split('\n'));
        }
        if (batch.length) emit({ kind: 'log', lines: batch });
      };
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => handle(chunk));
      stream.on('end', () => {
        handle('\n');
        if (error) {
          emit({ kind: 'log', lines: [error] });
          end({
            code: 'INVALID_INPUT',
            message: step ? `${step} failed: ${error}` : error,
            hint: 'Fix that step of the Dockerfile and build again.',
          });
        } else if (!imageId) {
          end({ code: 'INTERNAL', message: 'The build ended without an image id.' });
        } else {
          emit({ kind: 'done', imageId, ...(input.tag ? { tag: input.tag } : {}) });
          end();
        }
      });
      stream.on('error', (err) => end(toPortholeError(err)));
    } catch (err) {
      end(toPortholeError(err));
    }
  })();
  return () => controller.abort();
}
