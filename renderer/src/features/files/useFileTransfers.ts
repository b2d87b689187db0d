import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { saveDownload } from '../../api/saveDownload';
import { useShowError } from '../../components/Toasts';
import { perFrame, totalBytes, type UploadFile } from '../../components/byteStreams';
import { sendUpload } from '../../components/upload';
import { formatBytes } from '../../format/bytes';
import { uploadWhat } from './pickedFiles';

export interface Transfer {
  label: string;
  bytes: number;
  total: number | undefined;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1) || 'root';

/**
 * Downloads (a file as itself, a folder as .tar: saveDownload, to the browser's downloads) and
 * uploads (files.upload: one request body in web mode, chunks with credit in Electron) for one
 * container. One transfer at a time;
 * leaving the tab cancels it.
 */
export function useFileTransfers(
  engineId: string,
  id: string,
  onUploaded: (folder: string) => void,
) {
  const showError = useShowError();
  const [active, setActive] = useState<Transfer | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  /** Stops the transfer under way; what it says is the message after a cancel. */
  const stop = useRef<(() => string | void) | undefined>(undefined);
  useEffect(
    () => () => {
      stop.current?.();
    },
    [],
  );

  const download = useCallback(
    (path: string, isDir: boolean) => {
      stop.current?.();
      const name = isDir ? `${baseName(path)}.tar` : baseName(path);
      const label = `Downloading ${path}`;
      const show = perFrame((bytes: number) => setActive({ label, bytes, total: undefined }));
      const abort = new AbortController();
      setMessage(undefined);
      setActive({ label, bytes: 0, total: undefined });
      const done = () => {
        stop.current = undefined;
        show.cancel();
        setActive(undefined);
      };
      saveDownload('files.download', { engineId, id, path }, name, {
        signal: abort.signal,
        onBytes: show,
      }).then(
        (saved) => {
          done();
          setMessage(
            saved.to === 'file'
              ? `Downloaded ${path} to ${saved.path} (${saved.bytes} bytes).`
              : saved.to === 'browser'
                ? `Downloading ${path} as ${name} in the browser's downloads.`
                : undefined,
          );
        },
        (error: unknown) => {
          done();
          if (!abort.signal.aborted) showError(`Could not download ${path}`, error);
        },
      );
      stop.current = () => {
        show.cancel();
        abort.abort();
      };
    },
    [engineId, id, showError],
  );

  const upload = useCallback(
    (folder: string, files: UploadFile[]) => {
      if (files.length === 0) return;
      stop.current?.();
      const total = totalBytes(files);
      const what = uploadWhat(files);
      const label = `Uploading ${what} to ${folder}`;
      const show = perFrame((bytes: number) => setActive({ label, bytes, total }));
      setMessage(undefined);
      setActive({ label, bytes: 0, total });
      const run = sendUpload('files.upload', { engineId, id, path: folder }, files, show);
      const done = () => {
        stop.current = undefined;
        show.cancel();
        setActive(undefined);
      };
      run.done.then(
        (events) => {
          done();
          const bytes = events.find((e) => e.kind === 'done')?.bytes ?? total;
          setMessage(`Uploaded ${what} to ${folder} (${formatBytes(bytes)}).`);
          onUploaded(folder);
        },
        (error: unknown) => {
          done();
          // Cancelled: the engine request was aborted; what it had unpacked is listed anew.
          if (!(error instanceof ApiError && error.code === 'CANCELLED')) {
            showError(`Could not upload ${what} to ${folder}`, error);
          }
          onUploaded(folder);
        },
      );
      stop.current = () => {
        run.cancel();
        show.cancel();
        return files.length === 1
          ? `Cancelled uploading ${what}: nothing of it is left in ${folder} (a stopped container keeps the part that was written).`
          : `Cancelled uploading ${what}: the files sent whole stay in ${folder}; the one under way is removed (a stopped container keeps its part).`;
      };
    },
    [engineId, id, onUploaded, showError],
  );

  const cancel = useCallback(() => {
    const note = stop.current?.();
    stop.current = undefined;
    setActive(undefined);
    setMessage(note || 'Cancelled.');
  }, []);
  return { active, message, setMessage, download, upload, cancel };
}
