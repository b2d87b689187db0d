/**
 * A screen's chunk, loaded with retries. Chromium aborts requests in flight when the machine's
 * network changes (ERR_NETWORK_CHANGED — a container's veth or an engine's bridge coming or
 * going is enough), and a failed import() may be remembered by the page for good. So: retry a
 * few times, then reload the page once (a fresh page fetches afresh), and only then give up —
 * the screen's error boundary says so and offers Reload.
 */
export interface ChunkDeps {
  sleep(ms: number): Promise<void>;
  /** The time of the last reload for a failed chunk (ms), or undefined. */
  lastReload(): number | undefined;
  markReload(at: number): void;
  reload(): void;
  now(): number;
}

export const CHUNK_ATTEMPTS = 3;
const RETRY_MS = 250;
/** Within this of the last such reload, do not reload again: a chunk that is really gone. */
const RELOAD_GUARD_MS = 30_000;

export async function loadChunk<M>(load: () => Promise<M>, deps: ChunkDeps): Promise<M> {
  let error: unknown;
  for (let attempt = 1; attempt <= CHUNK_ATTEMPTS; attempt++) {
    try {
      return await load();
    } catch (err) {
      error = err;
      if (attempt < CHUNK_ATTEMPTS) await deps.sleep(RETRY_MS * attempt);
    }
  }
  const last = deps.lastReload();
  const now = deps.now();
  if (last === undefined || now - last > RELOAD_GUARD_MS) {
    deps.markReload(now);
    deps.reload();
    return new Promise<M>(() => {}); // the page goes; nothing renders meanwhile
  }
  throw error;
}

const KEY = 'porthole.chunkReloadAt';

/** The browser's: sessionStorage survives the reload, and is per tab. */
export const browserChunkDeps: ChunkDeps = {
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  lastReload: () => {
    const v = Number(sessionStorage.getItem(KEY));
    return v > 0 ? v : undefined;
  },
  markReload: (at) => sessionStorage.setItem(KEY, String(at)),
  reload: () => location.reload(),
  now: () => Date.now(),
};
