import { useEffect, useRef } from 'react';

import type { SelectAllState } from './useSelection';

interface Props extends SelectAllState {
  onChange(on: boolean): void;
}

/** The "Select all" checkbox of a table with per-row "Select NAME" boxes (see useSelection). */
export function SelectAll({ checked, indeterminate, disabled, onChange }: Props) {
  const box = useRef<HTMLInputElement>(null);
  // `indeterminate` is a DOM property only: React has no attribute for it.
  useEffect(() => {
    if (box.current) box.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label="Select all"
      checked={checked}
      disabled={disabled}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}
