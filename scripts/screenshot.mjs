// Takes a screenshot of a Porthole page in Debian's Chromium: node scripts/screenshot.mjs URL OUT.png [#/route]
import { chromium } from 'playwright-core';

const [url, out, hash = ''] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [#/route]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const page = await browser.newPage({
  viewport: { width: 1280, height: 720 },
  colorScheme: process.env.COLOR_SCHEME === 'dark' ? 'dark' : 'light',
});
await page.goto(url);
if (hash) await page.evaluate((h) => (globalThis.location.hash = h), hash);
await page.waitForTimeout(Number(process.env.WAIT_MS ?? 1500));
await page.screenshot({ path: out });
await browser.close();
console.log(`saved ${out}`);
