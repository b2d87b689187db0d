import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { downloadName, fromBase64 } from './format';

/**
 * Downloads one file of a volume over the router's stream (works the same in Electron and web
 * mode): chunks are gathered into a Blob and handed to the browser through <a download>.
 */
export function useDownload(engineId: string, volume: string) {
  const showError = useShowError();
  const [active, setActive] = useState<{ path: string; bytes: number } | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const stop = useRef<(() => void) | undefined>(undefined);
  // Closing the dialog mid-download aborts it (main removes the helper container).
  useEffect(() => () => stop.current?.(), []);

  const download = useCallback(
    (path: string) => {
      stop.current?.();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      setSaved(undefined);
      setActive({ path, bytes });
      stop.current = subscribe(
        'volumes.download',
        { engineId, name: volume, path },
        (e) => {
          if (e.kind !== 'chunk') return;
          const part = fromBase64(e.data);
          parts.push(part);
          bytes += part.length;
          setActive({ path, bytes });
        },
        (error) => {
          stop.current = undefined;
          setActive(undefined);
          if (error) return showError(`Could not download /${path}`, error);
          const url = URL.createObjectURL(new Blob(parts, { type: 'application/octet-stream' }));
          const a = document.createElement('a');
          a.href = url;
          a.download = downloadName(path);
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          setSaved(`Downloaded /${path} (${bytes} bytes).`);
        },
      );
    },
    [engineId, volume, showError],
  );
  return { download, active, saved };
}
