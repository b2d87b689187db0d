import { useId, useState } from 'react';
import { parseTagTarget } from '../../../../contract';
import { Dialog } from '../../components/Dialog';

interface Props {
  source: string;
  onConfirm(target: string): void;
  onCancel(): void;
}

export function TagDialog({ source, onConfirm, onCancel }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = useId();
  return (
    <Dialog title={`Tag ${source}`} onCancel={onCancel}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseTagTarget(value.trim());
          if (!parsed.ok) return setError(parsed.message);
          onConfirm(value.trim());
        }}
      >
        <label className="field" htmlFor={`${id}-input`}>
          New reference (repository:tag)
        </label>
        <input
          id={`${id}-input`}
          type="text"
          className="mono"
          autoFocus
          spellCheck={false}
          value={value}
          placeholder="registry.example.com/team/app:1.0"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => {
            setValue(e.target.value);
            if (error) setError(undefined);
          }}
        />
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
        <p className="small">The image is not copied: it gets one more name.</p>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit">Tag</button>
        </div>
      </form>
    </Dialog>
  );
}
