import { z } from 'zod';
import { call } from '../define';
import { lazy } from '../lazy';

/**
 * Porthole's own preferences (settings.json in the data dir, written atomically by main). The
 * default engine is not here: it is the engines' own (`engines.setDefault`, `isDefault`).
 */
export const Theme = lazy(() => z.enum(['system', 'light', 'dark']));
export type Theme = z.infer<typeof Theme>;

/** A CSS font-family list for the terminal: names, spaces, commas, quotes and dashes only. */
const FontFamily = lazy(() =>
  z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w \-,'".]+$/, 'font names separated by commas'),
);

export const Settings = lazy(() =>
  z.strictObject({
    theme: Theme,
    /** Lines of history a log view asks the engine for when it opens (docker logs --tail). */
    logTail: z.number().int().min(0).max(100_000),
    /** Lines a log view keeps before it drops the oldest. */
    logBuffer: z.number().int().min(1_000).max(1_000_000),
    terminalFont: FontFamily,
    terminalFontSize: z.number().int().min(8).max(32),
    /**
     * A blinking terminal cursor. Off by default: xterm restarts the blink on every key, and the
     * frame that draws it makes Chromium hold the echo's message back until it is painted
     * (about one frame, 13 ms of a 15 ms echo in bench/exec.ts).
     */
    terminalCursorBlink: z.boolean(),
    /** Ask before removing a container, image, volume or network. */
    confirmRemove: z.boolean(),
    /** Desktop notifications for finished operations and non-zero exits (Electron). */
    notifications: z.boolean(),
  }),
);
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  logTail: 1_000,
  logBuffer: 50_000,
  terminalFont: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  terminalFontSize: 13,
  terminalCursorBlink: false,
  confirmRemove: true,
  notifications: true,
};

export const settingsCalls = {
  'settings.get': call(
    lazy(() => z.strictObject({})),
    Settings,
  ),
  /** Changes the fields given; answers with all of them as saved. */
  'settings.set': call(
    lazy(() => Settings.partial()),
    Settings,
  ),
} as const;
