/** "KEY=VALUE" lines → build args; blank lines and # comments skipped. Pure, for the form. */
export function parseBuildArgs(
  text: string,
): { ok: true; args: Record<string, string> } | { ok: false; message: string } {
  const args: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    const key = eq < 0 ? line : line.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      return { ok: false, message: `Line ${i + 1}: "${key}" is not a valid argument name.` };
    }
    args[key] = eq < 0 ? '' : line.slice(eq + 1);
  }
  return { ok: true, args };
}

/**
 * The order a context's files are sent in: the .dockerignore first, since main applies its
 * rules to the files that follow it.
 */
export function uploadOrder<T extends { name: string }>(files: T[]): T[] {
  return [...files].sort(
    (a, b) => Number(b.name === '.dockerignore') - Number(a.name === '.dockerignore'),
  );
}
