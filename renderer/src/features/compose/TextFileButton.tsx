import { useRef, useState } from 'react';

interface Props {
  label: string;
  accept: string;
  /** Characters at most; a bigger file is refused here. */
  max: number;
  onText(text: string): void;
}

/** "Open file…": reads a text file the person picks into a field (nothing is uploaded). */
export function TextFileButton({ label, accept, max, onText }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  return (
    <span className="text-file-button">
      <button type="button" onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label.replace('…', '')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          if (file.size > max * 4) return setError(`${file.name} is too big.`);
          file.text().then(
            (text) => {
              if (text.length > max) return setError(`${file.name} is too big.`);
              setError(undefined);
              onText(text);
            },
            (err: unknown) => setError(`Could not read ${file.name}: ${String(err)}`),
          );
        }}
      />
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}
