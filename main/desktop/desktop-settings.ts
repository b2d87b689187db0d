import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { saveSettings } from '../fs/atomic';

/**
 * The desktop shell's own settings (desktop-settings.json in the data dir): the update feed.
 * (Its `notifications` field is read only once, as settings.json's starting value: the switch
 * now lives in main/settings/store.ts, shared by the Settings screen and the menu.) The feed is
 * none by default, so Porthole never asks anyone for updates
 * unless whoever packages or installs it says where.
 */
export const DesktopSettings = z.strictObject({
  notifications: z.boolean(),
  /** An electron-updater "generic" feed (https only); null: updates off. */
  updateFeed: z.string().max(2048).url().startsWith('https://').nullable(),
});
export type DesktopSettings = z.infer<typeof DesktopSettings>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = { notifications: true, updateFeed: null };
export const DESKTOP_SETTINGS_FILE = 'desktop-settings.json';

/** What is saved, each field falling back to its default when missing or wrong. */
export function parseDesktopSettings(text: string | undefined): DesktopSettings {
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    raw = {};
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const field = <K extends keyof DesktopSettings>(key: K): DesktopSettings[K] => {
    const parsed = DesktopSettings.shape[key].safeParse(o[key]);
    return parsed.success ? (parsed.data as DesktopSettings[K]) : DEFAULT_DESKTOP_SETTINGS[key];
  };
  return { notifications: field('notifications'), updateFeed: field('updateFeed') };
}

/** The feed to check: PORTHOLE_UPDATE_FEED when set (and https), else the saved one. */
export function updateFeed(settings: DesktopSettings, env: NodeJS.ProcessEnv): string | null {
  const fromEnv = env.PORTHOLE_UPDATE_FEED;
  if (fromEnv !== undefined) {
    const parsed = DesktopSettings.shape.updateFeed.safeParse(fromEnv || null);
    return parsed.success ? parsed.data : null;
  }
  return settings.updateFeed;
}

export async function loadDesktopSettings(dataDir: string): Promise<DesktopSettings> {
  const text = await readFile(join(dataDir, DESKTOP_SETTINGS_FILE), 'utf8').catch(() => undefined);
  return parseDesktopSettings(text);
}

export function saveDesktopSettings(dataDir: string, settings: DesktopSettings): Promise<void> {
  return saveSettings(
    join(dataDir, DESKTOP_SETTINGS_FILE),
    `${JSON.stringify(settings, null, 2)}\n`,
    'the desktop settings',
  );
}
