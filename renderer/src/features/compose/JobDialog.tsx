import type { ReactNode } from 'react';
import { Dialog } from '../../components/Dialog';
import { RunOutput } from './RunOutput';
import type { ComposeRun } from './useComposeRun';

interface Props {
  title: string;
  /** Started by whoever confirmed the job (in the click, not in an effect). */
  run: ComposeRun;
  services: readonly string[];
  /** Said once the job is done ("Project shop is down."). */
  done: ReactNode;
  onClose(): void;
}

/** A confirmed compose job running: its steps and output; closing it while it runs stops it. */
export function JobDialog({ title, run, services, done, onClose }: Props) {
  const state = run.state;
  return (
    <Dialog title={title} onCancel={onClose} wide>
      {state && <RunOutput state={state} services={services} what={title} />}
      {state?.phase === 'done' && <p>{done}</p>}
      <div className="dialog-actions">
        {state && state.phase !== 'running' ? (
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        ) : (
          <button type="button" onClick={run.stop}>
            Stop
          </button>
        )}
      </div>
    </Dialog>
  );
}
