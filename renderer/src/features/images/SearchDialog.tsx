import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, call } from '../../api/client';
import { Dialog } from '../../components/Dialog';

interface Props {
  engineId: string;
  onPull(name: string): void;
  onClose(): void;
}

/** Docker Hub search through the engine; bounded in main, so offline ends in a message. */
export function SearchDialog({ engineId, onPull, onClose }: Props) {
  const [term, setTerm] = useState('');
  const search = useMutation({
    mutationFn: (t: string) => call('images.search', { engineId, term: t }),
  });
  return (
    <Dialog title="Search Docker Hub" onCancel={onClose} wide>
      <form
        className="pull-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (term.trim()) search.mutate(term.trim());
        }}
      >
        <input
          type="search"
          aria-label="Search Docker Hub"
          value={term}
          autoFocus
          onChange={(e) => setTerm(e.target.value)}
        />
        <button type="submit" disabled={search.isPending}>
          Search
        </button>
      </form>
      {search.isPending && <p aria-live="polite">Searching…</p>}
      {search.error && (
        <div role="alert" className="transfer-error">
          <p>{search.error.message}</p>
          {search.error instanceof ApiError && search.error.hint && (
            <p className="hint">{search.error.hint}</p>
          )}
        </div>
      )}
      {search.data &&
        (search.data.length === 0 ? (
          <p role="status">No images match “{search.variables}”.</p>
        ) : (
          <table className="resource-table" aria-label="Search results">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Description</th>
                <th scope="col">Stars</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {search.data.map((r) => (
                <tr key={r.name}>
                  <th scope="row" className="mono">
                    {r.name}
                    {r.official ? ' (official)' : ''}
                  </th>
                  <td>{r.description}</td>
                  <td>{r.stars}</td>
                  <td>
                    <button
                      type="button"
                      onClick={() => onPull(r.name)}
                      aria-label={`Pull ${r.name}`}
                    >
                      Pull
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
