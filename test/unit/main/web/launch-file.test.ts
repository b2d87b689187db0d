import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { opener, writeLaunchFile } from '../../../../main/web/launch-file';

describe('the launch file', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'porthole-launch-')), 'launch');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is readable by this user only and sends the browser on to the login URL', () => {
    // Not a hex string: the file's random name (hex) can never contain it by chance.
    const url = 'http://127.0.0.1:4321/?token=sekrit&x="y"';
    const path = writeLaunchFile(dir, url);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toContain('token=sekrit&amp;x=&quot;y&quot;');
    // The path handed to the browser names no secret.
    expect(path).not.toContain('sekrit');
  });

  it('opens with an absolute program from PATH, never a bare name', () => {
    const isFile = (p: string) => ['/usr/bin/xdg-open', 'C:\\Windows\\explorer.exe'].includes(p);
    expect(opener({ platform: 'linux', env: { PATH: '/usr/bin' }, isFile })?.program).toBe(
      '/usr/bin/xdg-open',
    );
    expect(
      opener({ platform: 'win32', env: { Path: '.;C:\\Windows', PATHEXT: '.EXE' }, isFile })
        ?.program,
    ).toBe('C:\\Windows\\explorer.exe');
    expect(opener({ platform: 'linux', env: { PATH: '' }, isFile })).toBeUndefined();
  });
});
