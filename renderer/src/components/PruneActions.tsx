import type { ReactNode } from 'react';

interface Props {
  /** The prune ran: only "Close" is left. */
  done: boolean;
  pending: boolean;
  /** Nothing to prune. */
  empty: boolean;
  onClose(): void;
  onConfirm(): void;
  /** The confirming button's text; "Prune" (or "Pruning…") by default. */
  label?: ReactNode;
}

/** The footer of every prune dialog: Cancel/Close, and the destructive confirm until it ran. */
export function PruneActions({ done, pending, empty, onClose, onConfirm, label }: Props) {
  return (
    <div className="dialog-actions">
      <button type="button" onClick={onClose}>
        {done ? 'Close' : 'Cancel'}
      </button>
      {!done && (
        <button type="button" className="danger" disabled={pending || empty} onClick={onConfirm}>
          {label ?? (pending ? 'Pruning…' : 'Prune')}
        </button>
      )}
    </div>
  );
}
