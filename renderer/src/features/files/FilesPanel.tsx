import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FileTree, parentOf, type ChangeMark, type Selection } from '../../components/FileTree';
import { useShowError } from '../../components/Toasts';
import { formatBytes } from '../../format/bytes';
import { NewFolderDialog } from './NewFolderDialog';
import { fromDrop } from './pickedFiles';
import { PickFiles } from './PickFiles';
import { PreviewPane } from './PreviewPane';
import { fileKeys, fileQueries } from './queries';
import { useFileTransfers } from './useFileTransfers';
import './files.css';

interface Props {
  engineId: string;
  id: string;
  name: string;
  running: boolean;
}

const ROOT: Selection = { path: '/', kind: 'dir', entry: undefined };

/** The Files tab: the container's filesystem through the archive API (and exec when running). */
export function FilesPanel({ engineId, id, name, running }: Props) {
  const qc = useQueryClient();
  const showError = useShowError();
  const [selected, setSelected] = useState<Selection>(ROOT);
  const [dialog, setDialog] = useState<'new-folder' | 'delete' | undefined>();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const changes = useQuery(fileQueries.changes(engineId, id));
  const marks = useMemo(
    () => new Map<string, ChangeMark>((changes.data ?? []).map((c) => [c.path, c.kind])),
    [changes.data],
  );
  const folder = useCallback(
    (path: string) => fileQueries.folder(engineId, id, path),
    [engineId, id],
  );
  const refreshFolder = useCallback(
    (path: string) => {
      void qc.invalidateQueries({ queryKey: fileKeys.folder(engineId, id, path) });
      void qc.invalidateQueries({ queryKey: fileKeys.changes(engineId, id) });
    },
    [qc, engineId, id],
  );
  const transfers = useFileTransfers(engineId, id, refreshFolder);
  const target = selected.kind === 'dir' ? selected.path : parentOf(selected.path);
  const { active } = transfers;

  const remove = () => {
    const path = selected.path;
    setDialog(undefined);
    call('files.remove', { engineId, id, path }).then(
      () => {
        transfers.setMessage(`Deleted ${path}.`);
        setSelected(ROOT);
        refreshFolder(parentOf(path));
      },
      (e: unknown) => showError(`Could not delete ${path}`, e),
    );
  };

  return (
    <div className="files-panel">
      <div className="toolbar files-toolbar">
        <button
          type="button"
          onClick={() => void qc.invalidateQueries({ queryKey: fileKeys.all(engineId, id) })}
        >
          Refresh
        </button>
        <button type="button" disabled={!!active} onClick={() => filesInput.current?.click()}>
          Upload files
        </button>
        <button type="button" disabled={!!active} onClick={() => folderInput.current?.click()}>
          Upload folder
        </button>
        {running && (
          <button type="button" onClick={() => setDialog('new-folder')}>
            New folder
          </button>
        )}
        {(selected.kind === 'file' || selected.kind === 'dir') && (
          <button
            type="button"
            disabled={!!active}
            onClick={() => transfers.download(selected.path, selected.kind === 'dir')}
          >
            Download {selected.path}
          </button>
        )}
        {running && selected.path !== '/' && (
          <button type="button" className="danger" onClick={() => setDialog('delete')}>
            Delete {selected.path}
          </button>
        )}
        <PickFiles inputRef={filesInput} onPick={(f) => transfers.upload(target, f)} />
        <PickFiles folder inputRef={folderInput} onPick={(f) => transfers.upload(target, f)} />
      </div>
      <p className="small">
        Uploads go to <span className="mono">{target}</span>
        {running
          ? ''
          : ` — ${name} is not running: read from its archive; New folder and Delete need it running`}
        . Drop files on a folder to upload them there.
      </p>
      <div className="files-body">
        <FileTree
          label={`Files of ${name}`}
          folder={folder}
          selected={selected.path}
          onSelect={setSelected}
          marks={marks}
          onDrop={(dir, data) => {
            fromDrop(data).then(
              (files) => transfers.upload(dir, files),
              (e: unknown) => showError('Could not read the dropped files', e),
            );
          }}
        />
        {selected.kind === 'file' && selected.entry ? (
          <PreviewPane engineId={engineId} id={id} path={selected.path} entry={selected.entry} />
        ) : (
          <p className="small files-hint">Select a file to preview it.</p>
        )}
      </div>
      {active && (
        <div className="files-progress">
          <progress
            aria-label={active.label}
            max={active.total || undefined}
            value={active.total ? active.bytes : undefined}
          />
          <button type="button" onClick={transfers.cancel}>
            Cancel transfer
          </button>
        </div>
      )}
      <p role="status" className="small">
        {active
          ? `${active.label}… ${formatBytes(active.bytes)}${active.total ? ` of ${formatBytes(active.total)}` : ''}`
          : (transfers.message ?? '')}
      </p>
      {changes.data && (
        <p className="small">
          Changed since the image: {changes.data.length} paths (
          {['added', 'modified', 'deleted']
            .map((k) => `${changes.data.filter((c) => c.kind === k).length} ${k}`)
            .join(', ')}
          ).
        </p>
      )}
      {dialog === 'new-folder' && (
        <NewFolderDialog
          parent={target}
          create={(path) => call('files.mkdir', { engineId, id, path })}
          onClose={(created) => {
            setDialog(undefined);
            if (created) {
              transfers.setMessage(`Created ${created}.`);
              refreshFolder(target);
            }
          }}
        />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog
          verb="Delete"
          name={selected.path}
          onCancel={() => setDialog(undefined)}
          onConfirm={remove}
        >
          <p>
            <span className="mono">{selected.path}</span>
            {selected.kind === 'dir' ? ' and everything in it' : ''} will be deleted from {name} and
            lost: it cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
