import { useQuery } from '@tanstack/react-query';
import { volumeQueries } from '../volumes/queries';
import { emptyVolumeRow, type FormErrors, type VolumeKind, type VolumeRow } from './run-form-parse';

interface Props {
  engineId: string;
  rows: VolumeRow[];
  errors: FormErrors;
  onChange(rows: VolumeRow[]): void;
}

const NEW = '\u0000new';
const errorId = (i: number, key: string) => `volume-${i}-${key}-error`;

/**
 * Mounts as rows: a named volume (one of the engine's, or a new one by name), a host folder, or
 * an anonymous volume; where it goes in the container; read-only or not.
 */
export function VolumeRows({ engineId, rows, errors, onChange }: Props) {
  const volumes = useQuery(volumeQueries.list(engineId));
  const names = (volumes.data ?? []).map((v) => v.name).sort();
  const set = (i: number, patch: Partial<VolumeRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const a11y = (i: number, key: 'source' | 'target') => {
    const error = errors[`volumes.${i}.${key}`];
    return {
      'aria-invalid': !!error,
      'aria-describedby': error ? errorId(i, key) : undefined,
    };
  };

  const source = (r: VolumeRow, i: number) => {
    if (r.kind === 'anonymous')
      return <span className="small vol-source">A new volume, unnamed</span>;
    if (r.kind === 'bind') {
      return (
        <input
          type="text"
          className="vol-source"
          aria-label={`Host path ${i + 1}`}
          placeholder="/srv/data"
          value={r.source}
          onChange={(e) => set(i, { source: e.target.value })}
          {...a11y(i, 'source')}
        />
      );
    }
    // A name the engine does not list (yet) is kept as an option, not lost.
    const listed = r.source && !names.includes(r.source) ? [...names, r.source] : names;
    return (
      <span className="vol-source">
        <select
          aria-label={`Volume ${i + 1}`}
          value={r.fresh ? NEW : r.source}
          onChange={(e) =>
            set(
              i,
              e.target.value === NEW
                ? { fresh: true, source: '' }
                : { fresh: false, source: e.target.value },
            )
          }
          {...(r.fresh ? {} : a11y(i, 'source'))}
        >
          <option value="">Choose a volume…</option>
          {listed.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          <option value={NEW}>New volume…</option>
        </select>
        {r.fresh && (
          <input
            type="text"
            aria-label={`New volume name ${i + 1}`}
            placeholder="name"
            value={r.source}
            onChange={(e) => set(i, { source: e.target.value })}
            {...a11y(i, 'source')}
          />
        )}
      </span>
    );
  };

  return (
    <fieldset className="rows">
      <legend>Volumes</legend>
      {rows.length === 0 && <p className="small">No volumes or host folders.</p>}
      {rows.map((r, i) => (
        <div key={i}>
          <div className="row-line">
            <select
              aria-label={`Kind ${i + 1}`}
              value={r.kind}
              onChange={(e) =>
                set(i, {
                  kind: e.target.value as VolumeKind,
                  source: '',
                  fresh: names.length === 0,
                })
              }
            >
              <option value="volume">Volume</option>
              <option value="bind">Host folder</option>
              <option value="anonymous">Anonymous</option>
            </select>
            {source(r, i)}
            <span aria-hidden="true">→</span>
            <input
              type="text"
              className="vol-target"
              aria-label={`Container path ${i + 1}`}
              placeholder="/data"
              value={r.target}
              onChange={(e) => set(i, { target: e.target.value })}
              {...a11y(i, 'target')}
            />
            <label className="check">
              <input
                type="checkbox"
                checked={r.readOnly}
                onChange={(e) => set(i, { readOnly: e.target.checked })}
              />
              Read-only<span className="visually-hidden"> {i + 1}</span>
            </label>
            <button
              type="button"
              aria-label={`Remove volume ${i + 1}`}
              onClick={() => onChange(rows.filter((__, j) => j !== i))}
            >
              ×
            </button>
          </div>
          {(['source', 'target'] as const).map((key) =>
            errors[`volumes.${i}.${key}`] ? (
              <p key={key} id={errorId(i, key)} className="field-error">
                {errors[`volumes.${i}.${key}`]}
              </p>
            ) : null,
          )}
        </div>
      ))}
      {errors.volumes && <p className="field-error">{errors.volumes}</p>}
      <button type="button" onClick={() => onChange([...rows, emptyVolumeRow(names.length === 0)])}>
        Add volume
      </button>
    </fieldset>
  );
}
