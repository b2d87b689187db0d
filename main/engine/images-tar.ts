import ignore from '@balena/dockerignore';

/** A file of a build context. */
export interface TarEntry {
  path: string;
  data: Buffer;
  mode?: number;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mode: number, type: '0' | 'x'): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  h.write(octal(mode, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(0, 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write(type, 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of h) sum += byte;
  h.write(octal(sum, 7) + ' ', 148, 'ascii');
  return h;
}

function padded(data: Buffer): Buffer[] {
  const rest = data.length % BLOCK;
  return rest ? [data, Buffer.alloc(BLOCK - rest)] : [data];
}

/** A PAX record "LEN path=VALUE\n", where LEN counts itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let len = Buffer.byteLength(body) + 1;
  while (String(len).length + Buffer.byteLength(body) !== len) len++;
  return `${len}${body}`;
}

/**
 * A tar archive in memory (a build context is small, and the engine wants the whole thing).
 * Long paths go in a PAX header, as GNU tar and the engine's own archiver write them.
 */
export function makeTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const mode = entry.mode ?? 0o644;
    let name = entry.path;
    if (Buffer.byteLength(name) > 100) {
      const pax = Buffer.from(paxRecord('path', name));
      parts.push(header('PaxHeader', pax.length, 0o644, 'x'), ...padded(pax));
      name = name.slice(0, 99);
    }
    parts.push(header(name, entry.data.length, mode, '0'), ...padded(entry.data));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/**
 * The .dockerignore rules as a filter over context-relative paths. The Dockerfile and the
 * .dockerignore itself are always sent, as the docker CLI does.
 */
export function contextFilter(dockerignore: string | undefined, dockerfile = 'Dockerfile') {
  if (!dockerignore) return () => true;
  const keep = ignore({ ignorecase: false }).add(dockerignore).createFilter();
  return (path: string) => path === dockerfile || path === '.dockerignore' || keep(path);
}
