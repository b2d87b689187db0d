import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, Settings } from '../../contract';
import { saveSettings } from '../fs/atomic';

export const SETTINGS_FILE = 'settings.json';
/** Where the Electron menu's notifications switch lived before settings.json (read once). */
const LEGACY_DESKTOP_FILE = 'desktop-settings.json';

export interface SettingsStore {
  /** The settings as last saved (in memory: cheap to ask on every notification). */
  current(): Settings;
  /** Saves the fields given, atomically, one write after another; answers with the result. */
  set(patch: Partial<Settings>): Promise<Settings>;
  /** Called after each save (the Electron menu's checkbox follows the Settings screen). */
  onChange(listener: (s: Settings) => void): () => void;
}

function readJson(path: string): Record<string, unknown> {
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Each field of what is saved, falling back to its default when missing or wrong. */
export function parseSettings(
  raw: Record<string, unknown>,
  legacy: Record<string, unknown> = {},
): Settings {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = key in raw ? raw[key] : key === 'notifications' ? legacy[key] : undefined;
    const parsed = Settings.shape[key].safeParse(value);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}

/** One store per core (createCore builds it): no module-level state. */
export function createSettingsStore(dataDir: string): SettingsStore {
  const path = join(dataDir, SETTINGS_FILE);
  let settings = parseSettings(readJson(path), readJson(join(dataDir, LEGACY_DESKTOP_FILE)));
  let queue: Promise<unknown> = Promise.resolve();
  const listeners = new Set<(s: Settings) => void>();
  return {
    current: () => settings,
    set(patch) {
      const write = queue.then(async () => {
        const next = { ...settings, ...patch };
        // Nothing changes in memory unless the file was written.
        await saveSettings(path, `${JSON.stringify(next, null, 2)}\n`, 'the settings');
        settings = next;
        for (const l of listeners) l(next);
        return next;
      });
      queue = write.catch(() => undefined);
      return write;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
