import { useCallback, useEffect, useRef, useState } from 'react';
import { saveDownload } from '../../api/saveDownload';
import { useShowError } from '../../components/Toasts';
import { perFrame } from '../../components/byteStreams';
import { downloadName } from './format';

/**
 * Downloads one file of a volume: the router's `volumes.download` stream served as one
 * response body that the browser saves (saveDownload: to disk directly in web mode, through a
 * Blob in Electron). Cancelling before the browser has it aborts it; main then removes the
 * helper container.
 */
export function useDownload(engineId: string, volume: string, helperImage: string) {
  const showError = useShowError();
  const [active, setActive] = useState<{ path: string; bytes: number } | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const stop = useRef<(() => void) | undefined>(undefined);
  // Closing the dialog mid-download aborts it.
  useEffect(() => () => stop.current?.(), []);

  const download = useCallback(
    (path: string) => {
      stop.current?.();
      const show = perFrame((bytes: number) => setActive({ path, bytes }));
      const abort = new AbortController();
      setSaved(undefined);
      setActive({ path, bytes: 0 });
      const done = () => {
        stop.current = undefined;
        show.cancel();
        setActive(undefined);
      };
      saveDownload(
        'volumes.download',
        { engineId, name: volume, path, helperImage },
        downloadName(path),
        { signal: abort.signal, onBytes: show },
      ).then(
        (saved) => {
          done();
          setSaved(
            saved.to === 'file'
              ? `Downloaded /${path} to ${saved.path} (${saved.bytes} bytes).`
              : saved.to === 'browser'
                ? `Downloading /${path} in the browser's downloads.`
                : undefined,
          );
        },
        (error: unknown) => {
          done();
          if (!abort.signal.aborted) showError(`Could not download /${path}`, error);
        },
      );
      stop.current = () => {
        show.cancel();
        abort.abort();
      };
    },
    [engineId, volume, helperImage, showError],
  );
  const cancel = useCallback(() => {
    stop.current?.();
    stop.current = undefined;
    setActive(undefined);
  }, []);
  return { download, cancel, active, saved };
}
