import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ComposeJob } from '../../../../contract';
import { subscribe, type Stream } from '../../api/client';
import { initialRun, reduceRun, type RunState } from './run-state';

export interface ComposeRun {
  /** undefined until start(). */
  state: RunState | undefined;
  start(job: ComposeJob): void;
  /** Closes the stream: main kills the compose CLI. */
  stop(): void;
}

/**
 * One compose job's streamed output. Unmounting (the dialog closed) closes the stream, which
 * kills the CLI: a job never outlives the place that shows it.
 */
export function useComposeRun(engineId: string): ComposeRun {
  const [state, dispatch] = useReducer(reduceRun, initialRun);
  const [started, setStarted] = useState(false);
  const stream = useRef<Stream<'compose.run'> | undefined>(undefined);
  useEffect(() => () => stream.current?.close(), []);
  const start = useCallback(
    (job: ComposeJob) => {
      stream.current?.close();
      setStarted(true);
      dispatch({ type: 'reset' });
      stream.current = subscribe(
        'compose.run',
        { engineId, job },
        (event) => dispatch({ type: 'event', event }),
        (error) => dispatch({ type: 'end', error }),
      );
    },
    [engineId],
  );
  const stop = useCallback(() => {
    stream.current?.close();
    stream.current = undefined;
    dispatch({ type: 'stopped' });
  }, []);
  return { state: started ? state : undefined, start, stop };
}
