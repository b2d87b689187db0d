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

/** Bytes → base64 without blowing the call stack on big files. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
