import { statSync } from 'node:fs';
import { delimiter as hostDelimiter, isAbsolute, join, win32 } from 'node:path';

export interface WhichEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  isFile(path: string): boolean;
}

export function realWhichEnv(): WhichEnv {
  return {
    platform: process.platform,
    env: process.env,
    isFile: (p) => {
      try {
        return statSync(p).isFile();
      } catch {
        return false;
      }
    },
  };
}

/**
 * The absolute path of a program, looked up on PATH only. A bare name handed to spawn on Windows
 * is searched in the current directory first, so a `docker-credential-desktop.exe` planted in
 * whatever folder Porthole was started from would be run with the user's secrets; an absolute
 * path from PATH never is. Relative PATH entries are skipped for the same reason.
 */
export function which(name: string, w: WhichEnv = realWhichEnv()): string | undefined {
  if (name.includes('/') || name.includes('\\')) return undefined;
  const windows = w.platform === 'win32';
  const pathVar = windows ? (w.env.Path ?? w.env.PATH ?? '') : (w.env.PATH ?? '');
  const dirs = pathVar.split(windows ? ';' : hostDelimiter).filter(Boolean);
  const exts = windows ? (w.env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean) : [''];
  const joinPath = windows ? win32.join : join;
  const absolute = windows ? win32.isAbsolute : isAbsolute;
  for (const dir of dirs) {
    if (!absolute(dir)) continue;
    for (const ext of exts) {
      const candidate = joinPath(dir, name + ext.toLowerCase());
      if (w.isFile(candidate)) return candidate;
      if (windows) {
        const upper = joinPath(dir, name + ext);
        if (w.isFile(upper)) return upper;
      }
    }
  }
  return undefined;
}
