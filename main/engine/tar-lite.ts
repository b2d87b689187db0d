/**
 * The little of tar the Files tab needs on its hot paths, without a stream in between: a file
 * entry's header (ustar, with a PAX path record for long or non-ASCII names) for uploads, and
 * the body of an archive's one regular file for downloads, handed on as views of the pieces
 * the engine sent (nothing copied, nothing buffered). tar-stream stays for listings.
 */

const BLOCK = 512;
export const TAR_END = Buffer.alloc(BLOCK * 2);

const padTo = (n: number) => (BLOCK - (n % BLOCK)) % BLOCK;
/** The zero bytes that close an entry of `size` bytes to a whole block. */
export const padding = (size: number) => TAR_END.subarray(0, padTo(size));

function octal(buf: Buffer, value: number, offset: number, width: number) {
  buf.write(value.toString(8).padStart(width - 1, '0') + '\0', offset, width, 'ascii');
}

function ustar(name: string, size: number, type: string, mode: number, mtime: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, 100, 'utf8');
  octal(h, mode & 0o7777, 100, 8);
  octal(h, 0, 108, 8);
  octal(h, 0, 116, 8);
  if (size < 8 ** 11) octal(h, size, 124, 12);
  else {
    // base-256 for sizes past 8 GiB (GNU and the engine read it)
    h[124] = 0x80;
    let v = BigInt(size);
    for (let i = 135; i > 124; i--, v >>= 8n) h[i] = Number(v & 0xffn);
  }
  octal(h, Math.floor(mtime / 1000), 136, 12);
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

/** "LEN path=NAME\n", where LEN counts itself. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(body);
  let len = bytes + 1;
  while (String(len).length + bytes > len) len++;
  return Buffer.from(`${len}${body}`);
}

/** The header block(s) of a regular file named `name` (a relative path). */
export function fileHeader(name: string, size: number, mode = 0o644, mtime = Date.now()): Buffer {
  const plain = /^[\x20-\x7e]*$/.test(name) && name.length <= 100;
  const head = ustar(
    plain ? name : name.replace(/[^\x20-\x7e]/g, '_').slice(-100),
    size,
    '0',
    mode,
    mtime,
  );
  if (plain) return head;
  const pax = paxRecord('path', name);
  return Buffer.concat([
    ustar('PaxHeader', pax.length, 'x', 0o644, mtime),
    pax,
    padding(pax.length),
    head,
  ]);
}

function readSize(h: Buffer): number {
  if (h[124]! & 0x80) {
    let v = 0n;
    for (let i = 125; i < 136; i++) v = (v << 8n) | BigInt(h[i]!);
    return Number(v);
  }
  return parseInt(
    h
      .toString('ascii', 124, 136)
      .replace(/[\0 ]+$/, '')
      .trim() || '0',
    8,
  );
}

/**
 * Takes the archive as it arrives and gives back the bytes of its first regular file (PAX and
 * GNU long-name headers before it are skipped). `error` is set when the first real entry is
 * not a regular file or the archive is not a tar; `done` once the file's bytes are all out.
 */
export class FirstFileBody {
  error: string | undefined;
  done = false;
  size: number | undefined;
  /** What the first real entry is when it is not a regular file (for the caller's words). */
  other: { type: 'directory' | 'symlink' | 'other'; linkname: string } | undefined;
  private header: Buffer[] = [];
  private headerBytes = 0;
  private skip = 0;
  private remaining = 0;
  private inBody = false;

  take = (piece: Buffer): Uint8Array[] => {
    const out: Uint8Array[] = [];
    let at = 0;
    while (at < piece.length && !this.done && !this.error) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, piece.length - at);
        this.skip -= n;
        at += n;
      } else if (this.inBody) {
        const n = Math.min(this.remaining, piece.length - at);
        out.push(piece.subarray(at, at + n));
        this.remaining -= n;
        at += n;
        if (this.remaining === 0) this.done = true;
      } else {
        const n = Math.min(BLOCK - this.headerBytes, piece.length - at);
        this.header.push(piece.subarray(at, at + n));
        this.headerBytes += n;
        at += n;
        if (this.headerBytes === BLOCK) this.onHeader(Buffer.concat(this.header));
      }
    }
    return out;
  };

  private onHeader(h: Buffer) {
    this.header = [];
    this.headerBytes = 0;
    if (h.every((b) => b === 0)) {
      this.error = 'The archive has no file.';
      return;
    }
    if (h.toString('ascii', 257, 262) !== 'ustar') {
      this.error = 'The engine sent something that is not a tar archive.';
      return;
    }
    const size = readSize(h);
    const type = String.fromCharCode(h[156]!);
    if (type === 'x' || type === 'g' || type === 'L' || type === 'K') {
      this.skip = size + padTo(size);
      return;
    }
    if (type !== '0' && type !== '\0' && type !== '7') {
      this.error = 'Not a regular file.';
      const link = h.subarray(157, 257);
      const end = link.indexOf(0);
      this.other = {
        type: type === '5' ? 'directory' : type === '2' ? 'symlink' : 'other',
        linkname: link.toString('utf8', 0, end < 0 ? 100 : end),
      };
      return;
    }
    this.size = size;
    this.inBody = true;
    this.remaining = size;
    if (size === 0) this.done = true;
  }
}
