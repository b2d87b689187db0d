import { ResourceType, type EngineEvent } from '../../contract';

interface RawEvent {
  Type?: string;
  Action?: string;
  status?: string;
  id?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  time?: number;
  timeNano?: number | string;
}

/** Reduces one /events JSON object to the contract's event; undefined for lines we can't use. */
export function parseEngineEvent(raw: unknown): EngineEvent | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const e = raw as RawEvent;
  const verb = e.Action ?? e.status;
  if (typeof verb !== 'string' || !verb) return undefined;
  const typed = ResourceType.safeParse(e.Type);
  const id = e.Actor?.ID ?? e.id ?? '';
  const name = e.Actor?.Attributes?.name;
  const timeNano =
    e.timeNano !== undefined
      ? String(e.timeNano)
      : e.time !== undefined
        ? `${e.time}000000000`
        : `${Date.now()}000000`;
  return {
    kind: 'event',
    type: typed.success ? typed.data : 'other',
    action: verb.split(':')[0]!.trim(),
    id,
    ...(name ? { name } : {}),
    timeNano,
  };
}

/**
 * Splits a byte stream of concatenated JSON documents (one per line, but chunk boundaries fall
 * anywhere) into parsed values.
 */
export class JsonLineSplitter {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  push(chunk: Uint8Array | string): unknown[] {
    this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const out: unknown[] = [];
    let nl: number;
    while ((nl = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, nl).trim();
      this.buffer = this.buffer.slice(nl + 1);
      if (!line) continue;
      try {
        out.push(JSON.parse(line));
      } catch {
        // A malformed line from the engine is dropped, never fatal for the stream.
      }
    }
    return out;
  }
}

/** `since` for the events API from the last event's nanosecond time: "seconds.nanos". */
export function sinceFromTimeNano(timeNano: string): string {
  const padded = timeNano.padStart(10, '0');
  const secs = padded.slice(0, -9) || '0';
  return `${secs}.${padded.slice(-9)}`;
}
