/** The part of Electron's `app.commandLine` this uses. */
export interface CommandLine {
  getSwitchValue(name: string): string;
  appendSwitch(name: string, value?: string): void;
}

/**
 * Chromium features the app turns off, and why.
 *
 * DeferRendererTasksAfterInput: after a key press that changes what is on screen, Chromium
 * holds back the page's other tasks — a WebSocket or MessagePort message included — until the
 * next frame is painted. A shell window's echo is exactly such a message: in bench/exec.ts a
 * key's answer reached the page 13 ms after the key instead of 2–4 ms, and the character drew
 * a frame later still. A plain page measured the same: 8.7 ms round trip with the feature,
 * 2.6 ms without (bench RESULTS "Shell echo").
 */
export const DISABLED_FEATURES = ['DeferRendererTasksAfterInput'] as const;

/**
 * Adds ours to whatever `--disable-features` the app was started with (a user's own flags
 * stay). Must run before the app is ready.
 */
export function disableChromiumFeatures(
  commandLine: CommandLine,
  features: readonly string[] = DISABLED_FEATURES,
): string {
  const have = commandLine
    .getSwitchValue('disable-features')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const all = [...new Set([...have, ...features])].join(',');
  commandLine.appendSwitch('disable-features', all);
  return all;
}
