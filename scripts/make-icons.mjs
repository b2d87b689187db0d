// Renders the app icon set from renderer/public/icon.svg in Debian's Chromium: node scripts/make-icons.mjs
// Writes assets/icon.svg, icon.png (1024), icons/<N>x<N>.png (Linux), icon.ico (Windows),
// icon.icns (macOS), tray.png / tray@2x.png, and overlay/1.png … 9.png, 9plus.png (Windows'
// taskbar has no badge count: a small overlay icon shows the running count). ICO and ICNS both
// embed PNG data, built by hand.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');
const svg = await readFile(join(root, 'renderer/public/icon.svg'), 'utf8');

const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 32, 48, 256];
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];
const TRAY = [
  ['tray.png', 22],
  ['tray@2x.png', 44],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
  ],
});
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });

/** @type {Map<number, Buffer>} */
const cache = new Map();
/** The taskbar overlay: a count on a dot, 32 px (16 px at 2x). */
const OVERLAY_SIZE = 32;
const overlaySvg = (label) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">` +
  `<circle cx="16" cy="16" r="15" fill="#1f6feb" stroke="#ffffff" stroke-width="2"/>` +
  `<text x="16" y="21.5" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif" ` +
  `font-weight="bold" font-size="${label.length > 1 ? 13 : 17}" fill="#ffffff">${label}</text></svg>`;

async function renderSvg(markup, size) {
  await page.setViewportSize({ width: 64, height: 64 });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
      `svg{display:block}</style></head><body>${markup}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

async function render(size) {
  const hit = cache.get(size);
  if (hit) return hit;
  const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setViewportSize({ width: Math.max(size, 64), height: Math.max(size, 64) });
  await page.setContent(
    `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent}` +
      `svg{display:block}</style></head><body>${sized}</body></html>`,
  );
  const png = await page.screenshot({
    omitBackground: true,
    clip: { x: 0, y: 0, width: size, height: size },
  });
  if (png.readUInt32BE(16) !== size || png.readUInt32BE(20) !== size) {
    throw new Error(`rendered ${size}px icon has the wrong dimensions`);
  }
  cache.set(size, png);
  return png;
}

/** ICO: 6-byte ICONDIR, one 16-byte ICONDIRENTRY per image, then the PNG blobs. */
function buildIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width, 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height, 0 means 256
    e.writeUInt8(0, 2); // palette colours
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS: 'icns' + BE total length, then per entry 4-char type + BE length (incl. 8-byte header) + data. */
function buildIcns(images) {
  const chunks = images.map(({ type, png }) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 4, 'ascii');
    h.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([h, png]);
  });
  const body = Buffer.concat(chunks);
  const h = Buffer.alloc(8);
  h.write('icns', 0, 4, 'ascii');
  h.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([h, body]);
}

try {
  await mkdir(join(assets, 'icons'), { recursive: true });
  await writeFile(join(assets, 'icon.svg'), svg);
  await writeFile(join(assets, 'icon.png'), await render(1024));
  for (const size of LINUX_SIZES) {
    await writeFile(join(assets, 'icons', `${size}x${size}.png`), await render(size));
  }
  for (const [name, size] of TRAY) await writeFile(join(assets, name), await render(size));
  await mkdir(join(assets, 'overlay'), { recursive: true });
  for (const label of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '9+']) {
    const file = label === '9+' ? '9plus.png' : `${label}.png`;
    await writeFile(
      join(assets, 'overlay', file),
      await renderSvg(overlaySvg(label), OVERLAY_SIZE),
    );
  }

  const ico = [];
  for (const size of ICO_SIZES) ico.push({ size, png: await render(size) });
  await writeFile(join(assets, 'icon.ico'), buildIco(ico));

  const icns = [];
  for (const [type, size] of ICNS_TYPES) icns.push({ type, png: await render(size) });
  await writeFile(join(assets, 'icon.icns'), buildIcns(icns));
} finally {
  await browser.close();
}
console.log(`wrote icons to ${assets}`);
