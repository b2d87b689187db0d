import { randomBytes } from 'node:crypto';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PortholeFailure } from '../engine/errors';

/**
 * Writes a file so that a crash at any moment leaves either the old content or the new, never
 * half of one: a temp file beside it, then rename (atomic on one file system). The temp file is
 * removed when the write fails (a read-only data dir, a full disk).
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, data, { mode });
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

const WHY: Record<string, [reason: string, fix: string]> = {
  EROFS: [
    'the file system is read-only',
    'Make that folder writable (or set PORTHOLE_DATA_DIR to another one), then try again.',
  ],
  EACCES: ['permission denied', 'Check who owns that folder and its permissions, then try again.'],
  EPERM: ['permission denied', 'Check who owns that folder and its permissions, then try again.'],
  ENOSPC: ['the disk is full', 'Free some disk space, then try again.'],
  ENOTDIR: [
    'a file stands where that folder should be',
    'Move that file away (or set PORTHOLE_DATA_DIR to another folder), then try again.',
  ],
};
WHY.EEXIST = WHY.ENOTDIR!;

/**
 * writeFileAtomic for Porthole's own settings: a failure says which settings, where, why, and
 * that nothing was changed (the old file is intact: the temp file never replaced it).
 */
export async function saveSettings(
  path: string,
  data: string,
  what: string,
  mode = 0o600,
): Promise<void> {
  try {
    await writeFileAtomic(path, data, mode);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'an error';
    const [reason, fix] = WHY[code] ?? [code, 'Try again; if it keeps failing, check that folder.'];
    throw new PortholeFailure({
      code: code === 'ENOSPC' ? 'INTERNAL' : 'FORBIDDEN',
      message: `Could not save ${what} in “${dirname(path)}”: ${reason}.`,
      hint: `Nothing was changed. ${fix}`,
    });
  }
}
