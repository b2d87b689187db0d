import type { ReactNode } from 'react';
import { Dialog } from './Dialog';
import { PruneActions } from './PruneActions';

interface Props {
  /** "Prune unused volumes": the dialog's name. */
  title: string;
  onClose(): void;
  /** What the engine would remove, loaded before anything is removed. */
  preview: { isPending: boolean; error: Error | null };
  /** How many things the preview lists: with none, there is nothing to confirm. */
  count: number;
  /** Shown while the preview loads: "Finding unused volumes…". */
  pendingText: string;
  /** Before the preview's error message: "Could not list unused volumes". */
  errorText: string;
  /** Shown when the preview is empty. */
  emptyText: ReactNode;
  /** The non-empty preview: what goes, and what is lost with it. */
  children: ReactNode;
  /** Choices above the preview that change it (kept while it reloads). */
  options?: ReactNode;
  prune: { isPending: boolean; run(): void };
  /** What the prune removed and reclaimed: set once it ran, and then all the dialog shows. */
  report: ReactNode | undefined;
  /** The confirming button's text; "Prune" by default. */
  confirmLabel?: ReactNode;
}

/**
 * The one prune dialog: a preview of exactly what goes (a prune cannot be undone), then the
 * report of what went. The feature supplies the queries and the words; the states, roles and
 * buttons are the same everywhere.
 */
export function PruneDialog(p: Props) {
  const done = p.report !== undefined;
  return (
    <Dialog title={p.title} onCancel={p.onClose} wide>
      {done ? (
        <div role="status">{p.report}</div>
      ) : (
        <>
          {p.options}
          {p.preview.isPending ? (
            <p aria-live="polite">{p.pendingText}</p>
          ) : p.preview.error ? (
            <p role="alert">
              {p.errorText}: {p.preview.error.message}
            </p>
          ) : p.count === 0 ? (
            <p role="status">{p.emptyText}</p>
          ) : (
            p.children
          )}
        </>
      )}
      <PruneActions
        done={done}
        pending={p.prune.isPending}
        empty={p.count === 0}
        onClose={p.onClose}
        onConfirm={p.prune.run}
        label={p.confirmLabel}
      />
    </Dialog>
  );
}
