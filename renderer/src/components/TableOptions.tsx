import { useEffect, useRef, useState } from 'react';
import { useDensity, type Density } from './tablePrefs';

export interface ColumnDef {
  id: string;
  label: string;
}

interface Props {
  /** The table's name, as its aria-label reads ("Containers"). */
  table: string;
  columns: ColumnDef[];
  hidden: ReadonlySet<string>;
  onToggle(id: string): void;
  /** The table's columns can be resized: offer to forget the widths the user gave them. */
  onResetWidths?: () => void;
}

/**
 * "View options for TABLE": density (compact or comfortable, for every table), which of this
 * table's columns show and, where they can be resized, "Reset column widths". A disclosure:
 * Escape or a click elsewhere closes it.
 */
export function TableOptions({ table, columns, hidden, onToggle, onResetWidths }: Props) {
  const [open, setOpen] = useState(false);
  const [density, setDensity] = useDensity();
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  const radio = (value: Density, label: string) => (
    <label className="check">
      <input
        type="radio"
        name={`density-${table}`}
        checked={density === value}
        onChange={() => setDensity(value)}
      />
      {label}
    </label>
  );
  return (
    <div
      className="table-options"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={`table-options-${table}`}
        onClick={() => setOpen((o) => !o)}
      >
        View
        <span className="visually-hidden"> options for {table}</span>
      </button>
      {open && (
        <div id={`table-options-${table}`} className="table-options-panel">
          <fieldset>
            <legend>Density</legend>
            {radio('compact', 'Compact')}
            {radio('comfortable', 'Comfortable')}
          </fieldset>
          <fieldset>
            <legend>Columns</legend>
            {columns.map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={!hidden.has(c.id)}
                  onChange={() => onToggle(c.id)}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          {onResetWidths && (
            <button type="button" onClick={onResetWidths}>
              Reset column widths
            </button>
          )}
        </div>
      )}
    </div>
  );
}
