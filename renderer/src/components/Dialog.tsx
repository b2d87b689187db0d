import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onCancel(): void;
  children: ReactNode;
  /** Room for tables and logs (prune previews, file browsers, build output). */
  wide?: boolean;
  className?: string;
}

/**
 * The one modal dialog: a native <dialog> named by its heading; Escape cancels, focus returns to
 * the opener. Every feature's dialogs use it.
 */
export function Dialog({ title, onCancel, children, wide, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    // The dialog unmounts rather than closing, so return focus ourselves.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog?.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      className={['dialog', wide ? 'dialog--wide' : '', className ?? ''].filter(Boolean).join(' ')}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </dialog>
  );
}
