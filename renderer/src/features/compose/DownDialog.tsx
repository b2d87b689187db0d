import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ComposeProject } from '../../../../contract';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useShowError } from '../../components/Toasts';
import { lostInDown, type RemoveImages } from './format';
import { JobDialog } from './JobDialog';
import { useComposeRun } from './useComposeRun';

interface Props {
  engineId: string;
  project: ComposeProject;
  /** Its files are here and compose is installed; otherwise it is removed from its labels. */
  viaCli: boolean;
  onClose(): void;
}

/**
 * "Down PROJECT?": names everything that goes (containers, networks, and — only if ticked —
 * volumes with their data and images), then runs `down` with its output. A project whose files
 * are gone cannot be taken down by compose: it is removed from its labels instead.
 */
export function DownDialog({ engineId, project: p, viaCli, onClose }: Props) {
  const [removeVolumes, setRemoveVolumes] = useState(false);
  const [removeImages, setRemoveImages] = useState<RemoveImages>('none');
  const run = useComposeRun(engineId);
  const showError = useShowError();
  const remove = useMutation({
    mutationFn: () => call('compose.remove', { engineId, project: p.name, removeVolumes }),
    onSuccess: onClose,
    onError: (err) => showError(`Could not remove ${p.name}`, err),
  });

  if (run.state) {
    return (
      <JobDialog
        title={`Down ${p.name}`}
        run={run}
        services={p.services.map((s) => s.name)}
        done={`Project ${p.name} is down.${removeVolumes ? '' : p.volumes.length ? ` Kept: ${p.volumes.join(', ')}.` : ''}`}
        onClose={onClose}
      />
    );
  }
  const lost = lostInDown(p, { removeVolumes, removeImages: viaCli ? removeImages : 'none' });
  return (
    <ConfirmDialog
      verb={viaCli ? 'Down' : 'Remove'}
      name={p.name}
      onCancel={onClose}
      onConfirm={() =>
        viaCli
          ? run.start({ op: 'down', project: p.name, removeVolumes, removeImages })
          : remove.mutate()
      }
      disabled={remove.isPending}
      className="compose-down"
    >
      {!viaCli && (
        <p>
          {p.filesPresent
            ? 'Compose is not installed here'
            : 'Its compose files are not on this machine'}
          , so compose cannot take it down: Porthole removes what its labels name instead.
        </p>
      )}
      <p>This removes:</p>
      <ul className="compose-lost">
        {lost.length ? lost.map((l) => <li key={l}>{l}</li>) : <li>nothing but its record</li>}
      </ul>
      <label className="check">
        <input
          type="checkbox"
          checked={removeVolumes}
          onChange={(e) => setRemoveVolumes(e.target.checked)}
        />
        Remove volumes
      </label>
      <p className="small">
        {removeVolumes
          ? 'The data in them is lost for good.'
          : p.volumes.length
            ? `Kept: ${p.volumes.join(', ')} — up again and the data is still there.`
            : 'Named volumes are kept.'}
      </p>
      {viaCli && (
        <div className="field">
          <label htmlFor="compose-rmi">Remove images</label>
          <select
            id="compose-rmi"
            value={removeImages}
            onChange={(e) => setRemoveImages(e.target.value as RemoveImages)}
          >
            <option value="none">None</option>
            <option value="local">Built by compose (no custom tag)</option>
            <option value="all">All its services use</option>
          </select>
        </div>
      )}
    </ConfirmDialog>
  );
}
