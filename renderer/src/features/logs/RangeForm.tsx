import { useState, type FormEvent } from 'react';
import { parseLogTime } from './time';
import type { LogRange } from './useLogStreams';

/** Since / Until: an age ("10m") or a date; applied with Enter or "Apply". */
export function RangeForm({ onApply }: { onApply(range: LogRange): void }) {
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<{ since?: string; until?: string }>({});

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const now = Date.now();
    const s = parseLogTime(since, now);
    const u = parseLogTime(until, now);
    setErrors({ ...(s.ok ? {} : { since: s.error }), ...(u.ok ? {} : { until: u.error }) });
    if (s.ok && u.ok) onApply({ since: s.value, until: u.value });
  };

  const field = (label: 'Since' | 'Until', value: string, set: (v: string) => void) => {
    const key = label === 'Since' ? 'since' : 'until';
    const error = errors[key];
    return (
      <span className="range-field">
        <input
          aria-label={label}
          placeholder={`${label} (10m, 2024-01-31 12:00)`}
          value={value}
          onChange={(e) => set(e.target.value)}
          aria-invalid={!!error}
          aria-describedby={error ? `log-${key}-error` : undefined}
        />
        {error && (
          <span id={`log-${key}-error`} className="field-error">
            {error}
          </span>
        )}
      </span>
    );
  };

  return (
    <form className="range-form" onSubmit={apply} aria-label="Time range">
      {field('Since', since, setSince)}
      {field('Until', until, setUntil)}
      <button type="submit">Apply</button>
    </form>
  );
}
