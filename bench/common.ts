import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import type { AppHandle } from '../e2e/harness/app';
import { BUSYBOX_IMAGE } from '../e2e/harness/engine';
import { connectClient } from '../e2e/harness/web-client';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Wall time of a CLI command in ms (spawn included: that is what a user waits for). */
export function timeCli(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * The text of the page's next console message that `wanted` accepts (`what` names it in the
 * timeout's error). Benches have the page say when something happened, so nothing of theirs
 * runs in it while they wait (Playwright's waitForFunction polls in the page).
 */
export function pageSays(
  page: Page,
  wanted: (text: string) => boolean,
  what: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      page.off('console', onMessage);
      reject(new Error(`${what}: not within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (m: ConsoleMessage) => {
      if (!wanted(m.text())) return;
      clearTimeout(timer);
      page.off('console', onMessage);
      resolve(m.text());
    };
    page.on('console', onMessage);
  });
}

/** Appends one machine-readable line per run to bench/results/ (gitignored). */
export function record(name: string, data: Record<string, unknown>) {
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(
    join(dir, `${name}.jsonl`),
    JSON.stringify({ date: new Date().toISOString(), ...data }) + '\n',
  );
}

/** `n` created (never started) busybox containers named bench-0000…, 8 requests at a time. */
export async function createMany(docker: Docker, n: number) {
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      await docker.createContainer({
        Image: BUSYBOX_IMAGE,
        name: `bench-${String(i).padStart(4, '0')}`,
        Cmd: ['true'],
        Labels: { bench: 'list' },
      });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/**
 * Click → the browser's download complete on disk (Playwright's copy of what Chromium saved):
 * how long it took and how many bytes it holds. The file is deleted after.
 */
export async function timeBrowserDownload(
  page: Page,
  click: () => Promise<void>,
  timeout = 600_000,
): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
  const path = await download.path();
  const ms = performance.now() - t0;
  const bytes = statSync(path).size;
  await download.delete();
  return { ms, bytes };
}

/** The engine the app picked by default, from the router itself (the UI remembers only a pick). */
export async function defaultEngineId(app: AppHandle): Promise<string> {
  const client = await connectClient(app);
  try {
    const list = await client.call('engines.list', {});
    const engines = list.value as { id: string; isDefault?: boolean }[];
    return (engines.find((e) => e.isDefault) ?? engines[0])!.id;
  } finally {
    client.close();
  }
}
