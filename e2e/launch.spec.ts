import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './harness/registry';
import { expect, test } from './fixtures';

const ROOT = join(__dirname, '..');
const START = join(ROOT, 'scripts', 'start.mjs');

/** Runs `npm start`'s launcher in web mode until it prints its line; returns that output. */
function launch(
  args: string[],
  dockerHost: string,
): Promise<{ lines: string[]; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [START, '--web', '--no-open', ...args], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_HOST: dockerHost, PORTHOLE_LOG: 'silent' },
    });
    let out = '';
    const timer = setTimeout(
      () => (child.kill(), reject(new Error(`no URL printed: ${out}`))),
      20_000,
    );
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve({ lines: out.trim().split('\n'), stop: () => child.kill('SIGTERM') });
      }
    });
    child.on('error', reject);
  });
}

test('npm start in web mode prints one line with a loopback URL and token, and serves it', async ({
  suite,
}) => {
  const { lines, stop } = await launch([], suite.engine.host);
  try {
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Porthole web UI: http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/,
    );
    const url = lines[0]!.slice('Porthole web UI: '.length);
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
  } finally {
    stop();
  }
});

test('--port N binds that port; each launch has a new token', async ({ suite }) => {
  const port = await freePort();
  const a = await launch(['--port', String(port)], suite.engine.host);
  a.stop();
  await new Promise((r) => setTimeout(r, 300));
  const b = await launch([`--port=${port}`], suite.engine.host);
  try {
    expect(a.lines[0]).toContain(`http://127.0.0.1:${port}/?token=`);
    expect(b.lines[0]).toContain(`http://127.0.0.1:${port}/?token=`);
    expect(a.lines[0]).not.toBe(b.lines[0]);
  } finally {
    b.stop();
  }
});

test('an unknown flag is refused with the list of options', () => {
  const r = spawnSync(process.execPath, [START, '--web', '--bogus'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('Unknown option --bogus');
  expect(r.stderr).toContain('--port N');
});
