import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FileTree, type Selection } from '../../components/FileTree';
import { formatBytes } from '../../format/bytes';
import { imageQueries } from '../images/queries';
import { volumeKeys, volumeQueries } from './queries';
import { useDownload } from './useDownload';

interface Props {
  engineId: string;
  volume: string;
  onClose(): void;
}

/**
 * Read-only file browser on the same tree as a container's Files tab. Each folder is read by a
 * short-lived helper container from the image the user chooses here (remembered per engine by
 * main); the helper and its anonymous volumes are removed right after.
 */
export function BrowseVolumeDialog({ engineId, volume, onClose }: Props) {
  const qc = useQueryClient();
  const remembered = useQuery(volumeQueries.helper(engineId));
  const images = useQuery(imageQueries.list(engineId));
  const [chosen, setChosen] = useState<string | undefined>();
  const helper = chosen ?? remembered.data?.image ?? '';
  const [selected, setSelected] = useState<Selection | undefined>();
  const { download, cancel, active, saved } = useDownload(engineId, volume, helper);
  const folder = useCallback(
    (path: string) => volumeQueries.files(engineId, volume, path, helper),
    [engineId, volume, helper],
  );
  const tags = (images.data ?? [])
    .map((i) => i.repoTag ?? i.id)
    .sort(
      (a, b) =>
        Number(a.startsWith('sha256:')) - Number(b.startsWith('sha256:')) || a.localeCompare(b),
    );
  const file = selected?.kind === 'file' ? selected.path : undefined;
  return (
    <Dialog title={`Files in ${volume}`} onCancel={onClose} wide>
      <Field
        label="Helper image"
        hint="Any local image: it is only used to read the volume, read-only, and is not changed."
      >
        {(p) => (
          <select {...p} value={helper} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose an image…</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        )}
      </Field>
      {helper ? (
        <FileTree
          key={helper}
          label={`Files of ${volume}`}
          folder={folder}
          selected={selected?.path}
          onSelect={setSelected}
        />
      ) : (
        <p className="empty">
          {remembered.isPending ? 'Loading…' : 'Choose a helper image to read this volume.'}
        </p>
      )}
      <p className="small" role="status">
        {active
          ? `Downloading ${active.path}… ${formatBytes(active.bytes)}`
          : (saved ??
            (helper ? `Read-only, through a short-lived helper container from ${helper}.` : ''))}
      </p>
      <div className="dialog-actions">
        {active && (
          <button type="button" onClick={cancel}>
            Cancel download
          </button>
        )}
        {file && (
          <button type="button" disabled={!!active} onClick={() => download(file.slice(1))}>
            Download {file}
          </button>
        )}
        <button
          type="button"
          disabled={!helper}
          onClick={() =>
            void qc.invalidateQueries({
              queryKey: volumeKeys.files(engineId, volume, '').slice(0, 3),
            })
          }
        >
          Refresh
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
