import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LogLines } from '../../../../contract';
import { call, subscribe } from '../../api/client';
import { LogBuffer, type LogLine } from './buffer';

/** Lines kept in memory per view; older ones are dropped (the notice offers the download). */
export const LOG_CAPACITY = 50_000;

export interface LogSource {
  id: string;
  name: string;
  tty: boolean;
  /** connecting → attached ⇄ stopped → removed; error when the stream failed. */
  state: 'connecting' | 'attached' | 'stopped' | 'removed' | 'error';
  error?: string;
  /** Lines received since (re)subscribing: tells whether "Load earlier" can find more. */
  received: number;
}

export function toLines(e: LogLines, src: number): LogLine[] {
  const err = new Set(e.err);
  return e.text.map((text, i) => ({ ts: e.ts[i] ?? '', text, err: err.has(i), src }));
}

/**
 * Follows one or more containers' logs into one bounded, time-ordered buffer. The buffer lives
 * outside React state (a million lines must not be copied per batch); `version` says when it
 * changed. What the view has taken in is acknowledged after React committed it, so a renderer
 * that cannot keep up slows the engine's stream down instead of queueing without bound.
 */
/** since/until as the engine takes them (Unix seconds); absent = no limit. */
export interface LogRange {
  since?: string | undefined;
  until?: string | undefined;
}

export function useLogStreams(engineId: string, ids: string[], tail: number, range: LogRange) {
  const key = ids.join(',');
  const { since, until } = range;
  const streamKey = `${engineId}|${key}|${tail}|${since ?? ''}|${until ?? ''}`;
  // A new buffer whenever what we follow changes; the effect below fills it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- streamKey names every input
  const buffer = useMemo(() => new LogBuffer(LOG_CAPACITY), [streamKey]);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string; sources: LogSource[] }>({
    key: '',
    sources: [],
  });
  const acks = useRef(new Map<string, number>());
  const initial = useMemo(() => initialSources(key), [key]);
  const sources = state.key === streamKey ? state.sources : initial;

  useEffect(() => {
    const idList = key.split(',').filter(Boolean);
    acks.current.clear();
    const patch = (src: number, p: Partial<LogSource>) =>
      setState((prev) => {
        const base = prev.key === streamKey ? prev.sources : initialSources(key);
        return { key: streamKey, sources: base.map((s, i) => (i === src ? { ...s, ...p } : s)) };
      });
    const unsubs = idList.map((id, src) => {
      let sessionId = '';
      let received = 0;
      return subscribe(
        'logs.follow',
        {
          engineId,
          id,
          follow: true,
          stdout: true,
          stderr: true,
          // From a start time on, the user wants everything since then, not the last N lines.
          ...(since ? { since } : { tail }),
          ...(until ? { until } : {}),
        },
        (e) => {
          if (e.kind === 'session') {
            sessionId = e.sessionId;
            patch(src, { name: e.name, tty: e.tty });
          } else if (e.kind === 'lines') {
            buffer.append(toLines(e, src));
            received += e.text.length;
            acks.current.set(sessionId, (acks.current.get(sessionId) ?? 0) + e.bytes);
            setVersion((v) => v + 1);
            // Only while the initial tail comes in: afterwards the count no longer matters.
            if (received - e.text.length < tail) patch(src, { received });
          } else {
            patch(src, { state: e.state });
          }
        },
        (error) => {
          if (error) patch(src, { state: 'error', error: error.message });
        },
      );
    });
    return () => unsubs.forEach((u) => u());
  }, [engineId, key, tail, since, until, streamKey, buffer]);

  // After each commit: acknowledge what is now on screen.
  useEffect(() => {
    for (const [sessionId, bytes] of acks.current) {
      if (sessionId && bytes > 0) call('logs.ack', { engineId, sessionId, bytes }).catch(() => {});
    }
    acks.current.clear();
  }, [version, engineId]);

  const clear = useCallback(() => {
    buffer.clear();
    setVersion((v) => v + 1);
  }, [buffer]);

  return { buffer, version, sources, clear };
}

function initialSources(key: string): LogSource[] {
  return key
    .split(',')
    .filter(Boolean)
    .map((id) => ({ id, name: id.slice(0, 12), tty: false, state: 'connecting', received: 0 }));
}
