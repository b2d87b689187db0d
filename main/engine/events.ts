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
  const container = e.Type === 'network' ? e.Actor?.Attributes?.container : undefined;
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
    ...(container ? { container } : {}),
    timeNano,
  };
}

/** `since` for the events API from the last event's nanosecond time: "seconds.nanos". */
export function sinceFromTimeNano(timeNano: string): string {
  const padded = timeNano.padStart(10, '0');
  const secs = padded.slice(0, -9) || '0';
  return `${secs}.${padded.slice(-9)}`;
}
