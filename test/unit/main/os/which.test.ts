import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../main/fs/atomic';
import { which, type WhichEnv } from '../../../../main/os/which';

const files = (...paths: string[]) => new Set(paths);

describe('which', () => {
  it('finds a program on PATH by absolute path, in PATH order', () => {
    const w: WhichEnv = {
      platform: 'linux',
      env: { PATH: '/usr/local/bin:/usr/bin' },
      isFile: (p) => files('/usr/bin/docker-credential-pass', '/usr/local/bin/xdg-open').has(p),
    };
    expect(which('docker-credential-pass', w)).toBe('/usr/bin/docker-credential-pass');
    expect(which('xdg-open', w)).toBe('/usr/local/bin/xdg-open');
    expect(which('missing', w)).toBeUndefined();
  });

  it('on Windows, never the current directory or a relative PATH entry; PATHEXT honoured', () => {
    const w: WhichEnv = {
      platform: 'win32',
      env: { Path: '.;bin;C:\\Program Files\\Docker\\resources\\bin', PATHEXT: '.COM;.EXE;.BAT' },
      isFile: (p) =>
        files(
          '.\\docker-credential-desktop.exe',
          'bin\\docker-credential-desktop.exe',
          'C:\\Program Files\\Docker\\resources\\bin\\docker-credential-desktop.exe',
        ).has(p),
    };
    expect(which('docker-credential-desktop', w)).toBe(
      'C:\\Program Files\\Docker\\resources\\bin\\docker-credential-desktop.exe',
    );
  });

  it('refuses names with a path in them', () => {
    const w: WhichEnv = { platform: 'linux', env: { PATH: '/usr/bin' }, isFile: () => true };
    expect(which('../evil', w)).toBeUndefined();
    expect(which('a\\b', w)).toBeUndefined();
  });
});

describe('writeFileAtomic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'porthole-atomic-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the file whole with the mode asked for, leaving no temp file', async () => {
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"old":true}');
    await writeFileAtomic(path, '{"new":true}', 0o600);
    expect(readFileSync(path, 'utf8')).toBe('{"new":true}');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('a failed write leaves what was there intact and no temp file behind', async () => {
    // The rename fails deterministically (even as root): the target is a non-empty folder.
    const target = join(dir, 'occupied');
    await writeFileAtomic(join(target, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
    expect(readdirSync(dir).sort()).toEqual(['occupied', 'settings.json']);
  });
});
