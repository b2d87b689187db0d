import { useCallback, useEffect, useMemo, useState } from 'react';
import { subscribe, type Stream } from '../../api/client';
import type { StreamEvent } from '../../../../contract';
import { LogBuffer, toLines } from './buffer';
import { pacedRender } from './pacedRender';

/** A log source id naming a Swarm service rather than a container. */
export const SERVICE_LOGS = 'service:';

/** A tail that asks for every line the engine has (no `tail` in the request). */
export const WHOLE_LOG = Infinity;

/** Lines kept in memory per view; older ones are dropped (the notice offers the download). */
export const LOG_CAPACITY = 50_000;

export interface LogSource {
  id: string;
  name: string;
  tty: boolean;
  /** connecting → attached ⇄ stopped → removed; error when the stream failed. */
  state: 'connecting' | 'attached' | 'stopped' | 'removed' | 'unreachable' | 'error';
  error?: string;
  /** Lines received since (re)subscribing: tells whether "Load earlier" can find more. */
  received: number;
}

/** One followed container's stream, and the credit its batches owe main until the next frame. */
class Follow {
  stream: Stream<'logs.follow'> | Stream<'services.logs'> | undefined;
  private owed = 0;

  owe(cost: number): void {
    this.owed += cost;
  }

  /** What was owed is in the buffer: main may send that much more. */
  settle(): void {
    if (this.owed > 0) this.stream?.ack(this.owed);
    this.owed = 0;
  }
}

/** since/until as the engine takes them (Unix seconds); absent = no limit. */
export interface LogRange {
  since?: string | undefined;
  until?: string | undefined;
}

/**
 * Follows one or more containers' logs into one bounded, time-ordered buffer. The buffer lives
 * outside React state (a million lines must not be copied per batch); `version` says when it
 * changed. What the view has taken into the buffer is acknowledged at the next frame, so a
 * renderer that cannot keep up slows the engine's stream down instead of queueing without
 * bound; React renders the buffer at most once a frame, less often while batches keep coming.
 */
export function useLogStreams(
  engineId: string,
  ids: string[],
  tail: number,
  range: LogRange,
  /** Lines kept (Settings → Log buffer). */
  capacity = LOG_CAPACITY,
  /** Each line's time is needed (shown, or merging by it); else the written lines come without. */
  stamped = true,
) {
  const key = ids.join(',');
  const { since, until } = range;
  const streamKey = `${engineId}|${key}|${tail}|${since ?? ''}|${until ?? ''}|${stamped}`;
  // A new buffer whenever what we follow changes; the effect below fills it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- streamKey names every input
  const buffer = useMemo(() => new LogBuffer(capacity), [streamKey, capacity]);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ key: string; sources: LogSource[] }>({
    key: '',
    sources: [],
  });
  const initial = useMemo(() => initialSources(key), [key]);
  const sources = state.key === streamKey ? state.sources : initial;

  useEffect(() => {
    const idList = key.split(',').filter(Boolean);
    const patch = (src: number, p: Partial<LogSource>) =>
      setState((prev) => {
        const base = prev.key === streamKey ? prev.sources : initialSources(key);
        return { key: streamKey, sources: base.map((s, i) => (i === src ? { ...s, ...p } : s)) };
      });
    // Lines received per source, and what the sources last said of it.
    const received = idList.map(() => 0);
    const told = received.slice();
    // Batches come faster than frames (a million lines are 500 of them): one render a frame at
    // most, fewer while they keep coming; what was taken in is acknowledged every frame.
    const render = pacedRender(
      () => {
        setVersion((v) => v + 1);
        received.forEach((n, src) => {
          // Only while the initial tail comes in: afterwards the count no longer matters.
          if (tail !== WHOLE_LOG && n !== told[src] && told[src]! < tail) {
            patch(src, { received: n });
          }
          told[src] = n;
        });
      },
      () => {
        for (const f of list) f.settle();
      },
    );
    // What every source is asked for, the same for each: from a start time on, everything since
    // then, not the last N lines; else the last N, or the whole log; and up to an end time.
    const asked = {
      ...(since ? { since } : tail === WHOLE_LOG ? {} : { tail }),
      ...(until ? { until } : {}),
    };
    const list = idList.map((id, src) => {
      const follow = new Follow();
      const onEvent = (e: StreamEvent<'logs.follow'>, cost: number) => {
        if (e.kind === 'lines') {
          const lines = toLines(e, src);
          buffer.append(lines);
          received[src]! += lines.length;
          // In the buffer now (bounded by its capacity): owed until the next frame.
          follow.owe(cost);
          render.request();
          return;
        }
        if (e.kind === 'session') patch(src, { name: e.name, tty: e.tty });
        else patch(src, { state: e.state });
        follow.stream?.ack(cost);
      };
      const onEnd = (error?: { message: string }) => {
        if (error) patch(src, { state: 'error', error: error.message });
      };
      // A Swarm service (#/logs/ENGINE/service:ID): every task's lines, merged by the engine.
      follow.stream = id.startsWith(SERVICE_LOGS)
        ? subscribe(
            'services.logs',
            {
              engineId,
              id: id.slice(SERVICE_LOGS.length),
              follow: true,
              stdout: true,
              stderr: true,
              ...asked,
            },
            onEvent,
            onEnd,
            { manualAck: true },
          )
        : subscribe(
            'logs.follow',
            {
              engineId,
              id,
              follow: true,
              stdout: true,
              stderr: true,
              ...asked,
              timestamps: stamped,
            },
            onEvent,
            onEnd,
            { manualAck: true },
          );
      return follow;
    });
    return () => {
      render.cancel();
      for (const f of list) f.stream?.close();
    };
  }, [engineId, key, tail, since, until, stamped, streamKey, buffer]);

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
