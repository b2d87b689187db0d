import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { openApp } from './harness/app';
import { BUSYBOX_IMAGE, cli as engineCli } from './harness/engine';
import { useOwnEngine } from './harness/own-engine';
import { DOCKER_CLI, sleep } from './harness/proc';
import { expect, test } from './fixtures';
import { ImagesPage } from './pages/images';

const MB = 1024 * 1024;

/** A figure from /proc/PID/status ("VmHWM:  123456 kB"), in bytes. */
function procStatus(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return Number(m?.[1] ?? 0) * 1024;
}

async function hashed(bytes: Readable): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of bytes) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

// The defect: image save pushed base64 chunks with no acknowledgements, so a multi-GB save
// filled main's and the renderer's memory. This saves a 512 MB image through the UI with an
// app instance of its own (so main's peak RSS is this test's alone) and checks that memory
// stays bounded and the file is what `docker save` writes.
test.describe('saving a 512 MB image', () => {
  test.describe.configure({ mode: 'serial' });
  const own = useOwnEngine(test, 'save-memory');
  const cli = (...args: string[]) => engineCli(own.engine, args);
  const ref = 'porthole-big:512';
  let dir = '';
  const file = () => join(dir, 'saved.tar');
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'porthole-save-'));
  });
  test.afterAll(() => {
    try {
      cli('rmi', '-f', ref);
    } catch {
      /* not built, or the engine is gone */
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('main stays under 300 MB and the renderer heap under 200 MB; bytes as docker save', async ({
    page,
  }) => {
    test.setTimeout(150_000);
    // 512 MB of random bytes (incompressible), made offline from the suite's busybox image.
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${BUSYBOX_IMAGE}\nRUN head -c 536870912 /dev/urandom > /big\n`,
    );
    cli('build', '-q', '-t', ref, join(dir));
    await openApp(page, own.app, '#/images');
    await expect(page.getByRole('status').first()).toContainText('Connected');
    const images = new ImagesPage(page);
    await images.open();
    await expect(images.row(ref)).toBeVisible();

    // Sampled while the save runs: V8's heap and the ArrayBuffers it holds outside it.
    const cdp = await page.context().newCDPSession(page);
    let heapPeak = 0;
    let mainRssPeak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const u = (await cdp.send('Runtime.getHeapUsage')) as {
          usedSize: number;
          backingStorageSize?: number;
        };
        heapPeak = Math.max(heapPeak, u.usedSize + (u.backingStorageSize ?? 0));
        mainRssPeak = Math.max(mainRssPeak, procStatus(own.app.pid, 'VmRSS'));
        await sleep(200);
      }
    })();

    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await images.action('Save', ref).click();
    // The browser streams the body to disk itself (a ticket, then /download?ticket=…).
    await expect(page.getByRole('status').filter({ hasText: `Saving ${ref} as` })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('saving.png') });
    await (await downloading).saveAs(file());
    sampling = false;
    await sampler;

    const mainPeak = procStatus(own.app.pid, 'VmHWM');
    test.info().annotations.push({
      type: 'memory',
      description: `main VmHWM ${(mainPeak / MB).toFixed(0)} MB (sampled RSS peak ${(mainRssPeak / MB).toFixed(0)} MB), renderer heap peak ${(heapPeak / MB).toFixed(0)} MB`,
    });
    expect(mainPeak).toBeLessThan(300 * MB);
    expect(heapPeak).toBeLessThan(200 * MB);

    // The oracle, hashed as it streams (never whole in this process's memory either).
    const oracle = await hashed(spawn(DOCKER_CLI, ['-H', own.engine.host, 'save', ref]).stdout);
    expect(oracle.size).toBeGreaterThan(512 * MB);
    const saved = await hashed(createReadStream(file()));
    expect(saved.size).toBe(oracle.size);
    expect(saved.sha256).toBe(oracle.sha256);
  });

  test('loading that .tar can be cancelled mid-upload: nothing loads, main stays bounded', async ({
    page,
  }) => {
    cli('rmi', ref);
    // The engine loads as fast as the disk allows, so "mid-upload" is made sure of: web mode
    // sends the file as one POST /upload body, and Chromium's own throttle holds it to 4 MB/s.
    const posts: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/upload') posts.push(r.method());
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 4 * 1024 * 1024,
    });
    await openApp(page, own.app, '#/images');
    await expect(page.getByRole('status').first()).toContainText('Connected');
    const images = new ImagesPage(page);
    await images.open();
    await page.getByLabel('Load images from a .tar file').setInputFiles(file());
    const progress = page.getByRole('progressbar', { name: 'Loading saved.tar' });
    await expect(progress).toBeVisible();
    // It moves: the body's bytes go out (XHR's upload progress), held to the throttle.
    await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
    expect(posts).toEqual(['POST']);
    await page.screenshot({ path: test.info().outputPath('loading.png') });
    await page.getByRole('button', { name: 'Cancel loading saved.tar' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Cancelled loading saved.tar.' }),
    ).toBeVisible();
    await expect(progress).toHaveCount(0);
    expect(cli('image', 'ls', '-q', ref)).toBe('');
    expect(procStatus(own.app.pid, 'VmHWM')).toBeLessThan(300 * MB);
  });
});
