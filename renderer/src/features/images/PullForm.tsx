import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { parseReference } from '../../../../contract';
import { onPullRequest } from '../palette/intents';

export type PullMode = 'pull' | 'pull-and-run' | 'run-now';

interface Props {
  busy: boolean;
  onPull(ref: string, mode: PullMode): void;
}

/**
 * "Image reference" + Pull / Pull and run (then the run form) / Run now (the defaults, no form).
 * Invalid references never leave the renderer.
 */
export function PullForm({ busy, onPull }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const errorId = useId();
  // "Pull REF" from the command palette runs here, as if typed and submitted.
  const pull = useRef(onPull);
  useEffect(() => {
    pull.current = onPull;
  });
  useEffect(
    () =>
      onPullRequest((ref) => {
        setValue(ref);
        setError(undefined);
        pull.current(ref, 'pull');
      }),
    [],
  );
  const submit = (mode: PullMode) => (e?: FormEvent) => {
    e?.preventDefault();
    const parsed = parseReference(value.trim());
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(undefined);
    onPull(value.trim(), mode);
  };
  return (
    <form className="pull-form" onSubmit={submit('pull')} noValidate>
      <label htmlFor={`${errorId}-input`}>Image reference</label>
      <input
        id={`${errorId}-input`}
        type="text"
        className="mono"
        placeholder="registry.example.com/team/app:1.0"
        spellCheck={false}
        autoCapitalize="off"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          if (error) {
            const parsed = parseReference(e.target.value.trim());
            setError(parsed.ok ? undefined : parsed.message);
          }
        }}
      />
      <button type="submit" disabled={busy}>
        Pull
      </button>
      <button type="button" disabled={busy} onClick={submit('pull-and-run')}>
        Pull and run
      </button>
      <button type="button" disabled={busy} onClick={submit('run-now')}>
        Run now
      </button>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}
