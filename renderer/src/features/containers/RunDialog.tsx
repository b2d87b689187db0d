import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { RestartPolicy, RunSpec } from '../../../../contract';
import { call } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { EngineField, useTargetEngine } from '../../components/EngineField';
import { Field } from '../../components/Field';
import { AdvancedOptions } from './AdvancedOptions';
import { EnvPaste } from './EnvPaste';
import { ImageCombobox } from './ImageCombobox';
import { ENV_NAMES, KeyValueRows, LABEL_NAMES } from './KeyValueRows';
import { NetworkSelect } from './NetworkSelect';
import { PortRows } from './PortRows';
import { containerKeys } from './queries';
import {
  applyEnvPaste,
  formFromSpec,
  validateRunForm,
  type FormErrors,
  type RunForm,
} from './run-form';
import { pastedLabels, pastedVariables } from './run-form-parse';
import { VolumeRows } from './VolumeRows';
import './containers.css';

export interface RunDialogProps {
  /** Prefill, e.g. `{ image: 'nginx:1.27' }` from the Images screen. */
  initial?: Partial<RunSpec>;
  /** Recreate this container from the form instead of running a new one. */
  replace?: { id: string; name: string };
  /**
   * The engine to run on (a row's, in All engines); absent: the current engine, which in All
   * engines the form names and lets the user change.
   */
  engineId?: string;
  onClose(result?: { id: string; name: string }): void;
}

type TextKey = 'name' | 'command';

/**
 * "Run a container" (or "Recreate NAME"): checked in the form, then against the engine (image
 * present, name free, host ports free), and only then created. Engine refusals stay in the
 * dialog, in the engine's words, so the form can be fixed and sent again.
 */
export function RunDialog({ initial, replace, engineId: given, onClose }: RunDialogProps) {
  const [engineId, setEngineId] = useTargetEngine(given);
  const queryClient = useQueryClient();
  const [form, setForm] = useState<RunForm>(() => formFromSpec(initial));
  const [errors, setErrors] = useState<FormErrors>({});
  const [refusal, setRefusal] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<RunForm>) => setForm((f) => ({ ...f, ...patch }));
  const verb = replace ? 'Recreate' : 'Run';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRefusal(undefined);
    // A pasted block not yet added becomes rows first, so errors point at rows on screen.
    const pasted = applyEnvPaste(form);
    const ready = pasted.ok ? { ...form, env: pasted.env, envPaste: '' } : form;
    if (ready !== form) setForm(ready);
    const { spec, errors: found } = validateRunForm(ready);
    setErrors(found);
    if (!spec) return focusFirstInvalid();
    setBusy(true);
    try {
      const issues = await call('containers.checkRun', {
        engineId,
        spec,
        ...(replace ? { replacing: replace.id } : {}),
      });
      if (issues.length) {
        setErrors(Object.fromEntries(issues.map((i) => [i.field, i.message])));
        return focusFirstInvalid();
      }
      const result = replace
        ? await call('containers.recreate', { engineId, id: replace.id, spec })
        : await call('containers.run', { engineId, spec });
      void queryClient.invalidateQueries({ queryKey: containerKeys.all(engineId) });
      onClose(result);
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: TextKey, label: string, hint: string) => (
    <Field label={label} error={errors[key]} hint={hint}>
      {(a11y) => (
        <input
          {...a11y}
          type="text"
          value={form[key]}
          onChange={(e) => set({ [key]: e.target.value })}
        />
      )}
    </Field>
  );
  const check = (key: 'autoRemove' | 'tty' | 'interactive', label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={form[key]}
        onChange={(e) => set({ [key]: e.target.checked })}
      />
      {label}
    </label>
  );

  return (
    <Dialog
      title={replace ? `Recreate ${replace.name}` : 'Run a container'}
      onCancel={() => onClose()}
      className="dialog--wide"
    >
      <form onSubmit={submit} noValidate className="run-form">
        <EngineField value={engineId} onChange={given ? undefined : setEngineId} />
        {replace && (
          <p className="small">
            The new container is created and started first; {replace.name} is removed only once it
            runs. If anything fails, {replace.name} is left as it was (if the new one needs the same
            host ports, {replace.name} is stopped meanwhile and started again).
          </p>
        )}
        <ImageCombobox
          engineId={engineId}
          value={form.image}
          error={errors.image}
          onChange={(image) => set({ image })}
          onPulled={() => setErrors(({ image: _pulled, ...rest }) => rest)}
        />
        {text('name', 'Container name', 'Empty: the engine picks one.')}
        {text('command', 'Command', "Empty: the image's default. Quotes group words.")}
        <PortRows rows={form.ports} errors={errors} onChange={(ports) => set({ ports })} />
        <KeyValueRows
          names={ENV_NAMES}
          rows={form.env}
          errors={errors}
          onChange={(env) => set({ env })}
          parsePaste={pastedVariables}
        >
          <EnvPaste
            form={form}
            error={errors.envPaste}
            set={set}
            setError={(envPaste) =>
              setErrors(({ envPaste: _old, ...rest }) => (envPaste ? { ...rest, envPaste } : rest))
            }
          />
        </KeyValueRows>
        <VolumeRows
          engineId={engineId}
          rows={form.volumes}
          errors={errors}
          onChange={(volumes) => set({ volumes })}
        />
        <NetworkSelect
          engineId={engineId}
          value={form.network}
          error={errors.network}
          onChange={(network) => set({ network })}
        />
        <Field label="Restart policy">
          {(a11y) => (
            <select
              {...a11y}
              value={form.restart}
              onChange={(e) => set({ restart: e.target.value as RestartPolicy })}
            >
              <option value="no">no</option>
              <option value="always">always</option>
              <option value="unless-stopped">unless-stopped</option>
              <option value="on-failure">on-failure</option>
            </select>
          )}
        </Field>
        <div className="checks">
          {check('autoRemove', 'Remove when it exits')}
          {check('interactive', 'Keep STDIN open (-i)')}
          {check('tty', 'Allocate a TTY (-t)')}
        </div>
        <KeyValueRows
          names={LABEL_NAMES}
          rows={form.labels}
          errors={errors}
          onChange={(labels) => set({ labels })}
          parsePaste={pastedLabels}
        />
        <AdvancedOptions form={form} errors={errors} set={set} />
        {refusal && (
          <p role="alert" className="field-error">
            The engine refused: {refusal}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => onClose()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? `${verb === 'Run' ? 'Running' : 'Recreating'}…` : verb}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function focusFirstInvalid() {
  // After React commits the aria-invalid attributes (and "Advanced options" unfolds for them).
  requestAnimationFrame(() =>
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('.run-form [aria-invalid="true"]')?.focus(),
    ),
  );
}
