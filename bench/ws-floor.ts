// The browser's own WebSocket round trip on this machine: a page sends a keystroke-sized text
// frame to a server that answers each with a 1-byte binary frame at once, one at a time, each
// after an animation frame (as bench/exec.ts's keys come). The floor under any echo that goes
// page → socket → server → page, before the server does anything.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { WebSocketServer } from 'ws';

export async function wsRoundTrips(browser: Browser, count: number): Promise<number[]> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>ws floor</title>');
  });
  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => ws.on('message', () => ws.send(Buffer.from('a'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(
      async ({ port, count }) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/`);
        ws.binaryType = 'arraybuffer';
        await new Promise((resolve) => (ws.onopen = resolve));
        const times: number[] = [];
        for (let i = 0; i < count; i++) {
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const t = performance.now();
          await new Promise((resolve) => {
            ws.onmessage = resolve;
            ws.send('{"t":"ctl","id":5,"msg":{"kind":"input","data":"a"}}');
          });
          times.push(performance.now() - t);
        }
        ws.close();
        return times;
      },
      { port, count },
    );
  } finally {
    await page.close();
    wss.close();
    server.close();
  }
}
