import { useEffect, useRef, type ReactNode } from 'react';
import { useSettings } from '../features/settings/queries';
import { Dialog } from './Dialog';

interface Props {
  /** What the confirming button does: "Remove", "Log out". */
  verb: string;
  /** What it is done to, as the row names it: "web-1", "nginx:1.27". */
  name: string;
  /** The heading's words before the name when they differ from the verb: "Log out of". */
  headingVerb?: string;
  /** What is lost, and anything that will stop it: the dialog's body. */
  children: ReactNode;
  onConfirm(): void;
  onCancel(): void;
  /** The action is running or cannot run: the confirming button is disabled. */
  disabled?: boolean;
  /** The action loses nothing ("Start 3 containers?"): the confirming button is the primary one. */
  harmless?: boolean;
  className?: string;
}

/**
 * The one confirmation of a destructive action (UI-CONVENTIONS.md): heading "VERB NAME?", a body
 * that names what is lost, "Cancel" and a danger button that repeats the verb. Escape cancels and
 * focus returns to the opener (both from Dialog). With Settings → "Confirm before removing" off,
 * a "Remove" confirms itself at once (with the dialog's defaults) and shows nothing.
 */
export function ConfirmDialog({
  verb,
  name,
  headingVerb,
  children,
  onConfirm,
  onCancel,
  disabled,
  harmless,
  className,
}: Props) {
  const { confirmRemove, loaded } = useSettings();
  const skip = verb === 'Remove' && loaded && !confirmRemove;
  const confirmed = useRef(false);
  useEffect(() => {
    if (!skip || confirmed.current) return;
    confirmed.current = true;
    onConfirm();
  }, [skip, onConfirm]);
  if (skip) return null;
  return (
    <Dialog title={`${headingVerb ?? verb} ${name}?`} onCancel={onCancel} className={className}>
      {children}
      <div className="dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className={harmless ? 'primary' : 'danger'}
          disabled={disabled}
          onClick={onConfirm}
        >
          {verb}
        </button>
      </div>
    </Dialog>
  );
}
