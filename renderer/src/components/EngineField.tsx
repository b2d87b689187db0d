import { useState } from 'react';
import { statusOf, useEngine } from '../engine/EngineContext';
import { Field } from './Field';

/**
 * The engine a toolbar action (run, create, prune, up, pull…) acts on: `given` (a row's), else
 * the current one, which in All engines is the default engine — followed as it becomes known
 * (on a fresh load the engine list arrives after the first render). A pick made in All engines
 * wins while All engines is shown.
 */
export function useTargetEngine(given?: string): [string, (engineId: string) => void] {
  const { engineId, all } = useEngine();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  return [(all ? picked : undefined) ?? given ?? engineId ?? '', setPicked];
}

interface Props {
  value: string;
  /** Absent: the engine is fixed (a row's own), only named. */
  onChange?(engineId: string): void;
  /** Outside a dialog the header's switcher is also "Engine": say what this one is for. */
  label?: string;
  hint?: string;
}

/**
 * In All engines a toolbar action does not act on every engine: this names the one it goes to
 * (the default, preselected) and lets the user pick another connected one. With one engine in
 * view the switcher above already says which: nothing is shown.
 */
export function EngineField({
  value,
  onChange,
  label = 'Engine',
  hint = 'All engines is selected above: this goes to one engine only.',
}: Props) {
  const { all, engines, statuses } = useEngine();
  if (!all || engines.length < 2) return null;
  const engine = engines.find((e) => e.id === value);
  if (!onChange) {
    return (
      <p className="small">
        On engine <strong>{engine?.name ?? value}</strong>.
      </p>
    );
  }
  return (
    <Field label={label} hint={hint}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value)}>
          {engines.map((e) => {
            const away = statusOf(e, statuses).state !== 'connected';
            return (
              <option key={e.id} value={e.id} disabled={away && e.id !== value}>
                {e.name}
                {e.isDefault ? ' (default)' : ''}
                {away ? ' — not connected' : ''}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}
