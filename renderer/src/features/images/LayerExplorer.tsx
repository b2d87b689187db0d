import { useState } from 'react';
import type { LayerReport, LayerTotals } from '../../../../contract';
import { formatBytes } from '../../format/bytes';
import { LayerTree } from './LayerTree';
import { useLayerExplorer } from './useLayerExplorer';
import './layers.css';

const exact = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <figure className="layer-figure">
      <figcaption>{label}</figcaption>
      <strong>{value}</strong>
      {detail && <span className="small">{detail}</span>}
    </figure>
  );
}

/**
 * The layer explorer (Inspect → Layers): on request, main reads the image's `docker save` once,
 * headers only, and reports per layer the command, size, files added / changed / removed and
 * the bytes later layers waste; totals, dive's efficiency, the largest files.
 */
export function LayerExplorer({
  engineId,
  id,
  name,
}: {
  engineId: string;
  id: string;
  name: string;
}) {
  const { state, start, cancel } = useLayerExplorer(engineId, id);
  const label = `Reading layers of ${name}`;
  return (
    <section className="layer-explorer" aria-labelledby="layer-explorer-heading">
      <h3 id="layer-explorer-heading">Layer explorer</h3>
      {(state.phase === 'idle' || state.phase === 'cancelled') && (
        <div className="layer-explorer-start">
          <p className="small">
            Reads the whole image once (as <code>docker save</code> does; file contents are skipped)
            to show what each layer adds, changes and removes, and the space wasted.
          </p>
          <button type="button" onClick={start}>
            Explore layers of {name}
          </button>
          {state.phase === 'cancelled' && <p role="status">Cancelled.</p>}
        </div>
      )}
      {state.phase === 'running' && (
        <div className="transfer-head">
          <progress
            aria-label={label}
            max={state.total || 1}
            {...(state.total ? { value: Math.min(state.bytes, state.total) } : {})}
          />
          <span className="small">
            {formatBytes(state.bytes)}
            {state.total ? ` of about ${formatBytes(state.total)}` : ''} read
          </span>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {state.phase === 'failed' && (
        <div role="alert" className="transfer-error">
          <strong>Could not read the layers of {name}</strong>
          <p>{state.error.message}</p>
          {state.error.hint && <p className="hint">{state.error.hint}</p>}
          <button type="button" onClick={start}>
            Retry
          </button>
        </div>
      )}
      {state.phase === 'done' && <Report layers={state.layers} totals={state.totals} />}
    </section>
  );
}

function Report({ layers, totals }: { layers: LayerReport[]; totals: LayerTotals }) {
  const [shown, setShown] = useState(layers.length);
  const layer = layers.find((l) => l.index === shown);
  return (
    <>
      <div className="layer-figures">
        <Figure label="Layers" value={String(totals.layers)} />
        <Figure label="Total size" value={formatBytes(totals.size)} detail={exact(totals.size)} />
        <Figure label="Files" value={totals.files.toLocaleString('en-US')} />
        <Figure
          label="Wasted space"
          value={formatBytes(totals.wasted)}
          detail={exact(totals.wasted)}
        />
        <Figure label="Efficiency" value={`${(totals.efficiency * 100).toFixed(2)} %`} />
      </div>
      <table className="resource-table layer-table" aria-label="Layers">
        <colgroup>
          <col className="layer-col-n" />
          <col />
          {[1, 2, 3, 4, 5].map((i) => (
            <col key={i} className="layer-col-num" />
          ))}
          <col className="layer-col-files" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Command</th>
            <th scope="col">Size</th>
            <th scope="col">Added</th>
            <th scope="col">Changed</th>
            <th scope="col">Removed</th>
            <th scope="col" title="Bytes of this layer that later layers overwrite or remove">
              Wasted
            </th>
            <th scope="col">
              <span className="visually-hidden">Files</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {layers.map((l) => (
            <tr key={l.index} className={l.index === shown ? 'layer-row--shown' : undefined}>
              <td>{l.index}</td>
              <th scope="row" className="mono small layer-cmd" title={l.command}>
                {l.command || '—'}
              </th>
              <td title={exact(l.size)}>{formatBytes(l.size)}</td>
              <td>{l.added}</td>
              <td>{l.changed}</td>
              <td>{l.removed}</td>
              <td>{l.wasted ? formatBytes(l.wasted) : '—'}</td>
              <td>
                <button
                  type="button"
                  className="small-button"
                  aria-pressed={l.index === shown}
                  aria-label={`Files of layer ${l.index}`}
                  onClick={() => setShown(l.index)}
                >
                  Files
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {layer && (
        <div className="layer-files">
          <h4>
            Layer {layer.index}: <span className="mono small">{layer.command || '—'}</span>
          </h4>
          {layer.tree.length ? (
            <LayerTree label={`Files of layer ${layer.index}`} files={layer.tree} />
          ) : (
            <p className="small">This layer changes no files.</p>
          )}
          {layer.more > 0 && (
            <p className="small">
              …and {layer.more.toLocaleString('en-US')} more (the {layer.tree.length} largest are
              listed).
            </p>
          )}
        </div>
      )}
      <div className="layer-lists">
        <table className="resource-table" aria-label="Largest files">
          <caption>Largest files</caption>
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Size</th>
              <th scope="col">Layer</th>
            </tr>
          </thead>
          <tbody>
            {totals.largest.map((f) => (
              <tr key={f.path}>
                <th scope="row" className="mono small">
                  {f.path}
                </th>
                <td>{formatBytes(f.size)}</td>
                <td>{f.layer}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="resource-table" aria-label="Wasted files">
          <caption>Wasted files</caption>
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Wasted</th>
              <th scope="col">Copies</th>
            </tr>
          </thead>
          <tbody>
            {totals.wastedFiles.length === 0 && (
              <tr>
                <td colSpan={3} className="small">
                  Nothing: no file is overwritten or removed by a later layer.
                </td>
              </tr>
            )}
            {totals.wastedFiles.map((f) => (
              <tr key={f.path}>
                <th scope="row" className="mono small">
                  {f.path}
                </th>
                <td>{formatBytes(f.wasted)}</td>
                <td>{f.copies}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
