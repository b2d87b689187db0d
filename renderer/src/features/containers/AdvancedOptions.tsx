import { useState } from 'react';
import { Field } from '../../components/Field';
import { ADVANCED_FIELDS, type FormErrors, type RunForm } from './run-form';

type TextKey = 'user' | 'workingDir' | 'entrypoint' | 'memory' | 'cpus' | 'capAdd' | 'capDrop';

interface Props {
  form: RunForm;
  errors: FormErrors;
  set(patch: Partial<RunForm>): void;
}

const TEXT: { key: TextKey; label: string; hint?: string }[] = [
  { key: 'user', label: 'User', hint: 'Empty: the image’s. A name or UID[:GID], e.g. 1000.' },
  { key: 'workingDir', label: 'Working directory', hint: 'An absolute path, e.g. /app.' },
  { key: 'entrypoint', label: 'Entrypoint', hint: 'Empty: the image’s. Quotes group words.' },
  { key: 'memory', label: 'Memory limit', hint: 'e.g. 512m or 2g. Empty: no limit.' },
  { key: 'cpus', label: 'CPUs', hint: 'e.g. 1.5 or 0.5. Empty: no limit.' },
  { key: 'capAdd', label: 'Add capabilities', hint: 'e.g. NET_ADMIN SYS_TIME (CAP_ optional).' },
  { key: 'capDrop', label: 'Drop capabilities', hint: 'e.g. MKNOD, or ALL.' },
];

/** User, working directory, entrypoint, limits, capabilities, GPUs: folded until wanted. */
export function AdvancedOptions({ form, errors, set }: Props) {
  const wrong = ADVANCED_FIELDS.some((k) => errors[k]);
  const [open, setOpen] = useState(false);
  const [wasWrong, setWasWrong] = useState(false);
  // A field in here that turns wrong must be seen (and focusable): unfold, in the same render.
  if (wrong !== wasWrong) {
    setWasWrong(wrong);
    if (wrong) setOpen(true);
  }
  return (
    <details
      className="advanced"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>Advanced options</summary>
      <div className="advanced-grid">
        {TEXT.map(({ key, label, hint }) => (
          <Field key={key} label={label} error={errors[key]} {...(hint ? { hint } : {})}>
            {(a11y) => (
              <input
                {...a11y}
                type="text"
                spellCheck={false}
                value={form[key]}
                onChange={(e) => set({ [key]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <Field label="GPUs" error={errors.gpus} hint="All: every GPU the engine has (--gpus all).">
          {(a11y) => (
            <select
              {...a11y}
              value={form.gpus}
              onChange={(e) => set({ gpus: e.target.value as RunForm['gpus'] })}
            >
              <option value="none">None</option>
              <option value="all">All</option>
            </select>
          )}
        </Field>
      </div>
    </details>
  );
}
