import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { DOCKER_CLI } from './proc';
import type { SuiteState } from './state';

/** The CLI's raw stdout (bytes, not trimmed text). */
export function cliBytes(suite: SuiteState, args: string[]): Buffer {
  const r = spawnSync(DOCKER_CLI, ['-H', suite.engine.host, ...args], {
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

export interface TarItem {
  type: string;
  size: number;
  mode: number;
  linkname: string | null;
  sha: string;
}

/** A tar's entries by name: type, size, mode, link and a digest of the contents. */
export async function tarEntries(buf: Buffer): Promise<Map<string, TarItem>> {
  const out = new Map<string, TarItem>();
  const tar = extract();
  const done = new Promise<void>((resolve, reject) => {
    tar.on('entry', (h, body, next) => {
      const hash = createHash('sha256');
      body.on('data', (b: unknown) => hash.update(b as Buffer));
      body.on('end', () => {
        out.set(h.name, {
          type: h.type ?? '',
          size: h.size ?? 0,
          mode: h.mode ?? 0,
          linkname: h.linkname ?? null,
          sha: hash.digest('hex'),
        });
        next();
      });
    });
    tar.on('finish', resolve);
    tar.on('error', reject);
  });
  Readable.from([buf]).pipe(tar as unknown as NodeJS.WritableStream);
  await done;
  return out;
}
