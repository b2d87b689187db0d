import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EngineId } from '../../contract';
import { saveSettings } from '../fs/atomic';

const Tls = z.object({ ca: z.string(), cert: z.string(), key: z.string() }).partial();

/** An engine the user added: its address as written and its TLS file paths (never keys). */
export const SavedEngine = z.object({
  id: EngineId,
  name: z.string().min(1).max(100),
  address: z.string().min(1).max(1000),
  tls: Tls.optional(),
});
export type SavedEngine = z.infer<typeof SavedEngine>;

export const EngineFile = z.object({
  version: z.literal(1),
  added: z.array(SavedEngine).max(200),
  /** New names for detected engines (contexts, sockets), by id. */
  renamed: z.record(EngineId, z.string().min(1).max(100)),
  /** Detected engines the user removed. */
  hidden: z.array(EngineId).max(200),
  /** The user's pick; absent: the engine the docker CLI would use. */
  defaultId: EngineId.optional(),
});
export type EngineFile = z.infer<typeof EngineFile>;

const EMPTY: EngineFile = { version: 1, added: [], renamed: {}, hidden: [] };

/**
 * engines.json in Porthole's data dir. Read once at start; every change is written whole and
 * atomically (temp file + rename), one write at a time, so a crash never leaves half a file.
 */
export class EngineStore {
  private data: EngineFile;
  private writing: Promise<void> = Promise.resolve();
  readonly path: string;

  constructor(
    dataDir: string,
    private readonly warn: (message: string) => void = () => undefined,
  ) {
    this.path = join(dataDir, 'engines.json');
    this.data = this.read();
  }

  private read(): EngineFile {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return structuredClone(EMPTY);
    }
    try {
      const parsed = EngineFile.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      this.warn(`${this.path} is not a valid engines file; starting with no added engines`);
    } catch {
      this.warn(`${this.path} is not JSON; starting with no added engines`);
    }
    return structuredClone(EMPTY);
  }

  get(): Readonly<EngineFile> {
    return this.data;
  }

  /** Applies `change` to a copy, then persists it; the in-memory copy follows only on success. */
  update(change: (draft: EngineFile) => void): Promise<void> {
    const run = async () => {
      const draft = structuredClone(this.data);
      change(draft);
      await saveSettings(this.path, `${JSON.stringify(draft, null, 2)}\n`, 'the engine list');
      this.data = draft;
    };
    const next = this.writing.then(run, run);
    this.writing = next.catch(() => undefined);
    return next;
  }
}
