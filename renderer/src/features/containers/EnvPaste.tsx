import { Field } from '../../components/Field';
import { applyEnvPaste, type RunForm } from './run-form';

interface Props {
  form: RunForm;
  error: string | undefined;
  set(patch: Partial<RunForm>): void;
  setError(message: string | undefined): void;
}

/**
 * "Paste .env": a .env file (comments, `export`, quotes) pasted as is becomes rows on "Add
 * pasted variables" (or on Run); a bad line is named at the box and nothing is added.
 */
export function EnvPaste({ form, error, set, setError }: Props) {
  const add = () => {
    const merged = applyEnvPaste(form);
    if (!merged.ok) return setError(merged.message);
    setError(undefined);
    set({ env: merged.env, envPaste: '' });
  };
  return (
    <div className="env-paste">
      <Field label="Paste .env" error={error} hint="KEY=VALUE lines or a .env file, as is.">
        {(a11y) => (
          <textarea
            {...a11y}
            rows={2}
            spellCheck={false}
            value={form.envPaste}
            onChange={(e) => set({ envPaste: e.target.value })}
          />
        )}
      </Field>
      <button type="button" onClick={add} disabled={!form.envPaste.trim()}>
        Add pasted variables
      </button>
    </div>
  );
}
