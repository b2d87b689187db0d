import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call } from '../../api/client';
import { perFrame, totalBytes, type UploadFile } from '../../components/byteStreams';
import { useShowError } from '../../components/Toasts';
import { sendUpload } from '../../components/upload';
import { formatBytes } from '../../format/bytes';
import { uploadWhat } from '../files/pickedFiles';
import { volumeKeys } from './queries';

/** "/logs" as the tree has it → "logs" as the calls take it (relative to the volume's root). */
const relative = (path: string) => path.replace(/^\/+/, '');

/**
 * Changes to a volume once the user allowed them: uploads (volumes.upload), New folder and
 * Delete, each through a short-lived read-write helper from `helperImage`. After each, the
 * folder it changed is read again.
 */
export function useVolumeChanges(engineId: string, volume: string, helperImage: string) {
  const qc = useQueryClient();
  const showError = useShowError();
  const [uploading, setUploading] = useState<{ label: string; bytes: number; total: number }>();
  const [message, setMessage] = useState<string | undefined>();
  const stop = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => stop.current?.(), []);

  const refresh = useCallback(
    (folder: string) =>
      void qc.invalidateQueries({
        queryKey: volumeKeys.files(engineId, volume, folder, helperImage),
      }),
    [qc, engineId, volume, helperImage],
  );

  const upload = useCallback(
    (folder: string, files: UploadFile[]) => {
      if (files.length === 0) return;
      stop.current?.();
      const total = totalBytes(files);
      const what = uploadWhat(files);
      const label = `Uploading ${what} to ${folder}`;
      const show = perFrame((bytes: number) => setUploading({ label, bytes, total }));
      setMessage(undefined);
      setUploading({ label, bytes: 0, total });
      const run = sendUpload(
        'volumes.upload',
        { engineId, name: volume, path: relative(folder), helperImage },
        files,
        show,
      );
      const done = () => {
        stop.current = undefined;
        show.cancel();
        setUploading(undefined);
        refresh(folder);
      };
      run.done.then(
        (events) => {
          done();
          const bytes = events.find((e) => e.kind === 'done')?.bytes ?? total;
          setMessage(`Uploaded ${what} to ${folder} (${formatBytes(bytes)}).`);
        },
        (error: unknown) => {
          done();
          if (!(error instanceof ApiError && error.code === 'CANCELLED')) {
            showError(`Could not upload ${what} to ${folder}`, error);
          }
        },
      );
      stop.current = () => {
        run.cancel();
        show.cancel();
      };
    },
    [engineId, volume, helperImage, refresh, showError],
  );

  const cancel = useCallback(() => {
    stop.current?.();
    stop.current = undefined;
    setUploading(undefined);
    setMessage('Upload cancelled: the files sent whole stay; the one under way is removed.');
  }, []);

  const mkdir = useCallback(
    (path: string) =>
      call('volumes.mkdir', { engineId, name: volume, path: relative(path), helperImage }),
    [engineId, volume, helperImage],
  );

  const remove = useCallback(
    (path: string, parent: string) =>
      call('volumes.removePath', {
        engineId,
        name: volume,
        path: relative(path),
        helperImage,
      }).then(
        () => {
          setMessage(`Deleted ${path}.`);
          refresh(parent);
        },
        (e: unknown) => showError(`Could not delete ${path}`, e),
      ),
    [engineId, volume, helperImage, refresh, showError],
  );

  return { uploading, message, setMessage, upload, cancel, mkdir, remove, refresh };
}
