import { useCallback, useState } from 'react';
import { SAVE_CHUNK_BYTES } from '../../../../contract';
import { call, subscribe } from '../../api/client';
import { useShowError } from '../../components/Toasts';
import { fromBase64, toBase64 } from './build';

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

/** Save to a .tar download and load from a picked .tar, both in chunks over the router. */
export function useArchive(engineId: string) {
  const showError = useShowError();
  const [progress, setProgress] = useState<ArchiveProgress | undefined>();
  const [message, setMessage] = useState<string | undefined>();

  const save = useCallback(
    /** By repo:tag when there is one: a tar saved by id carries no tags to load back.
     * `ref` names the download: one image's reference, or "N images". */
    (namesOrIds: string[], ref: string) => {
      const label = `Saving ${ref}`;
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let bytes = 0;
      setMessage(undefined);
      setProgress({ label, fraction: undefined, bytes });
      subscribe(
        'images.save',
        { engineId, ids: namesOrIds },
        (e) => {
          if (e.kind !== 'chunk') return;
          const part = fromBase64(e.data);
          parts.push(part);
          bytes += part.length;
          setProgress({ label, fraction: undefined, bytes });
        },
        (error) => {
          setProgress(undefined);
          if (error) return showError(`Could not save ${ref}`, error);
          const url = URL.createObjectURL(new Blob(parts, { type: 'application/x-tar' }));
          const a = document.createElement('a');
          a.href = url;
          a.download = tarName(ref);
          a.click();
          setTimeout(() => URL.revokeObjectURL(url), 10_000);
          setMessage(`Saved ${ref} to ${tarName(ref)}.`);
        },
      );
    },
    [engineId, showError],
  );

  const load = useCallback(
    async (file: File) => {
      const label = `Loading ${file.name}`;
      setMessage(undefined);
      setProgress({ label, fraction: 0, bytes: 0 });
      let uploadId: string | undefined;
      try {
        uploadId = (await call('images.load.begin', { engineId })).uploadId;
        // One chunk in flight at a time: the next is read only once main wrote the last one.
        for (let offset = 0; offset < file.size; offset += SAVE_CHUNK_BYTES) {
          const slice = file.slice(offset, offset + SAVE_CHUNK_BYTES);
          const data = toBase64(new Uint8Array(await slice.arrayBuffer()));
          await call('images.load.chunk', { engineId, uploadId, data });
          const done = Math.min(file.size, offset + SAVE_CHUNK_BYTES);
          setProgress({ label, fraction: done / file.size, bytes: done });
        }
        const { loaded } = await call('images.load.end', { engineId, uploadId });
        setMessage(`Loaded ${loaded.join(', ') || 'nothing'} from ${file.name}.`);
      } catch (err) {
        if (uploadId)
          void call('images.load.end', { engineId, uploadId, cancel: true }).catch(() => {});
        showError(`Could not load ${file.name}`, err);
      } finally {
        setProgress(undefined);
      }
    },
    [engineId, showError],
  );

  return { progress, message, save, load, clearMessage: () => setMessage(undefined) };
}
