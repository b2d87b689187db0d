import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { FileTree, parentOf, type Selection } from '../../components/FileTree';
import { formatBytes } from '../../format/bytes';
import { NewFolderDialog } from '../files/NewFolderDialog';
import { PickFiles } from '../files/PickFiles';
import { imageQueries } from '../images/queries';
import { volumeKeys, volumeQueries } from './queries';
import { useDownload } from './useDownload';
import { useVolumeChanges } from './useVolumeChanges';

interface Props {
  engineId: string;
  volume: string;
  onClose(): void;
}

/**
 * File browser on the same tree as a container's Files tab. Each folder is read by a
 * short-lived helper container from the image the user chooses here (remembered per engine by
 * main); the helper and its anonymous volumes are removed right after. Read-only unless the
 * user ticks "Allow changes": then Upload files, New folder and Delete go through a helper
 * with the volume mounted read-write (and the dialog says so).
 */
export function BrowseVolumeDialog({ engineId, volume, onClose }: Props) {
  const qc = useQueryClient();
  const remembered = useQuery(volumeQueries.helper(engineId));
  const images = useQuery(imageQueries.list(engineId));
  const [chosen, setChosen] = useState<string | undefined>();
  const helper = chosen ?? remembered.data?.image ?? '';
  const [selected, setSelected] = useState<Selection | undefined>();
  const { download, cancel, active, saved } = useDownload(engineId, volume, helper);
  const [writable, setWritable] = useState(false);
  const [dialog, setDialog] = useState<'new-folder' | 'delete' | undefined>();
  const changes = useVolumeChanges(engineId, volume, helper);
  const filesInput = useRef<HTMLInputElement>(null);
  const modeId = useId();
  const canChange = writable && !!helper;
  const target = !selected
    ? '/'
    : selected.kind === 'dir'
      ? selected.path
      : parentOf(selected.path);
  const busy = !!active || !!changes.uploading;
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
        hint={
          writable
            ? 'Any local image with a shell: the helper runs from it; the image itself is not changed.'
            : 'Any local image: it is only used to read the volume, read-only, and is not changed.'
        }
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
      <label className="check">
        <input
          type="checkbox"
          checked={writable}
          disabled={!helper}
          aria-describedby={modeId}
          onChange={(e) => {
            setWritable(e.target.checked);
            changes.setMessage(undefined);
          }}
        />
        Allow changes
      </label>
      <p id={modeId} className="small">
        {writable
          ? `Upload files, New folder and Delete each run a short-lived helper container from ${helper || 'the helper image'} with ${volume} mounted read-write; it is removed right after. The image needs a shell and its tools (mkdir, rm).`
          : `Read-only: the helper container mounts ${volume} read-only. Tick “Allow changes” to upload, create folders or delete.`}
      </p>
      {canChange && (
        <div className="toolbar files-toolbar">
          <button type="button" disabled={busy} onClick={() => filesInput.current?.click()}>
            Upload files
          </button>
          <button type="button" disabled={busy} onClick={() => setDialog('new-folder')}>
            New folder
          </button>
          {selected && selected.path !== '/' && (
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => setDialog('delete')}
            >
              Delete {selected.path}
            </button>
          )}
          <PickFiles inputRef={filesInput} onPick={(f) => changes.upload(target, f)} />
          <span className="small">
            Uploads and new folders go to <span className="mono">{target}</span>.
          </span>
        </div>
      )}
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
          : changes.uploading
            ? `${changes.uploading.label}… ${formatBytes(changes.uploading.bytes)} of ${formatBytes(changes.uploading.total)}`
            : (changes.message ??
              saved ??
              (helper
                ? canChange
                  ? `Changes allowed, through a short-lived helper container from ${helper}.`
                  : `Read-only, through a short-lived helper container from ${helper}.`
                : ''))}
      </p>
      <div className="dialog-actions">
        {active && (
          <button type="button" onClick={cancel}>
            Cancel download
          </button>
        )}
        {changes.uploading && (
          <button type="button" onClick={changes.cancel}>
            Cancel upload
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
      {canChange && dialog === 'new-folder' && (
        <NewFolderDialog
          parent={target}
          create={changes.mkdir}
          onClose={(created) => {
            setDialog(undefined);
            if (created) {
              changes.setMessage(`Created ${created}.`);
              changes.refresh(target);
            }
          }}
        />
      )}
      {canChange && dialog === 'delete' && selected && (
        <ConfirmDialog
          verb="Delete"
          name={selected.path}
          onCancel={() => setDialog(undefined)}
          onConfirm={() => {
            setDialog(undefined);
            const path = selected.path;
            setSelected(undefined);
            void changes.remove(path, parentOf(path));
          }}
        >
          <p>
            <span className="mono">{selected.path}</span>
            {selected.kind === 'dir' ? ' and everything in it' : ''} will be deleted from the volume{' '}
            {volume} and lost: it cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </Dialog>
  );
}
