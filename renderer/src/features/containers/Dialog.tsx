import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  onCancel(): void;
  children: ReactNode;
  className?: string;
}

/** A native modal <dialog> named by its heading: Escape cancels, focus returns to the opener. */
export function Dialog({ title, onCancel, children, className }: Props) {
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
      className={`dialog ${className ?? ''}`}
    >
      <h2 id={headingId}>{title}</h2>
      {children}
    </dialog>
  );
}
