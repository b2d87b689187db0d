import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { formatBytes, joinPath, parentPath } from './format';
import { Dialog } from '../../components/Dialog';
import { volumeQueries } from './queries';
import { useDownload } from './useDownload';

interface Props {
  engineId: string;
  volume: string;
  onClose(): void;
}

/** Read-only file browser: each folder is listed by a short-lived helper container. */
export function BrowseVolumeDialog({ engineId, volume, onClose }: Props) {
  const [path, setPath] = useState('');
  const listing = useQuery(volumeQueries.files(engineId, volume, path));
  const { download, active, saved } = useDownload(engineId, volume);
  const error = listing.error;
  return (
    <Dialog title={`Files in ${volume}`} onCancel={onClose} wide>
      <div className="browse-bar">
        <button type="button" disabled={!path} onClick={() => setPath(parentPath(path))}>
          Up
        </button>
        <span className="mono" aria-label="Folder">
          /{path}
        </span>
      </div>
      {listing.isPending ? (
        <p aria-live="polite">Reading /{path}…</p>
      ) : error ? (
        <div role="alert" className="inline-alert">
          <p>{error.message}</p>
          {error instanceof ApiError && error.hint && <p className="small">{error.hint}</p>}
        </div>
      ) : listing.data.entries.length === 0 ? (
        <p>This folder is empty.</p>
      ) : (
        <div className="scroll-box">
          <table aria-label={`Files in ${volume}`} className="resource-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Size</th>
                <th scope="col">Modified</th>
                <th scope="col">Mode</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {listing.data.entries.map((e) => (
                <tr key={e.name}>
                  <th scope="row" className="mono wrap-anywhere">
                    {e.kind === 'dir' ? `${e.name}/` : e.name}
                    {e.linkTarget && <span className="small"> → {e.linkTarget}</span>}
                  </th>
                  <td className="num">{e.kind === 'dir' ? '' : formatBytes(e.size)}</td>
                  <td>{e.modified}</td>
                  <td className="mono small">{e.mode}</td>
                  <td className="actions">
                    {e.kind === 'dir' ? (
                      <button
                        type="button"
                        aria-label={`Open ${e.name}`}
                        onClick={() => setPath(joinPath(path, e.name))}
                      >
                        Open
                      </button>
                    ) : e.kind === 'file' ? (
                      <button
                        type="button"
                        aria-label={`Download ${e.name}`}
                        disabled={!!active}
                        onClick={() => download(joinPath(path, e.name))}
                      >
                        Download
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small" role="status">
        {active
          ? `Downloading /${active.path}… ${formatBytes(active.bytes)}`
          : (saved ??
            (listing.data
              ? `Read-only, through a short-lived helper container from ${listing.data.helperImage}.`
              : ''))}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => void listing.refetch()}>
          Refresh
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
