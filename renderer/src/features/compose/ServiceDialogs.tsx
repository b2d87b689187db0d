import { useState, type FormEvent } from 'react';
import type { ComposeProject, ComposeService } from '../../../../contract';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { plural } from './format';
import { JobDialog } from './JobDialog';
import { useComposeRun } from './useComposeRun';

interface Props {
  engineId: string;
  project: ComposeProject;
  service: ComposeService;
  onClose(): void;
}

/** "Scale SERVICE": how many containers it should have; compose adds or removes the difference. */
export function ScaleDialog({ engineId, project, service, onClose }: Props) {
  const [text, setText] = useState(String(service.total));
  const run = useComposeRun(engineId);
  const n = Number(text);
  const error =
    Number.isInteger(n) && n >= 0 && n <= 100 ? undefined : 'A whole number from 0 to 100.';
  if (run.state) {
    return (
      <JobDialog
        title={`Scale ${service.name}`}
        run={run}
        services={[service.name]}
        done={`${service.name} now has ${plural(n, 'container')}.`}
        onClose={onClose}
      />
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!error)
      run.start({ op: 'scale', project: project.name, service: service.name, replicas: n });
  };
  return (
    <Dialog title={`Scale ${service.name}`} onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <p>
          {service.name} in {project.name} has {plural(service.total, 'container')}.
        </p>
        <Field label="Containers" error={error}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="numeric"
              autoFocus
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!!error}>
            Scale
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** "Recreate SERVICE?": its containers are replaced from the compose file (volumes stay). */
export function RecreateDialog({ engineId, project, service, onClose }: Props) {
  const run = useComposeRun(engineId);
  if (run.state) {
    return (
      <JobDialog
        title={`Recreate ${service.name}`}
        run={run}
        services={[service.name]}
        done={`${service.name} was recreated.`}
        onClose={onClose}
      />
    );
  }
  return (
    <ConfirmDialog
      verb="Recreate"
      name={service.name}
      onCancel={onClose}
      onConfirm={() => run.start({ op: 'recreate', project: project.name, service: service.name })}
    >
      <p>
        Its {plural(service.total, 'container')} ({service.containers.map((c) => c.name).join(', ')}
        ) are removed and made again from the compose file. Anything written inside them outside a
        volume is lost; volumes are kept.
      </p>
    </ConfirmDialog>
  );
}
