/**
 * Which highlight.js language a previewed file is, from its name and a shebang; undefined:
 * plain text. Only the languages highlight.ts registers (a small set, so the chunk stays small).
 */
export type Language =
  | 'bash'
  | 'json'
  | 'yaml'
  | 'dockerfile'
  | 'ini'
  | 'xml'
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'nginx'
  | 'sql'
  | 'markdown';

/** The whole file must be at most this to be highlighted (it is then read whole). */
export const HIGHLIGHT_BYTES = 256 * 1024;

const BY_EXTENSION: Record<string, Language> = {
  sh: 'bash',
  bash: 'bash',
  ash: 'bash',
  zsh: 'bash',
  ksh: 'bash',
  env: 'bash',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  yml: 'yaml',
  yaml: 'yaml',
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  ini: 'ini',
  toml: 'ini',
  cfg: 'ini',
  cnf: 'ini',
  conf: 'ini',
  properties: 'ini',
  service: 'ini',
  xml: 'xml',
  html: 'xml',
  htm: 'xml',
  xhtml: 'xml',
  svg: 'xml',
  plist: 'xml',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  pyw: 'python',
  go: 'go',
  sql: 'sql',
  md: 'markdown',
  markdown: 'markdown',
};

const BY_NAME: Record<string, Language> = {
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  'nginx.conf': 'nginx',
  '.bashrc': 'bash',
  '.profile': 'bash',
  '.bash_profile': 'bash',
  '.env': 'bash',
  'go.mod': 'go',
  pipfile: 'ini',
};

const BY_INTERPRETER: [RegExp, Language][] = [
  [/^(ba|da|a|k|z)?sh$/, 'bash'],
  [/^python[0-9.]*$/, 'python'],
  [/^(node|nodejs|deno|bun)$/, 'javascript'],
  [/^(ts-node|tsx)$/, 'typescript'],
];

/** "#!/bin/sh", "#!/usr/bin/env -S python3 -u" → the interpreter's name. */
function interpreter(firstLine: string): string | undefined {
  const m = /^#!\s*(\S+)(.*)$/.exec(firstLine);
  if (!m) return undefined;
  let prog = m[1]!.slice(m[1]!.lastIndexOf('/') + 1);
  if (prog === 'env') {
    const args = m[2]!
      .trim()
      .split(/\s+/)
      .filter((a) => a && !a.startsWith('-') && !a.includes('='));
    prog = args[0] ?? '';
  }
  return prog;
}

export function languageFor(path: string, text: string): Language | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const byName = BY_NAME[name];
  if (byName) return byName;
  // Dockerfile.dev, app.dockerfile; nginx sites in /etc/nginx.
  if (name.startsWith('dockerfile.') || name.startsWith('containerfile.')) return 'dockerfile';
  if (/\/nginx\//.test(path) && (name.endsWith('.conf') || !name.includes('.'))) return 'nginx';
  const dot = name.lastIndexOf('.');
  const byExtension =
    dot > 0 || name.startsWith('.') ? BY_EXTENSION[name.slice(dot + 1)] : undefined;
  if (byExtension) return byExtension;
  const prog = interpreter(text.slice(0, Math.min(text.length, 256)).split('\n', 1)[0]!);
  if (prog) return BY_INTERPRETER.find(([re]) => re.test(prog))?.[1];
  return undefined;
}
