import { useQuery } from '@tanstack/react-query';
import { Field } from '../../components/Field';
import { networkQueries } from '../networks/queries';

interface Props {
  engineId: string;
  value: string;
  error?: string | undefined;
  onChange(network: string): void;
}

/** The run form's network: one of the engine's networks (empty: its default bridge). */
export function NetworkSelect({ engineId, value, error, onChange }: Props) {
  const list = useQuery({ ...networkQueries.list(engineId), enabled: !!engineId });
  const names = (list.data ?? []).map((n) => n.name).sort((a, b) => a.localeCompare(b));
  // A prefilled network the list does not (yet) have stays choosable, so nothing is lost.
  if (value && !names.includes(value)) names.unshift(value);
  return (
    <Field label="Network" error={error} hint="The engine's networks; create others on Networks.">
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">Engine default (bridge)</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
