import type { InputHTMLAttributes } from 'react';

/** A labelled input whose error is announced with it (aria-invalid + aria-describedby). */
export function Field({
  id,
  label,
  error,
  note,
  ...input
}: { id: string; label: string; error?: string | undefined; note?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id'
>) {
  const described = [error ? `${id}-error` : '', note ? `${id}-note` : ''].filter(Boolean);
  return (
    <div className="registries-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length ? described.join(' ') : undefined}
      />
      {note && (
        <p id={`${id}-note`} className="small">
          {note}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="registries-error">
          {error}
        </p>
      )}
    </div>
  );
}
