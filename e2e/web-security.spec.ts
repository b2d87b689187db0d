import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { openSocket, sessionCookie } from './harness/web-client';
import { expect, test } from './fixtures';

test.describe('web mode security', () => {
  test('the token is traded for an HttpOnly SameSite=Strict cookie and leaves the URL', async ({
    suite,
  }) => {
    const res = await fetch(suite.app.url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const token = new URL(suite.app.url).searchParams.get('token')!;
    expect(Buffer.from(token, 'base64url').length).toBe(32);
  });

  test('the browser ends on a URL without the token and cannot read the session cookie', async ({
    page,
    suite,
  }) => {
    await page.goto(suite.app.url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => document.cookie)).not.toContain('porthole_session');
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

  test('WebSocket: no cookie → 401; foreign or missing Origin, foreign Host → 403', async ({
    suite,
  }) => {
    const cookie = await sessionCookie(suite.app);
    const origin = suite.app.origin;
    await expect(openSocket(suite.app, { Origin: origin })).rejects.toThrow('HTTP 401');
    await expect(
      openSocket(suite.app, { Origin: origin, Cookie: 'porthole_session=forged' }),
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
