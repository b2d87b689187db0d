import { useState } from 'react';

/** A read-only text people can see, select, and copy with one button. */
export function CopyText({ label, button, text }: { label: string; button: string; text: string }) {
  const [copied, setCopied] = useState<string | undefined>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied.');
    } catch {
      setCopied('The clipboard is not available here: select the text and copy it.');
    }
  };
  return (
    <div className="copy-text">
      <label>
        <span className="copy-label">{label}</span>
        <textarea
          readOnly
          value={text}
          rows={Math.min(16, text.split('\n').length + 1)}
          className="mono"
        />
      </label>
      <button type="button" onClick={() => void copy()}>
        {button}
      </button>{' '}
      <span aria-live="polite" className="small">
        {copied}
      </span>
    </div>
  );
}
