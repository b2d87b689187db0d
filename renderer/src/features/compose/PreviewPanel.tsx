import type { ComposePreview, ComposeIssue } from '../../../../contract';

/** The problems in a compose file, each with its line and column. */
export function IssueList({ id, issues }: { id: string; issues: ComposeIssue[] }) {
  return (
    <ul id={id} className="field-error compose-issues">
      {issues.map((i, n) => (
        <li key={n}>
          {i.path === 'env file' ? i.message : `Line ${i.line}, column ${i.col}: ${i.message}`}
        </li>
      ))}
    </ul>
  );
}

/** What `up` would make: services (and which the profiles leave out), volumes, networks. */
export function PreviewPanel({ preview }: { preview: ComposePreview }) {
  const list = (items: { name: string; external: boolean }[]) =>
    items.length
      ? items.map((v) => (v.external ? `${v.name} (external)` : v.name)).join(', ')
      : 'none';
  return (
    <section aria-label="Preview" className="compose-preview">
      <table aria-label="Services in the file" className="resource-table compact">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Image</th>
            <th scope="col">Ports</th>
            <th scope="col">Volumes</th>
          </tr>
        </thead>
        <tbody>
          {preview.services.map((s) => (
            <tr key={s.name} className={s.active ? undefined : 'inactive'}>
              <th scope="row" className="name mono">
                {s.name}
                {!s.active && (
                  <span className="small"> (profile {s.profiles.join(', ')}: not started)</span>
                )}
              </th>
              <td className="mono small wrap-anywhere">
                {s.image ?? ''}
                {s.build !== null && `${s.image ? ' ' : ''}build ${s.build}`}
              </td>
              <td className="mono small">{s.ports.join(', ') || '—'}</td>
              <td className="mono small wrap-anywhere">{s.volumes.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small">
        Volumes: {list(preview.volumes)} · Networks: {list(preview.networks)}
      </p>
      {preview.warnings.length > 0 && (
        <ul className="compose-warnings" aria-label="Warnings">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
