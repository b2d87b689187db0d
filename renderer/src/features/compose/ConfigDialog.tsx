import { useQuery } from '@tanstack/react-query';
import { Dialog } from '../../components/Dialog';
import { composeQueries } from './queries';

/** The project as compose resolves it (`config`): interpolated, merged, defaults filled in. */
export function ConfigDialog({
  engineId,
  project,
  onClose,
}: {
  engineId: string;
  project: string;
  onClose(): void;
}) {
  const config = useQuery(composeQueries.config(engineId, project));
  return (
    <Dialog title={`Config of ${project}`} onCancel={onClose} wide>
      {config.isPending && <p aria-live="polite">Resolving…</p>}
      {config.error && <p role="alert">Could not resolve it: {config.error.message}</p>}
      {config.data && (
        <pre
          className="compose-config mono"
          aria-label={`Resolved config of ${project}`}
          tabIndex={0}
        >
          {config.data.text}
        </pre>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
