import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { redeem, startApp, stopApp, type AppHandle } from './harness/app';
import { BUSYBOX_IMAGE } from './harness/engine';
import { DOCKER_CLI } from './harness/proc';
import type { SuiteState } from './harness/state';
import {
  connectClient,
  httpUpload,
  openSocket,
  pageSecret,
  sessionCookie,
} from './harness/web-client';
import { expect, test } from './fixtures';

test.describe('web mode security', () => {
  /** A web-mode instance of the test's own, its login URL not yet used. */
  async function ownApp(suite: SuiteState, env: NodeJS.ProcessEnv = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'porthole-websec-'));
    const app = await startApp({
      dockerHost: suite.engine.host,
      dataDir: join(dir, 'data'),
      logFile: join(dir, 'app.log'),
      env,
      redeem: false,
    });
    return {
      app,
      dispose: async () => (await stopApp(app), rmSync(dir, { recursive: true, force: true })),
    };
  }

  test('the token is traded once for an HttpOnly SameSite=Strict cookie named for this instance', async ({
    suite,
  }) => {
    const own = await ownApp(suite);
    try {
      const res = await fetch(own.app.url, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/');
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^porthole_[0-9a-f]{12}=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const token = new URL(own.app.url).searchParams.get('token')!;
      expect(Buffer.from(token, 'base64url').length).toBe(32);
      // Reused — by another local user who read it somewhere, say — it is worth nothing.
      const again = await fetch(own.app.url, { redirect: 'manual' });
      expect(again.status).toBe(401);
      expect(again.headers.get('set-cookie')).toBeNull();
      // Two instances never share or overwrite a session cookie.
      expect(cookie.split('=')[0]).not.toBe(suite.app.cookie.split('=')[0]);
      const theirs = await fetch(`${own.app.origin}/`, { headers: { Cookie: suite.app.cookie } });
      expect(theirs.status).toBe(401);
    } finally {
      await own.dispose();
    }
  });

  test('a token older than its time to live is refused', async ({ suite }) => {
    const own = await ownApp(suite, { PORTHOLE_TOKEN_TTL_MS: '1000' });
    try {
      await new Promise((r) => setTimeout(r, 1500));
      expect((await fetch(own.app.url, { redirect: 'manual' })).status).toBe(401);
    } finally {
      await own.dispose();
    }
  });

  test('the login URL never stands in a command line: the browser gets a 0600 launch file', async ({
    suite,
  }) => {
    // Web mode started as `npm start` does (browser opening on): its children's argv and its
    // own must not hold a token.
    const dir = mkdtempSync(join(tmpdir(), 'porthole-open-'));
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const seen = join(dir, 'opened.txt');
    // A stand-in for xdg-open that records what it was asked to open.
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$@" >> ${seen}\n`, { mode: 0o755 });
    const app = await startApp({
      dockerHost: suite.engine.host,
      dataDir: join(dir, 'data'),
      logFile: join(dir, 'app.log'),
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
      redeem: false,
      open: true,
    });
    try {
      await expect
        .poll(() => (existsSync(seen) ? readFileSync(seen, 'utf8') : ''))
        .toMatch(/file:/);
      const target = readFileSync(seen, 'utf8').trim();
      expect(target).not.toContain('token');
      const file = fileURLToPath(target);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const href = /url=([^"]+)"/.exec(readFileSync(file, 'utf8'))![1]!.replaceAll('&amp;', '&');
      expect(href).toContain('token=');
      expect(readFileSync(`/proc/${app.pid}/cmdline`, 'utf8')).not.toContain('token');
      // The browser's token is its own: it works once, like the printed one.
      expect((await fetch(href, { redirect: 'manual' })).status).toBe(302);
      expect((await fetch(app.url, { redirect: 'manual' })).status).toBe(302);
    } finally {
      await stopApp(app);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the browser ends on a URL without the token and cannot read the session cookie', async ({
    page,
    suite,
  }) => {
    const own = await ownApp(suite);
    try {
      await page.goto(own.app.url);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status')).toContainText('Connected');
      expect(page.url()).not.toContain('token');
      expect(await page.evaluate(() => document.cookie)).not.toContain('porthole_');
    } finally {
      await own.dispose();
    }
  });

  test('HTTP: missing or wrong token → 401; foreign Host or Origin → 403', async ({ suite }) => {
    const base = `http://127.0.0.1:${suite.app.port}`;
    expect((await fetch(`${base}/`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong`, { redirect: 'manual' })).status).toBe(401);
    const cookie = await sessionCookie(suite.app);
    expect((await fetch(`${base}/`, { headers: { Cookie: cookie } })).status).toBe(200);
    expect(
      (await fetch(`${base}/`, { headers: { Cookie: 'porthole_session=forged' } })).status,
    ).toBe(401);
    // fetch will not let a caller set Host (DNS rebinding sends a foreign one); node:http will.
    const rawStatus = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: suite.app.port,
            path: '/',
            headers: { Host: host, Cookie: cookie },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end();
      });
    expect(await rawStatus('evil.example')).toBe(403);
    expect(await rawStatus(`evil.example:${suite.app.port}`)).toBe(403);
    expect(await rawStatus(`127.0.0.1:${suite.app.port}`)).toBe(200);
    expect(
      (await fetch(`${base}/`, { headers: { Cookie: cookie, Origin: 'http://evil.example' } }))
        .status,
    ).toBe(403);
    expect(
      (
        await fetch(`${base}/`, {
          headers: { Cookie: cookie, Origin: `http://127.0.0.1:${suite.app.port + 1}` },
        })
      ).status,
    ).toBe(403);
  });

  test('responses carry a strict CSP without unsafe-eval', async ({ suite }) => {
    const cookie = await sessionCookie(suite.app);
    const res = await fetch(`http://127.0.0.1:${suite.app.port}/`, { headers: { Cookie: cookie } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('WebSocket: no cookie, or no page secret → 401; foreign or missing Origin, foreign Host → 403', async ({
    suite,
  }) => {
    const cookie = await sessionCookie(suite.app);
    const origin = suite.app.origin;
    await expect(openSocket(suite.app, { Origin: origin })).rejects.toThrow('HTTP 401');
    await expect(
      openSocket(suite.app, { Origin: origin, Cookie: `${cookie.split('=')[0]}=forged` }),
    ).rejects.toThrow('HTTP 401');
    // The cookie without a page secret (what any page on 127.0.0.1 can make a browser send).
    await expect(openSocket(suite.app, { Cookie: cookie, Origin: origin }, [])).rejects.toThrow(
      'HTTP 401',
    );
    await expect(
      openSocket(suite.app, { Cookie: cookie, Origin: origin }, [
        'porthole.v2',
        'porthole.page.guess',
      ]),
    ).rejects.toThrow('HTTP 401');
    await expect(
      openSocket(suite.app, { Cookie: cookie, Origin: 'http://evil.example' }),
    ).rejects.toThrow('HTTP 403');
    await expect(openSocket(suite.app, { Cookie: cookie })).rejects.toThrow('HTTP 403');
    await expect(
      openSocket(suite.app, { Cookie: cookie, Origin: origin, Host: 'evil.example' }),
    ).rejects.toThrow('HTTP 403');
    const ok = await openSocket(suite.app, { Cookie: cookie, Origin: origin });
    ok.close();
  });

  test('downloads: the page secret is required; only download streams; input validated', async ({
    suite,
  }) => {
    const cookie = await sessionCookie(suite.app);
    const secret = await pageSecret(suite.app);
    const url = (name: string, input: unknown) =>
      `${suite.app.origin}/download?${new URLSearchParams({ name, input: JSON.stringify(input) })}`;
    const save = url('images.save', { engineId: 'env', ids: ['test/busybox:latest'] });
    expect((await fetch(save)).status).toBe(401);
    expect((await fetch(save, { headers: { Cookie: cookie } })).status).toBe(401);
    const withSecret = { Cookie: cookie, 'X-Porthole-Page': secret };
    const notADownload = await fetch(url('containers.stats', { engineId: 'env', ids: [] }), {
      headers: withSecret,
    });
    expect(notADownload.status).toBe(400);
    const bad = await fetch(url('images.save', { engineId: 'env', ids: [] }), {
      headers: withSecret,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('INVALID_INPUT');
    const missing = await fetch(
      url('volumes.download', { engineId: 'env', name: 'pt-no-such-volume', path: 'x' }),
      {
        headers: withSecret,
      },
    );
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toMatch(/no such volume/i);
    const ok = await fetch(save, { headers: withSecret });
    expect(ok.status).toBe(200);
    // A tar: 512-byte headers, "ustar" at offset 257 of the first.
    const head = new Uint8Array(await ok.arrayBuffer()).subarray(257, 262);
    expect(new TextDecoder().decode(head)).toBe('ustar');
  });

  /** A navigation-download ticket for `docker save BUSYBOX`, asked for over the socket. */
  async function saveTicket(app: AppHandle, filename = 'busybox.tar'): Promise<string> {
    const client = await connectClient(app);
    try {
      const r = (await client.call('downloads.ticket', {
        stream: 'images.save',
        input: { engineId: 'env', ids: [BUSYBOX_IMAGE] },
        filename,
      })) as { ok: boolean; value?: { ticket: string; expiresInMs: number } };
      expect(r.ok).toBe(true);
      expect(r.value!.expiresInMs).toBeLessThanOrEqual(10_000);
      return r.value!.ticket;
    } finally {
      client.close();
    }
  }
  const byTicket = (app: AppHandle, ticket: string, cookie: string | undefined, extra = '') =>
    fetch(`${app.origin}/download?ticket=${encodeURIComponent(ticket)}${extra}`, {
      headers: cookie ? { Cookie: cookie } : {},
    });
  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

  test('download tickets: good once, with the session cookie, for their own stream and input only', async ({
    suite,
  }) => {
    const app = suite.app;
    const oracle = spawnSync(DOCKER_CLI, ['-H', suite.engine.host, 'save', BUSYBOX_IMAGE], {
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(oracle.status).toBe(0);

    await test.step('a ticket is 256 random bits and works once, as docker save', async () => {
      const ticket = await saveTicket(app, '../../up ☃ "x".tar');
      expect(Buffer.from(ticket, 'base64url')).toHaveLength(32);
      const res = await byTicket(app, ticket, app.cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="up _ _x_.tar"; filename*=UTF-8''up%20%E2%98%83%20_x_.tar`,
      );
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(sha256(oracle.stdout));
      expect((await byTicket(app, ticket, app.cookie)).status).toBe(401);
      // Never logged: not the ticket, not the address that carried it.
      expect(readFileSync(app.log, 'utf8')).not.toContain(ticket);
    });

    await test.step('without the session cookie it is refused (and still good with it)', async () => {
      const ticket = await saveTicket(app);
      expect((await byTicket(app, ticket, undefined)).status).toBe(401);
      expect((await byTicket(app, ticket, `${app.cookie.split('=')[0]}=forged`)).status).toBe(401);
      const ok = await byTicket(app, ticket, app.cookie);
      expect(ok.status).toBe(200);
      expect((await ok.arrayBuffer()).byteLength).toBe(oracle.stdout.length);
    });

    await test.step('a ticket cannot carry another stream or input; it is spent by trying', async () => {
      const ticket = await saveTicket(app);
      const other = new URLSearchParams({
        name: 'volumes.download',
        input: JSON.stringify({ engineId: 'env', name: 'x', path: 'etc/passwd' }),
      });
      expect((await byTicket(app, ticket, app.cookie, `&${other}`)).status).toBe(401);
      expect((await byTicket(app, ticket, app.cookie)).status).toBe(401);
      const again = await saveTicket(app);
      const ids = new URLSearchParams({
        input: JSON.stringify({ engineId: 'env', ids: ['sha256:other'] }),
      });
      expect((await byTicket(app, again, app.cookie, `&${ids}`)).status).toBe(401);
    });

    await test.step('a ticket is only issued for a download stream with valid input', async () => {
      const client = await connectClient(app);
      try {
        const refused = async (input: unknown) => {
          const r = (await client.call('downloads.ticket', input)) as {
            ok: boolean;
            error?: { code: string };
          };
          expect(r.ok).toBe(false);
          expect(r.error?.code).toBe('INVALID_INPUT');
        };
        await refused({
          stream: 'containers.stats',
          input: { engineId: 'env', ids: [] },
          filename: 'a',
        });
        await refused({
          stream: 'images.save',
          input: { engineId: 'env', ids: [] },
          filename: 'a',
        });
        await refused({
          stream: 'volumes.download',
          input: { engineId: 'env', ids: [BUSYBOX_IMAGE] },
          filename: 'a',
        });
        await refused({
          stream: 'images.save',
          input: { engineId: 'env', ids: [BUSYBOX_IMAGE] },
          filename: '',
        });
      } finally {
        client.close();
      }
    });
  });

  test('a download ticket older than its time to live is refused', async ({ suite }) => {
    const own = await ownApp(suite, { PORTHOLE_TICKET_TTL_MS: '500' });
    try {
      const app = { ...own.app, cookie: await redeem(own.app.url) };
      const fresh = await saveTicket(app);
      const ok = await byTicket(app, fresh, app.cookie);
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
      const stale = await saveTicket(app);
      await new Promise((r) => setTimeout(r, 800));
      expect((await byTicket(app, stale, app.cookie)).status).toBe(401);
    } finally {
      await own.dispose();
    }
  });

  test('uploads: cookie, page secret and our Origin required; only upload streams; input and manifest checked', async ({
    suite,
    docker,
    uniqueName,
  }) => {
    const name = uniqueName('websec-up');
    docker('run', '-d', '--name', name, 'test/busybox:latest', 'sleep', '600');
    const input = JSON.stringify({ engineId: 'env', id: name, path: '/tmp' });
    const q = { name: 'files.upload', input };
    const bytes = Buffer.from('uploaded over http\n');
    const one = { files: [{ path: 'up.txt', size: bytes.byteLength }], bytes };
    const origin = suite.app.origin;
    const cookie = await sessionCookie(suite.app);
    const good = { Cookie: cookie, Origin: origin, 'X-Porthole-Page': await pageSecret(suite.app) };
    type Q = Record<string, string>;
    type Body = Parameters<typeof httpUpload>[3];
    const up = (query: Q, headers: Q, body: Body = one) =>
      httpUpload(suite.app, query, headers, body);
    expect((await up(q, { Origin: origin })).status).toBe(401);
    expect((await up(q, { Cookie: cookie, Origin: origin })).status).toBe(401);
    expect((await up(q, { ...good, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await up(q, { ...good, Origin: '' })).status).toBe(403); // no Origin
    expect((await up(q, { ...good, Host: 'evil.example' })).status).toBe(403);
    const refused = async (query: Q, body: Body, status: number) => {
      const r = await up(query, good, body);
      expect(r.status).toBe(status);
      expect(r.json?.code).toBe('INVALID_INPUT');
      return String(r.json?.message);
    };
    expect(await refused({ ...q, name: 'files.download' }, one, 400)).toMatch(/not an upload/);
    expect(await refused({ ...q, input: '{"engineId":"env"}' }, one, 400)).toMatch(/Invalid input/);
    expect(await refused({ ...q, input: '{' }, one, 400)).toMatch(/not JSON/);
    const short = { files: [{ path: 'up.txt', size: 999 }], bytes };
    expect(await refused(q, short, 400)).toMatch(/not the size/);
    expect(await refused(q, { ...one, chunked: true }, 411)).toMatch(/Content-Length/);
    const climb = { files: [{ path: '../etc/evil', size: bytes.byteLength }], bytes };
    expect(await refused(q, climb, 400)).toMatch(/relative path/);
    expect(docker('exec', name, 'ls', '/etc')).not.toContain('evil');
    const ok = await up(q, good);
    expect(ok).toEqual({ status: 200, json: { events: [{ kind: 'done', files: 1, bytes: 19 }] } });
    expect(docker('exec', name, 'cat', '/tmp/up.txt')).toBe('uploaded over http');
  });

  test('it listens on 127.0.0.1 only', async ({ suite }) => {
    const r = spawnSync('ss', ['-Hltn', `sport = :${suite.app.port}`], { encoding: 'utf8' });
    test.skip(r.status !== 0, 'ss (iproute2) is not available to list listening sockets');
    const locals = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/)[3]);
    expect(locals).toEqual([`127.0.0.1:${suite.app.port}`]);
  });
});
