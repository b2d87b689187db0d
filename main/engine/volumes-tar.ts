/**
 * Reads the first entry of a tar stream (what the archive API sends for one path) and hands out
 * its bytes as they arrive, so a large file never sits whole in memory. Understands PAX and GNU
 * long-name headers, which the engine uses for long names and files over 8 GiB.
 */
const BLOCK = 512;

export interface TarEntryInfo {
  name: string;
  size: number;
  /** '0' file, '2' symlink, '5' directory, … (the tar typeflag). */
  type: string;
  linkTarget: string;
}

function text(buf: Buffer, start: number, len: number): string {
  const raw = buf.subarray(start, start + len);
  const nul = raw.indexOf(0);
  return raw.subarray(0, nul < 0 ? raw.length : nul).toString('utf8');
}

function octal(buf: Buffer, start: number, len: number): number {
  // Base-256 (high bit set) for sizes that do not fit 11 octal digits.
  if (buf[start]! & 0x80) {
    let n = 0;
    for (let i = start + 1; i < start + len; i++) n = n * 256 + buf[i]!;
    return n;
  }
  const s = text(buf, start, len).trim();
  return s ? parseInt(s, 8) : 0;
}

/** PAX records "LEN key=value\n". */
export function parsePax(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  while (i < data.length) {
    const space = data.indexOf(0x20, i);
    if (space < 0) break;
    const len = Number(data.subarray(i, space).toString('ascii'));
    if (!Number.isFinite(len) || len <= 0) break;
    const record = data.subarray(space + 1, i + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    i += len;
  }
  return out;
}

export class FirstEntryReader {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private meta: { kind: 'x' | 'L'; size: number } | undefined;
  private pax: Record<string, string> = {};
  private longName: string | undefined;
  private remaining = 0;
  entry: TarEntryInfo | undefined;
  done = false;

  /** Feeds bytes in; returns the pieces of the first entry's content found in them. */
  push(chunk: Buffer): Buffer[] {
    if (this.done) return [];
    if (this.entry) return this.take(chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const out: Buffer[] = [];
    while (!this.entry && !this.done) {
      const need = this.meta ? Math.ceil(this.meta.size / BLOCK) * BLOCK : BLOCK;
      if (this.pendingBytes < need) return out;
      const all = Buffer.concat(this.pending);
      const block = all.subarray(0, need);
      const rest = all.subarray(need);
      this.pending = [];
      this.pendingBytes = 0;
      this.readBlock(block);
      if (rest.length) {
        if (this.entry) out.push(...this.take(rest));
        else {
          this.pending = [rest];
          this.pendingBytes = rest.length;
        }
      }
    }
    return out;
  }

  private readBlock(block: Buffer) {
    if (this.meta) {
      const data = block.subarray(0, this.meta.size);
      if (this.meta.kind === 'x') this.pax = { ...this.pax, ...parsePax(data) };
      else this.longName = text(data, 0, data.length);
      this.meta = undefined;
      return;
    }
    if (block.every((b) => b === 0)) {
      this.done = true;
      return;
    }
    const type = String.fromCharCode(block[156]!) || '0';
    const size = octal(block, 124, 12);
    if (type === 'x' || type === 'L' || type === 'g') {
      if (type === 'g') this.meta = { kind: 'x', size };
      else this.meta = { kind: type, size };
      return;
    }
    const prefix = text(block, 345, 155);
    const base = text(block, 0, 100);
    const name = this.pax.path ?? this.longName ?? (prefix ? `${prefix}/${base}` : base);
    const entrySize = this.pax.size !== undefined ? Number(this.pax.size) : size;
    this.entry = {
      name,
      size: entrySize,
      type: type === '\0' ? '0' : type,
      linkTarget: this.pax.linkpath ?? text(block, 157, 100),
    };
    this.remaining = this.entry.type === '0' || this.entry.type === '7' ? entrySize : 0;
    if (this.remaining === 0) this.done = true;
  }

  private take(chunk: Buffer): Buffer[] {
    if (this.remaining <= 0) return [];
    const piece = chunk.subarray(0, Math.min(chunk.length, this.remaining));
    this.remaining -= piece.length;
    if (this.remaining === 0) this.done = true;
    return [piece];
  }
}
