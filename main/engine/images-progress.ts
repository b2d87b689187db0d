import { JsonLineReader } from '../streams/lines';
import type { ErrorCode, LayerProgress, PortholeError, TransferEvent } from '../../contract';

/** One object of the engine's JSON progress stream (pull, push, build, load). */
export interface ProgressMessage {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  stream?: string;
  error?: string;
  errorDetail?: { message?: string; code?: number };
  aux?: { ID?: string; Tag?: string; Digest?: string };
}

/**
 * The engine's JSON progress stream as messages, on the one line splitter. A line that is not
 * JSON (a proxy's HTML error page, say) keeps its words as a status: they are all we have.
 */
export class JsonLines {
  private readonly reader: JsonLineReader;

  constructor(onMessage: (m: ProgressMessage) => void) {
    this.reader = new JsonLineReader(
      (value) => value && typeof value === 'object' && onMessage(value as ProgressMessage),
      (text) => onMessage({ status: text }),
    );
  }

  push(chunk: Uint8Array | string): void {
    this.reader.push(chunk);
  }

  flush(): void {
    this.reader.flush();
  }
}

const MAX_MESSAGES = 20;

/**
 * Reduces progress messages to per-layer state. Lines with a layer id update that layer; the
 * "Pulling from …" line carries the tag as its id and is a message, not a layer.
 */
export class ProgressState {
  private readonly layers = new Map<string, LayerProgress>();
  readonly messages: string[] = [];
  /** The first `{ error }` seen: a 200 stream can still fail. */
  error: string | undefined;

  apply(msg: ProgressMessage): void {
    if (msg.error || msg.errorDetail?.message) {
      this.error ??= msg.error ?? msg.errorDetail?.message;
      return;
    }
    const status = msg.status ?? '';
    if (msg.aux?.Digest) {
      this.note(`Digest: ${msg.aux.Digest}`);
      return;
    }
    if (!status) return;
    if (!msg.id || /^Pulling from /.test(status) || /^Pulling repository/.test(status)) {
      this.note(msg.id && !status.includes(msg.id) ? `${msg.id}: ${status}` : status);
      return;
    }
    const prev = this.layers.get(msg.id);
    const detail = msg.progressDetail;
    const next: LayerProgress = { id: msg.id, status };
    if (detail?.total && detail.total > 0) {
      next.current = detail.current ?? 0;
      next.total = detail.total;
    } else if (prev?.total && /complete|Pushed|Already exists|Layer already exists/i.test(status)) {
      // A finished layer keeps its size so the overall bar adds up.
      next.current = prev.total;
      next.total = prev.total;
    }
    this.layers.set(msg.id, next);
  }

  private note(line: string) {
    this.messages.push(line);
    if (this.messages.length > MAX_MESSAGES) this.messages.shift();
  }

  snapshot(): Extract<TransferEvent, { kind: 'progress' }> {
    return { kind: 'progress', layers: [...this.layers.values()], messages: [...this.messages] };
  }
}

/** The engine's words without the status prefixes docker-modem and toPortholeError add. */
export function engineWords(message: string): string {
  return message.replace(/^The engine answered \d+: /, '').replace(/^server error - /, '');
}

const AUTH =
  /no basic auth credentials|unauthorized|authentication required|denied: requested access|access to the resource is denied|incorrect username or password/i;
const MISSING = /manifest unknown|not found|does not exist|repository name not known/i;

/**
 * A registry error in the engine's words, classified: missing credentials become AUTH_REQUIRED
 * (the UI offers "Log in"), an unknown image NOT_FOUND, the rest PULL_FAILED.
 */
export function registryError(
  message: string,
  registry: string,
  verb: 'pull' | 'push',
): PortholeError {
  let code: ErrorCode = 'PULL_FAILED';
  let text = message;
  let hint: string | undefined;
  if (AUTH.test(message)) {
    code = 'AUTH_REQUIRED';
    text = `authentication required by ${registry}: ${message}`;
    hint = `Log in to ${registry} (Registries), then ${verb} again.`;
  } else if (MISSING.test(message) && verb === 'pull') {
    code = 'NOT_FOUND';
    hint = 'Check the repository name and tag.';
  } else if (/connection refused|no such host|i\/o timeout|dial tcp|TLS handshake/i.test(message)) {
    hint = `The engine cannot reach ${registry}.`;
  }
  return { code, message: text, ...(hint ? { hint } : {}) };
}
