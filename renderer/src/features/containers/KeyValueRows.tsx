import type { ClipboardEvent, ReactNode } from 'react';
import { emptyKeyValueRow, type FormErrors, type KeyValueRow } from './run-form-parse';

export interface RowNames {
  legend: string;
  /** Error keys: `${field}.${i}.key` / `.value`, and `field` for the list. */
  field: string;
  add: string;
  key: string;
  value: string;
  remove: string;
  empty: string;
}

export const ENV_NAMES: RowNames = {
  legend: 'Environment',
  field: 'env',
  add: 'Add variable',
  key: 'Key',
  value: 'Value',
  remove: 'Remove variable',
  empty: 'No variables beyond the image’s own.',
};

export const LABEL_NAMES: RowNames = {
  legend: 'Labels',
  field: 'labels',
  add: 'Add label',
  key: 'Label key',
  value: 'Label value',
  remove: 'Remove label',
  empty: 'No labels.',
};

interface Props {
  names: RowNames;
  rows: KeyValueRow[];
  errors: FormErrors;
  onChange(rows: KeyValueRow[]): void;
  /**
   * Several KEY=VALUE lines pasted into a key: the pairs, to become rows; undefined when the text
   * is not that (it is then pasted as usual).
   */
  parsePaste?(text: string): KeyValueRow[] | undefined;
  children?: ReactNode;
}

const errorId = (field: string, i: number, part: string) => `${field}-${i}-${part}-error`;

/** Key/value rows (environment, labels): named per row, errors under the row. */
export function KeyValueRows({ names, rows, errors, onChange, parsePaste, children }: Props) {
  const set = (i: number, patch: Partial<KeyValueRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const onPaste = (i: number, e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text');
    if (!parsePaste || !/\n/.test(text.trim())) return;
    const pairs = parsePaste(text);
    if (!pairs) return;
    e.preventDefault();
    onChange([...rows.slice(0, i), ...pairs, ...rows.slice(i + 1)]);
  };
  const input = (i: number, part: 'key' | 'value') => {
    const error = errors[`${names.field}.${i}.${part}`];
    return (
      <input
        type="text"
        className={`kv-${part}`}
        aria-label={`${names[part]} ${i + 1}`}
        placeholder={part === 'key' ? 'KEY' : 'value'}
        spellCheck={false}
        value={rows[i]![part]}
        aria-invalid={!!error}
        aria-describedby={error ? errorId(names.field, i, part) : undefined}
        onChange={(e) => set(i, { [part]: e.target.value })}
        {...(part === 'key'
          ? { onPaste: (e: ClipboardEvent<HTMLInputElement>) => onPaste(i, e) }
          : {})}
      />
    );
  };
  return (
    <fieldset className="rows">
      <legend>{names.legend}</legend>
      {rows.length === 0 && <p className="small">{names.empty}</p>}
      {rows.map((_, i) => (
        <div key={i}>
          <div className="row-line">
            {input(i, 'key')}
            <span aria-hidden="true">=</span>
            {input(i, 'value')}
            <button
              type="button"
              aria-label={`${names.remove} ${i + 1}`}
              onClick={() => onChange(rows.filter((__, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {(['key', 'value'] as const).map((part) =>
            errors[`${names.field}.${i}.${part}`] ? (
              <p key={part} id={errorId(names.field, i, part)} className="field-error">
                {errors[`${names.field}.${i}.${part}`]}
              </p>
            ) : null,
          )}
        </div>
      ))}
      {errors[names.field] && <p className="field-error">{errors[names.field]}</p>}
      <button type="button" onClick={() => onChange([...rows, emptyKeyValueRow()])}>
        {names.add}
      </button>
      {children}
    </fieldset>
  );
}
