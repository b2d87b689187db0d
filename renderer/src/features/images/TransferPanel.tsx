import type { TransferState } from './transfer';
import { overallProgress, transferLabel } from './transfer';
import { registryOf } from '../../../../contract';
import { loginHref } from '../registries/format';
import { formatBytes } from './format';
import type { ArchiveProgress } from './useArchive';

interface Props {
  state: TransferState;
  onCancel(): void;
  onDismiss(): void;
  onRetry(): void;
}

/** A pull's or push's progress: an overall bar, one bar per layer, and how it ended. */
export function TransferPanel({ state, onCancel, onDismiss, onRetry }: Props) {
  const label = transferLabel(state.verb, state.ref);
  const overall = overallProgress(state.layers);
  const running = state.phase === 'running';
  const value = state.phase === 'done' ? 100 : overall === undefined ? undefined : overall * 100;
  return (
    <section className="transfer" aria-label={label}>
      <div className="transfer-head">
        <strong>{label}</strong>
        {(running || state.phase === 'done') && (
          <progress
            aria-label={label}
            max={100}
            {...(value === undefined ? {} : { value: Math.round(value) })}
          />
        )}
        {running ? (
          <button type="button" onClick={onCancel}>
            Cancel {state.verb.toLowerCase()} of {state.ref}
          </button>
        ) : (
          <>
            {(state.phase === 'failed' || state.phase === 'cancelled') && (
              <button
                type="button"
                onClick={onRetry}
                aria-label={`Retry ${state.verb.toLowerCase()} of ${state.ref}`}
              >
                Retry
              </button>
            )}
            <button type="button" onClick={onDismiss} aria-label={`Dismiss ${label}`}>
              Dismiss
            </button>
          </>
        )}
      </div>
      {state.phase === 'done' && (
        <p role="status">
          {state.verb === 'Pull' ? 'Pulled' : 'Pushed'} {state.ref}.
        </p>
      )}
      {state.phase === 'cancelled' && <p role="status">Cancelled.</p>}
      {state.phase === 'failed' && state.error && (
        <div role="alert" className="transfer-error">
          <strong>
            Could not {state.verb.toLowerCase()} {state.ref}
          </strong>
          <p>{state.error.message}</p>
          {state.error.hint && <p className="hint">{state.error.hint}</p>}
          {state.error.code === 'AUTH_REQUIRED' && (
            <a href={loginHref(registryOf(state.ref))}>Log in</a>
          )}
        </div>
      )}
      {state.layers.length > 0 && (
        <ul className="layers" aria-label={`Layers of ${state.ref}`}>
          {state.layers.map((l) => (
            <li key={l.id}>
              <span className="mono">{l.id}</span>
              <span>{l.status}</span>
              <progress
                aria-label={`Layer ${l.id} of ${state.ref}`}
                max={l.total ?? 100}
                {...(l.total ? { value: Math.min(l.current ?? 0, l.total) } : {})}
              />
              <span className="small">
                {l.total ? `${formatBytes(l.current ?? 0)} / ${formatBytes(l.total)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {state.messages.length > 0 && (
        <pre className="transfer-messages">{state.messages.slice(-4).join('\n')}</pre>
      )}
    </section>
  );
}

interface ArchiveProps {
  progress: ArchiveProgress;
  onCancel(): void;
}

/** A save's or load's progress: a bar (with a value when the total is known), bytes, Cancel. */
export function ArchivePanel({ progress, onCancel }: ArchiveProps) {
  const { label, fraction, bytes } = progress;
  return (
    <section className="transfer" aria-label={label}>
      <div className="transfer-head">
        <strong>{label}</strong>
        <progress
          aria-label={label}
          max={100}
          {...(fraction === undefined ? {} : { value: Math.round(fraction * 100) })}
        />
        <span className="small">{formatBytes(bytes)}</span>
        <button type="button" onClick={onCancel}>
          Cancel {label.replace(/^\w+/, (verb) => verb.toLowerCase())}
        </button>
      </div>
    </section>
  );
}
