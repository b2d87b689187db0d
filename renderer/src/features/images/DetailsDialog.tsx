import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { shortId } from './format';
import { imageQueries } from './queries';
import { Dialog } from '../../components/Dialog';
import { formatBytes } from '../../format/bytes';
import { LayerExplorer } from './LayerExplorer';

const list = (xs: string[]) => (xs.length ? xs.join(' ') : '—');

/** Inspect: the useful parts of the config, the layers (history), and the raw JSON. */
export function DetailsDialog(props: {
  engineId: string;
  id: string;
  name: string;
  onClose(): void;
}) {
  const { engineId, id, name, onClose } = props;
  const detail = useQuery(imageQueries.detail(engineId, id));
  const history = useQuery(imageQueries.history(engineId, id));
  const [raw, setRaw] = useState(false);
  const d = detail.data;
  return (
    <Dialog title={`Image ${name}`} onCancel={onClose} wide>
      {detail.error && <p role="alert">Could not inspect: {detail.error.message}</p>}
      {d && (
        <dl className="facts">
          <dt>Id</dt>
          <dd className="mono">{d.id}</dd>
          <dt>Tags</dt>
          <dd className="mono">
            {d.repoTags.length ? d.repoTags.map((t) => <div key={t}>{t}</div>) : '—'}
          </dd>
          <dt>OS / architecture</dt>
          <dd>
            {d.os}/{d.architecture}
          </dd>
          <dt>Size</dt>
          <dd>{formatBytes(d.size)}</dd>
          <dt>Entrypoint</dt>
          <dd className="mono">{list(d.entrypoint)}</dd>
          <dt>Command</dt>
          <dd className="mono">{list(d.cmd)}</dd>
          <dt>Working directory</dt>
          <dd className="mono">{d.workingDir || '—'}</dd>
          <dt>User</dt>
          <dd className="mono">{d.user || '—'}</dd>
          <dt>Exposed ports</dt>
          <dd className="mono">{list(d.exposedPorts)}</dd>
          <dt>Environment</dt>
          <dd className="mono">{d.env.length ? d.env.map((e) => <div key={e}>{e}</div>) : '—'}</dd>
          <dt>Labels</dt>
          <dd className="mono">
            {Object.keys(d.labels).length
              ? Object.entries(d.labels).map(([k, v]) => <div key={k}>{`${k}=${v}`}</div>)
              : '—'}
          </dd>
        </dl>
      )}
      <h3>Layers</h3>
      {history.error && <p role="alert">Could not read the history: {history.error.message}</p>}
      {history.data && (
        <table className="resource-table" aria-label={`Layers of ${name}`}>
          <thead>
            <tr>
              <th scope="col">Created by</th>
              <th scope="col">Size</th>
              <th scope="col">Id</th>
            </tr>
          </thead>
          <tbody>
            {history.data.map((l, i) => (
              <tr key={`${l.id}-${i}`}>
                <th scope="row" className="mono small layer-cmd">
                  {l.createdBy || l.comment || '—'}
                </th>
                <td>{formatBytes(l.size)}</td>
                <td className="mono">{l.id === '<missing>' ? '—' : shortId(l.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LayerExplorer engineId={engineId} id={id} name={name} />
      <label className="check">
        <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} />
        Show raw JSON
      </label>
      {raw && d && (
        <pre className="raw-json" aria-label={`Raw JSON of ${name}`} tabIndex={0}>
          {JSON.stringify(d.raw, null, 2)}
        </pre>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
