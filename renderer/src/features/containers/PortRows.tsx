import type { Protocol } from '../../../../contract';
import { emptyPortRow, type FormErrors, type PortRow } from './run-form';

interface Props {
  rows: PortRow[];
  errors: FormErrors;
  onChange(rows: PortRow[]): void;
}

const KEYS = ['hostIp', 'hostPort', 'containerPort'] as const;
const errorId = (i: number, key: string) => `port-${i}-${key}-error`;

/** Published ports: host IP and port (empty = random) → container port / protocol. */
export function PortRows({ rows, errors, onChange }: Props) {
  const set = (i: number, patch: Partial<PortRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const input = (
    i: number,
    key: 'hostIp' | 'hostPort' | 'containerPort',
    label: string,
    placeholder: string,
  ) => {
    const error = errors[`ports.${i}.${key}`];
    return (
      <input
        type="text"
        className={`port-${key}`}
        aria-label={`${label} ${i + 1}`}
        placeholder={placeholder}
        value={rows[i]![key]}
        aria-invalid={!!error}
        aria-describedby={error ? errorId(i, key) : undefined}
        onChange={(e) => set(i, { [key]: e.target.value })}
      />
    );
  };
  return (
    <fieldset className="ports">
      <legend>Ports</legend>
      {rows.length === 0 && <p className="small">No published ports.</p>}
      {rows.map((_, i) => (
        <div key={i}>
          <div className="port-row">
            {input(i, 'hostIp', 'Host IP', 'all interfaces')}
            <span aria-hidden="true">:</span>
            {input(i, 'hostPort', 'Host port', 'random')}
            <span aria-hidden="true">→</span>
            {input(i, 'containerPort', 'Container port', '80')}
            <select
              aria-label={`Protocol ${i + 1}`}
              value={rows[i]!.protocol}
              onChange={(e) => set(i, { protocol: e.target.value as Protocol })}
            >
              <option value="tcp">tcp</option>
              <option value="udp">udp</option>
              <option value="sctp">sctp</option>
            </select>
            <button
              type="button"
              aria-label={`Remove port ${i + 1}`}
              onClick={() => onChange(rows.filter((__, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {KEYS.map((key) =>
            errors[`ports.${i}.${key}`] ? (
              <p key={key} id={errorId(i, key)} className="field-error">
                {errors[`ports.${i}.${key}`]}
              </p>
            ) : null,
          )}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, emptyPortRow()])}>
        Add port
      </button>
      <p className="small">Leave the host port empty for a random free port.</p>
    </fieldset>
  );
}
