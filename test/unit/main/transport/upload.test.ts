import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LIMITS, UPLOAD_WINDOW } from '../../../../contract';
import { parseUploadRequest, receiveUpload } from '../../../../main/transport/upload';
import { fakeRouter } from '../fake-core';

const ctx = { connectionId: 'c', signal: new AbortController().signal };
const input = { engineId: 'local', id: 'box', path: '/in' };
const url = (q: Record<string, string>) =>
  new URL(`http://127.0.0.1/upload?${new URLSearchParams(q)}`);
const asked = (manifestBytes: number | undefined, length: number) => ({
  name: 'files.upload',
  input,
  manifestBytes,
  length,
});
const tick = () => new Promise((r) => setImmediate(r));

describe('parseUploadRequest', () => {
  const q = { name: 'files.upload', input: JSON.stringify(input) };
  it('takes upload streams with a Content-Length, and a manifest size within it', () => {
    const r = parseUploadRequest(url({ ...q, manifest: '20' }), '100');
    expect(r).toEqual({ ok: true, value: { ...asked(20, 100), input } });
  });
  it('refuses other streams, a missing or huge length, a bad manifest size, bad JSON', () => {
    const status = (u: URL, len: string | undefined) => {
      const r = parseUploadRequest(u, len);
      return r.ok ? 200 : r.status;
    };
    expect(status(url({ ...q, name: 'files.download' }), '1')).toBe(400);
    expect(status(url(q), undefined)).toBe(411);
    expect(status(url(q), String(2 ** 41))).toBe(413);
    expect(status(url(q), '-1')).toBe(413);
    expect(status(url({ ...q, manifest: '101' }), '100')).toBe(400);
    expect(status(url({ ...q, manifest: '0' }), '100')).toBe(400);
    expect(status(url({ ...q, input: '{' }), '1')).toBe(400);
  });
});

describe('receiveUpload', () => {
  it('turns a manifest and a body into file, chunk… and end, chunks at most chunkBytes', async () => {
    const { router, probe } = fakeRouter();
    const big = LIMITS.chunkBytes + 10;
    const manifest = Buffer.from(
      JSON.stringify([
        { path: 'a.bin', size: big },
        { path: 'empty', size: 0 },
        { path: 'b.txt', size: 3 },
      ]),
    );
    const body = new PassThrough();
    const done = receiveUpload(
      router,
      ctx,
      asked(manifest.byteLength, manifest.byteLength + big + 3),
      body,
    );
    // The manifest split over two pieces, the bytes over pieces that cross file boundaries.
    body.write(manifest.subarray(0, 5));
    body.write(Buffer.concat([manifest.subarray(5), Buffer.alloc(big - 1, 1)]));
    body.end(Buffer.from([1, 2, 3, 4]));
    await tick();
    const sent = probe.control.mock.calls.map(([m]) =>
      m.kind === 'chunk' ? { chunk: (m.data as Uint8Array).byteLength } : m,
    );
    expect(sent).toEqual([
      { kind: 'file', path: 'a.bin', size: big },
      { chunk: LIMITS.chunkBytes },
      { chunk: 9 },
      { chunk: 1 },
      { kind: 'file', path: 'empty', size: 0 },
      { kind: 'file', path: 'b.txt', size: 3 },
      { chunk: 3 },
      { kind: 'end' },
    ]);
    probe.sink!.next({ kind: 'done', files: 3, bytes: big + 3 }, 1);
    probe.sink!.end();
    expect(await done).toEqual({ ok: true, events: [{ kind: 'done', files: 3, bytes: big + 3 }] });
  });

  it('pauses the body beyond UPLOAD_WINDOW unanswered and resumes on `written`', async () => {
    const { router, probe } = fakeRouter();
    const body = new PassThrough();
    const total = UPLOAD_WINDOW + LIMITS.chunkBytes;
    void receiveUpload(
      router,
      ctx,
      { ...asked(undefined, total), name: 'images.load', input: { engineId: 'local' } },
      body,
    );
    for (let n = 0; n < total; n += LIMITS.chunkBytes) body.write(Buffer.alloc(LIMITS.chunkBytes));
    await tick();
    expect(probe.control).toHaveBeenCalledTimes(UPLOAD_WINDOW / LIMITS.chunkBytes);
    expect(body.isPaused()).toBe(true);
    probe.sink!.next({ kind: 'written', bytes: LIMITS.chunkBytes }, 1);
    await tick();
    // One chunk answered: the one held back goes, and the window is full again.
    expect(probe.control).toHaveBeenCalledTimes(total / LIMITS.chunkBytes);
    expect(body.isPaused()).toBe(true);
  });

  it('a body that breaks off closes the stream, as a cancel on the socket does', async () => {
    const { router, probe } = fakeRouter();
    const body = new PassThrough();
    const done = receiveUpload(
      router,
      ctx,
      { ...asked(undefined, 100), name: 'images.load', input: { engineId: 'local' } },
      body,
    );
    body.write(Buffer.alloc(10));
    await tick();
    body.destroy();
    const r = await done;
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' }, bodyDone: false });
    expect(probe.close).toHaveBeenCalled();
    expect(probe.control.mock.calls.map(([m]) => m.kind)).toEqual(['chunk']);
  });

  it('the client gone after the whole body, before the answer: closed too', async () => {
    const { router, probe } = fakeRouter();
    const body = new PassThrough();
    const gone = new AbortController();
    const load = { ...asked(undefined, 4), name: 'images.load', input: { engineId: 'local' } };
    const done = receiveUpload(router, ctx, load, body, gone.signal);
    body.end(Buffer.alloc(4));
    await tick();
    expect(probe.control.mock.calls.map(([m]) => m.kind)).toEqual(['chunk', 'end']);
    gone.abort();
    expect(await done).toMatchObject({ ok: false, error: { code: 'CANCELLED' }, bodyDone: true });
    expect(probe.close).toHaveBeenCalled();
  });

  it('input the router refuses is the answer, before any byte is read', async () => {
    const { router } = fakeRouter();
    const body = new PassThrough();
    const r = await receiveUpload(router, ctx, { ...asked(undefined, 1), input: {} }, body);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' }, bodyDone: false });
  });

  it('a manifest that is not a file list, or not the body size, ends it with INVALID_INPUT', async () => {
    for (const [lead, length] of [
      ['{"x":1}', 7],
      ['[{"path":"a","size":5}]', '[{"path":"a","size":5}]'.length + 4],
    ] as const) {
      const { router, probe } = fakeRouter();
      const body = new PassThrough();
      const done = receiveUpload(router, ctx, asked(lead.length, length), body);
      body.write(Buffer.from(lead));
      const r = await done;
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(probe.close).toHaveBeenCalled();
      expect(probe.control).not.toHaveBeenCalled();
    }
  });
});
