import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from '../../api/client';
import { reduceTransfer, startTransfer, type TransferState, type TransferVerb } from './transfer';

/**
 * One pull or push at a time per panel. Progress stays out of the query cache (it is high-rate
 * and nobody else needs it); unsubscribing aborts the engine request.
 */
export function useTransfer(engineId: string) {
  const [state, setState] = useState<TransferState | undefined>();
  const stop = useRef<(() => void) | undefined>(undefined);
  const waiters = useRef<((ok: boolean) => void)[]>([]);

  useEffect(() => () => stop.current?.(), []);

  const settle = (ok: boolean) => {
    waiters.current.splice(0).forEach((w) => w(ok));
  };

  /** Starts a transfer (on `on`, a row's engine, when given); resolves true when it completed. */
  const start = useCallback(
    (verb: TransferVerb, ref: string, on?: string): Promise<boolean> => {
      stop.current?.();
      settle(false);
      setState(startTransfer(verb, ref, on));
      const done = new Promise<boolean>((resolve) => waiters.current.push(resolve));
      const name = verb === 'Pull' ? 'images.pull' : 'images.push';
      const stream = subscribe(
        name,
        { engineId: on ?? engineId, ref },
        (event) => setState((s) => s && reduceTransfer(s, { event })),
        (error) => {
          stop.current = undefined;
          setState((s) => s && reduceTransfer(s, { end: error }));
          settle(!error);
        },
      );
      stop.current = () => stream.close();
      return done;
    },
    [engineId],
  );

  const cancel = useCallback(() => {
    stop.current?.();
    stop.current = undefined;
    setState((s) => s && reduceTransfer(s, { cancel: true }));
    settle(false);
  }, []);

  const dismiss = useCallback(() => setState(undefined), []);

  /** The same transfer again, on the same engine: after a failure or a cancel. */
  const retry = useCallback(() => {
    if (state && state.phase !== 'running') void start(state.verb, state.ref, state.on);
  }, [state, start]);

  return { state, start, cancel, dismiss, retry };
}
