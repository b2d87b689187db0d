import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EngineInfo } from '../../../../contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useShowError } from '../../components/Toasts';
import { statusText } from '../../engine/format';
import { statusOf, useEngine } from '../../engine/EngineContext';
import { engineKeys } from '../../engine/queries';
import { useNow } from '../../engine/useEngineStatuses';
import { formatBytes } from '../../format/bytes';
import { EngineDialog } from './EngineDialog';
import { HostKeyNotice } from './HostKeyNotice';
import { kindName, privilege, SOURCES } from './format';
import '../volumes/resources.css';
import './engines.css';

type Open = { kind: 'add' } | { kind: 'edit' | 'remove'; engine: EngineInfo } | undefined;

/** Every engine: what it is, where it is, how it is doing; add, edit, remove, use, default. */
export function EnginesScreen() {
  const { engines, statuses, current, all, select } = useEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const now = useNow(true);
  const [open, setOpen] = useState<Open>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: engineKeys.list() });

  const setDefault = async (e: EngineInfo) => {
    try {
      await call('engines.setDefault', { engineId: e.id });
      await refresh();
    } catch (err) {
      showError(`Could not make ${e.name} the default`, err);
    }
  };
  const remove = async (e: EngineInfo) => {
    setOpen(undefined);
    try {
      await call('engines.remove', { engineId: e.id });
      await refresh();
    } catch (err) {
      showError(`Could not remove ${e.name}`, err);
    }
  };

  return (
    <main className="screen" aria-labelledby="engines-heading">
      <header className="screen-header">
        <h1 id="engines-heading">Engines</h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => setOpen({ kind: 'add' })}>
            Add engine
          </button>
        </div>
      </header>
      <table aria-label="Engines" className="resource-table engines-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Address</th>
            <th scope="col">Version / API</th>
            <th scope="col">OS / arch</th>
            <th scope="col">CPUs / memory</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {engines.map((e) => {
            const status = statusOf(e, statuses);
            const f = status.facts;
            const inUse = !all && current?.id === e.id;
            return (
              <tr key={e.id}>
                <th scope="row" className="name">
                  {e.name}
                  {e.isDefault && <span className="badge">default</span>}
                  <div className="small">{SOURCES[e.source]}</div>
                </th>
                <td>
                  {kindName(f, e.source)}
                  {privilege(f) && <div className="small">{privilege(f)}</div>}
                </td>
                <td className="mono small address">{e.endpoint}</td>
                <td>{f ? `${f.version} / ${f.apiVersion}` : '—'}</td>
                <td className="small">{f ? `${f.os} / ${f.arch}` : '—'}</td>
                <td>{f ? `${f.cpus} / ${formatBytes(f.memory)}` : '—'}</td>
                <td className="engine-state">
                  <span role="status" className={`engine-status engine-status--${status.state}`}>
                    <span className="dot" aria-hidden="true" />
                    {statusText(status, now, e.name)}
                  </span>
                  {status.state !== 'connected' && status.error && (
                    <p className="small engine-error">{status.error}</p>
                  )}
                  {status.hostKey && (
                    <HostKeyNotice problem={status.hostKey} onTrusted={() => undefined} />
                  )}
                </td>
                <td className="actions">
                  <div className="engine-actions">
                    {inUse ? (
                      <span className="small">In use</span>
                    ) : (
                      <button
                        type="button"
                        onClick={() => select(e.id)}
                        aria-label={`Use ${e.name}`}
                      >
                        Use
                      </button>
                    )}
                    {!e.isDefault && (
                      <button
                        type="button"
                        onClick={() => void setDefault(e)}
                        aria-label={`Make ${e.name} the default`}
                      >
                        Default
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => setOpen({ kind: 'edit', engine: e })}
                      aria-label={`Edit ${e.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => setOpen({ kind: 'remove', engine: e })}
                      aria-label={`Remove ${e.name}`}
                    >
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {engines.length === 0 && <p className="empty">No engines yet. Add one.</p>}
      {(open?.kind === 'add' || open?.kind === 'edit') && (
        <EngineDialog
          {...(open.kind === 'edit' ? { engine: open.engine } : {})}
          onClose={() => setOpen(undefined)}
        />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog
          verb="Remove"
          name={open.engine.name}
          onCancel={() => setOpen(undefined)}
          onConfirm={() => void remove(open.engine)}
        >
          <p>
            Porthole stops connecting to {open.engine.name}. Nothing on the engine changes
            {open.engine.source === 'added'
              ? '.'
              : '; it was found on this machine, so adding it again brings it back.'}
          </p>
        </ConfirmDialog>
      )}
    </main>
  );
}
