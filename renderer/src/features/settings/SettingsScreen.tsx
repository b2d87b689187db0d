import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { DEFAULT_SETTINGS, Settings, type Theme } from '../../../../contract';
import { call } from '../../api/client';
import { Field } from '../../components/Field';
import { useShowError } from '../../components/Toasts';
import { useEngine } from '../../engine/EngineContext';
import { defaultEngine, engineKeys } from '../../engine/queries';
import { useSaveSettings, useSettings } from './queries';
import './settings.css';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

type Draft = Record<'logTail' | 'logBuffer' | 'terminalFont' | 'terminalFontSize', string>;
const toDraft = (s: Settings): Draft => ({
  logTail: String(s.logTail),
  logBuffer: String(s.logBuffer),
  terminalFont: s.terminalFont,
  terminalFontSize: String(s.terminalFontSize),
});

/** One field of the draft checked with the contract's own schema: its message, or undefined. */
function check(key: keyof Draft, value: string): string | undefined {
  const v = key === 'terminalFont' ? value : value.trim() === '' ? NaN : Number(value);
  const r = Settings.shape[key].safeParse(v);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'not valid');
}

/** Settings: theme, default engine, log view and terminal, confirmations, notifications. */
export function SettingsScreen() {
  const settings = useSettings();
  return (
    <main className="screen settings-screen" aria-labelledby="settings-heading">
      <header className="screen-header">
        <h1 id="settings-heading">Settings</h1>
      </header>
      {settings.loaded ? <SettingsForm saved={settings} /> : <p>Loading settings…</p>}
    </main>
  );
}

function SettingsForm({ saved }: { saved: Settings }) {
  const save = useSaveSettings();
  const showError = useShowError();
  const [theme, setTheme] = useState(saved.theme);
  const [confirmRemove, setConfirmRemove] = useState(saved.confirmRemove);
  const [notifications, setNotifications] = useState(saved.notifications);
  const [cursorBlink, setCursorBlink] = useState(saved.terminalCursorBlink);
  const [draft, setDraft] = useState(() => toDraft(saved));
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const errors = Object.fromEntries(
    (Object.keys(draft) as (keyof Draft)[]).map((k) => [k, check(k, draft[k])]),
  ) as Record<keyof Draft, string | undefined>;
  const invalid = Object.values(errors).some(Boolean);
  const edit = (key: keyof Draft) => (value: string) => {
    setDone(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (invalid) return;
    try {
      await save.mutateAsync({
        theme,
        confirmRemove,
        notifications,
        terminalCursorBlink: cursorBlink,
        logTail: Number(draft.logTail),
        logBuffer: Number(draft.logBuffer),
        terminalFont: draft.terminalFont,
        terminalFontSize: Number(draft.terminalFontSize),
      });
      setDone(true);
    } catch (err) {
      showError('Could not save the settings', err);
    }
  };
  const shown = (k: keyof Draft) => (tried ? errors[k] : undefined);
  const checkbox = (checked: boolean, set: (on: boolean) => void, label: string) => (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          setDone(false);
          set(e.target.checked);
        }}
      />
      {label}
    </label>
  );
  const number = (k: keyof Draft, label: string, hint: string) => (
    <Field label={label} hint={hint} error={shown(k)}>
      {(p) => (
        <input
          {...p}
          type="number"
          inputMode="numeric"
          value={draft[k]}
          onChange={(e) => edit(k)(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate>
      <section aria-labelledby="settings-appearance">
        <h2 id="settings-appearance">Appearance</h2>
        <fieldset className="settings-radios">
          <legend>Theme</legend>
          {THEMES.map((t) => (
            <label key={t.value} className="check">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={theme === t.value}
                onChange={() => {
                  setDone(false);
                  setTheme(t.value);
                }}
              />
              {t.label}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="settings-engines">
        <h2 id="settings-engines">Engines</h2>
        <DefaultEngine />
      </section>

      <section aria-labelledby="settings-logs">
        <h2 id="settings-logs">Logs</h2>
        {number(
          'logTail',
          'Log tail size',
          `Lines of history a log view shows when it opens (${DEFAULT_SETTINGS.logTail} by default).`,
        )}
        {number(
          'logBuffer',
          'Log buffer',
          'Lines a log view keeps in memory; older ones are dropped (download for all).',
        )}
      </section>

      <section aria-labelledby="settings-terminal">
        <h2 id="settings-terminal">Terminal</h2>
        <Field
          label="Terminal font"
          hint="Font names, separated by commas; the first installed one is used."
          error={shown('terminalFont')}
        >
          {(p) => (
            <input
              {...p}
              type="text"
              value={draft.terminalFont}
              onChange={(e) => edit('terminalFont')(e.target.value)}
            />
          )}
        </Field>
        {number('terminalFontSize', 'Terminal font size', 'In pixels, 8 to 32.')}
        {checkbox(
          cursorBlink,
          setCursorBlink,
          'Blinking cursor (each key then redraws the cursor, which delays its echo by about a frame)',
        )}
      </section>

      <section aria-labelledby="settings-behaviour">
        <h2 id="settings-behaviour">Behaviour</h2>
        {checkbox(confirmRemove, setConfirmRemove, 'Confirm before removing')}
        {checkbox(
          notifications,
          setNotifications,
          'Show notifications (desktop app: finished pulls, builds, pushes, compose ups and non-zero exits while no Porthole window is focused)',
        )}
      </section>

      <div className="settings-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save
        </button>
        <p role="status" className="small">
          {save.isPending ? 'Saving…' : done ? 'Settings saved.' : ''}
        </p>
      </div>
    </form>
  );
}

/** The engines' own default (engines.setDefault), not a second copy in settings.json. */
function DefaultEngine() {
  const { engines } = useEngine();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const current = defaultEngine(engines);
  return (
    <Field label="Default engine" hint="The engine Porthole opens with until you pick another.">
      {(p) => (
        <select
          {...p}
          value={current?.id ?? ''}
          disabled={engines.length === 0}
          onChange={(e) => {
            const engineId = e.target.value;
            call('engines.setDefault', { engineId })
              .then(() => queryClient.invalidateQueries({ queryKey: engineKeys.list() }))
              .catch((err: unknown) => showError('Could not change the default engine', err));
          }}
        >
          {engines.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
