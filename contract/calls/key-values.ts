import { z } from 'zod';
import { BoundedRecord } from '../define';
import { lazy } from '../lazy';

/**
 * Labels and driver options as people type them: one KEY=VALUE per line. Pure and shared, so the
 * dialog marks the bad line before anything is sent.
 */
export function parseKeyValues(
  text: string,
): { ok: true; value: Record<string, string> } | { ok: false; message: string } {
  const value: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    const key = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (!key) return { ok: false, message: `Line ${i + 1}: write KEY=VALUE (the key is missing).` };
    if (/\s/.test(key)) return { ok: false, message: `Line ${i + 1}: a key has no spaces.` };
    if (Object.hasOwn(value, key)) {
      return { ok: false, message: `Line ${i + 1}: “${key}” is given twice.` };
    }
    value[key] = eq < 0 ? '' : line.slice(eq + 1).trim();
  }
  return { ok: true, value };
}

/** The router's side of the same rule. */
export const KeyValues = lazy(() =>
  BoundedRecord(
    z.string().min(1).max(256).regex(/^\S+$/, 'a key has no spaces'),
    z.string().max(2048),
    100,
  ),
);

/** Names the engine accepts for volumes (and that we ask of networks): [a-zA-Z0-9][a-zA-Z0-9_.-]+ */
export const RESOURCE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

export function checkResourceName(name: string, what: 'volume' | 'network'): string | undefined {
  if (!name) return `Give the ${what} a name.`;
  if (name.length > 128) return `At most 128 characters.`;
  if (!RESOURCE_NAME.test(name)) {
    return 'Use at least 2 characters: letters, digits, “_”, “.” or “-”, starting with a letter or digit.';
  }
  return undefined;
}
