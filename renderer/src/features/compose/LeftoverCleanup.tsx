import { useMutation } from '@tanstack/react-query';
import { call } from '../../api/client';

interface Props {
  engineId: string;
  project: string;
  left: { containers: string[]; networks: string[]; volumes: string[] };
}

/** After a failed Up: remove the containers and networks it made (volumes are kept, and said so). */
export function LeftoverCleanup({ engineId, project, left }: Props) {
  const remove = useMutation({
    mutationFn: () => call('compose.remove', { engineId, project, removeVolumes: false }),
  });
  if (left.containers.length + left.networks.length === 0) return null;
  return (
    <div className="compose-leftovers">
      {remove.isSuccess ? (
        <p role="status">
          Removed {[...remove.data.containers, ...remove.data.networks].join(', ') || 'nothing'}.
          {left.volumes.length > 0 && ` Volumes kept: ${left.volumes.join(', ')}.`}
        </p>
      ) : (
        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove what was made
        </button>
      )}
      {remove.error && <p role="alert">Could not remove them: {remove.error.message}</p>}
    </div>
  );
}
