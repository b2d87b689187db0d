import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { rawGet, type RawGetError } from '../../../../main/engine/raw-get';

let server: Server | undefined;
let dir = '';

/** A socket server that answers every request with `answer` (raw bytes), then closes. */
async function serve(answer: string[]): Promise<{ path: string; requests: string[] }> {
  dir = mkdtempSync(join(tmpdir(), 'raw-get-'));
  const path = join(dir, 'engine.sock');
  const requests: string[] = [];
  server = createServer((s: Socket) => {
    s.once('data', (b) => {
      requests.push(b.toString('latin1'));
      // In pieces, as a socket may deliver them: the head split across writes.
      for (const part of answer) s.write(part);
      s.end();
    });
  });
  await new Promise<void>((r) => server!.listen(path, r));
  return { path, requests };
}

async function readAll(s: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const b of s) parts.push(b as Buffer);
  return Buffer.concat(parts).toString('latin1');
}

afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('rawGet', () => {
  it('asks as HTTP/1.0 and hands on the bare body, its first bytes included', async () => {
    const { path, requests } = await serve([
      'HTTP/1.0 200 OK\r\nContent-Type: x\r',
      '\n\r\nab',
      'cd',
    ]);
    const body = await rawGet(
      path,
      '/containers/x/logs?follow=false',
      new AbortController().signal,
    );
    expect(await readAll(body!)).toBe('abcd');
    expect(requests[0]).toMatch(/^GET \/containers\/x\/logs\?follow=false HTTP\/1\.0\r\n/);
  });

  it('rejects an error answer as dockerode does: status and the engine’s message', async () => {
    const { path } = await serve([
      'HTTP/1.0 404 Not Found\r\nContent-Type: application/json\r\n\r\n',
      '{"message":"No such container: x"}',
    ]);
    const err = (await rawGet(path, '/containers/x/logs?', new AbortController().signal).catch(
      (e: unknown) => e,
    )) as RawGetError;
    expect(err.statusCode).toBe(404);
    expect(err.json).toEqual({ message: 'No such container: x' });
  });

  it('a chunked answer (a proxy in front of the engine) resolves undefined: ask the usual way', async () => {
    const { path } = await serve([
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n',
    ]);
    expect(await rawGet(path, '/x', new AbortController().signal)).toBeUndefined();
  });

  it('a socket nobody listens on rejects', async () => {
    await expect(
      rawGet(join(tmpdir(), 'no-such-engine.sock'), '/x', new AbortController().signal),
    ).rejects.toThrow();
  });
});
