import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { saveDownload } from '../../api/saveDownload';
import { perFrame } from '../../components/byteStreams';
import { sendUpload } from '../../components/upload';
import { useShowError } from '../../components/Toasts';

export interface ArchiveProgress {
  label: string;
  /** 0..1 when the total is known (loading a file). */
  fraction: number | undefined;
  bytes: number;
}

/** "busybox:latest" → "busybox_latest.tar" */
export function tarName(ref: string): string {
  return `${ref.replace(/[^A-Za-z0-9_.-]+/g, '_')}.tar`;
}

/**
 * Save to a .tar download and load from a picked .tar, both as byte streams over the router:
 * the save goes to the browser's downloads (saveDownload), the load's file is sent only as fast
 * as the engine takes it (sendUpload). Either can be cancelled.
 */
export function useArchive(engineId: string) {
  const showError = useShowError();
  const [progress, setProgress] = useState<ArchiveProgress | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  /** The transfer under way: cancelling closes its stream (main aborts the engine request). */
  const active = useRef<{ cancel(): void } | undefined>(undefined);
  useEffect(() => () => active.current?.cancel(), []);

  const begin = useCallback((label: string, fraction: number | undefined) => {
    active.current?.cancel();
    setMessage(undefined);
    setProgress({ label, fraction, bytes: 0 });
    return perFrame((p: ArchiveProgress) => setProgress(p));
  }, []);

  const save = useCallback(
    /** By repo:tag when there is one: a tar saved by id carries no tags to load back.
     * `ref` names the download: one image's reference, or "N images"; `on`: a row's engine. */
    (namesOrIds: string[], ref: string, on?: string) => {
      const label = `Saving ${ref}`;
      const show = begin(label, undefined);
      const finish = () => {
        show.cancel();
        active.current = undefined;
        setProgress(undefined);
      };
      // Web mode: a ticket, then the browser streams the body to disk itself (desktop: main's
      // save dialog, then main writes the file). Cancel works until the browser has it.
      const abort = new AbortController();
      const file = tarName(ref);
      saveDownload('images.save', { engineId: on ?? engineId, ids: namesOrIds }, file, {
        signal: abort.signal,
        onBytes: (bytes) => show({ label, fraction: undefined, bytes }),
      }).then(
        (saved) => {
          finish();
          setMessage(
            saved.to === 'file'
              ? `Saved ${ref} to ${saved.path}.`
              : saved.to === 'browser'
                ? `Saving ${ref} as ${file} in the browser's downloads.`
                : undefined,
          );
        },
        (error: unknown) => {
          finish();
          if (!abort.signal.aborted) showError(`Could not save ${ref}`, error);
        },
      );
      active.current = {
        cancel: () => {
          abort.abort();
          finish();
          setMessage(`Cancelled saving ${ref}.`);
        },
      };
    },
    [begin, engineId, showError],
  );

  const load = useCallback(
    (file: File) => {
      const label = `Loading ${file.name}`;
      const show = begin(label, 0);
      const run = sendUpload('images.load', { engineId }, [{ blob: file }], (bytes) =>
        show({ label, fraction: file.size ? bytes / file.size : 1, bytes }),
      );
      const finish = () => {
        show.cancel();
        active.current = undefined;
        setProgress(undefined);
      };
      run.done.then(
        (events) => {
          finish();
          const names = events.flatMap((e) => (e.kind === 'loaded' ? e.names : []));
          setMessage(`Loaded ${names.join(', ') || 'nothing'} from ${file.name}.`);
        },
        (error: unknown) => {
          finish();
          if (error instanceof ApiError && error.code === 'CANCELLED') return;
          showError(`Could not load ${file.name}`, error);
        },
      );
      active.current = {
        cancel: () => {
          run.cancel();
          finish();
          setMessage(`Cancelled loading ${file.name}.`);
        },
      };
    },
    [begin, engineId, showError],
  );

  const cancel = useCallback(() => active.current?.cancel(), []);

  return { progress, message, save, load, cancel, clearMessage: () => setMessage(undefined) };
}
