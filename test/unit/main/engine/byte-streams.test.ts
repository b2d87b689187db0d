import { spawnSync } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { PortholeError } from '../../../../contract';
import { loadImages, saveImages } from '../../../../main/engine/images-archive';
import { WrittenGate } from '../../../../main/engine/upload-gate';
import { downloadVolumeFile } from '../../../../main/engine/volumes-files';
import { createSink } from '../../../../main/streams/sink';

const WINDOW = { high: 1024 * 1024, low: 256 * 1024 };
const tick = () => new Promise((r) => setTimeout(r, 10));

/** A sink as the router makes it, recording what the transport would send. */
function recorder<E>() {
  const events: E[] = [];
  let ended: { error?: PortholeError } | undefined;
  let unacked = 0;
  const control = createSink<E>(
    {
      event: (e, cost) => {
        events.push(e as E);
        unacked += cost;
      },
      end: (error) => (ended = error ? { error } : {}),
      buffered: () => 0,
    },
    { flow: 'credit', window: WINDOW },
  );
  return {
    ...control,
    events,
    get ended() {
      return ended;
    },
    /** What the client has not acknowledged yet. */
    get unacked() {
      return unacked;
    },
    ackAll() {
      control.ack(unacked);
      unacked = 0;
    },
  };
}

/** `total` bytes of a repeating pattern in 64 KiB pieces, produced only as fast as read. */
function source(total: number): Readable {
  let sent = 0;
  return new Readable({
    read() {
      const n = Math.min(65536, total - sent);
      if (n <= 0) return this.push(null);
      this.push(Buffer.alloc(n, sent % 251));
      sent += n;
    },
  });
}

const chunkBytes = (events: { kind: string; data?: Uint8Array }[]) =>
  events.reduce((n, e) => n + (e.kind === 'chunk' ? e.data!.byteLength : 0), 0);

describe('saveImages', () => {
  it('pauses the engine stream while the client is a window behind, then finishes', async () => {
    const r = recorder<{ kind: string; data?: Uint8Array; bytes?: number }>();
    const total = 20 * 1024 * 1024;
    const docker = { getImages: async () => source(total) } as unknown as Docker;
    saveImages(docker, ['a:1'], r.sink);
    for (let i = 0; i < 20; i++) await tick();
    // Never much more than one window in flight without acks (the defect: all 20 MB at once).
    expect(r.unacked).toBeGreaterThan(WINDOW.high);
    expect(r.unacked).toBeLessThanOrEqual(WINDOW.high + 256 * 1024);
    for (let i = 0; i < 400 && !r.ended; i++) {
      r.ackAll();
      await tick();
    }
    expect(r.ended).toEqual({});
    expect(chunkBytes(r.events)).toBe(total);
    expect(r.events.at(-1)).toEqual({ kind: 'done', bytes: total });
  });

  it('destroys the engine stream when the client closes', async () => {
    const r = recorder<{ kind: string }>();
    const src = source(100 * 1024 * 1024);
    saveImages({ getImages: async () => src } as unknown as Docker, ['a'], r.sink);
    await tick();
    r.close();
    await tick();
    expect(src.destroyed).toBe(true);
  });
});

describe('loadImages', () => {
  it('writes every chunk into the request body, answers each, then reports what loaded', async () => {
    const r = recorder<{ kind: string; bytes?: number; names?: string[] }>();
    const received: Buffer[] = [];
    const docker = {
      loadImage: async (body: Readable) => {
        for await (const c of body) received.push(c as Buffer);
        return Readable.from(['{"stream":"Loaded image: app:1\\n"}\n']);
      },
    } as unknown as Docker;
    const controls = loadImages(docker, r.sink);
    const data = Buffer.alloc(3 * 256 * 1024 + 5, 9);
    for (let i = 0; i < data.length; i += 256 * 1024) {
      controls.control!({ kind: 'chunk', data: new Uint8Array(data.subarray(i, i + 256 * 1024)) });
    }
    controls.control!({ kind: 'end' });
    for (let i = 0; i < 50 && !r.ended; i++) await tick();
    expect(r.ended).toEqual({});
    expect(Buffer.concat(received).equals(data)).toBe(true);
    const written = r.events.filter((e) => e.kind === 'written');
    expect(written).toHaveLength(4);
    expect(written.reduce((n, e) => n + e.bytes!, 0)).toBe(data.length);
    expect(r.events.at(-1)).toEqual({ kind: 'loaded', names: ['app:1'] });
  });

  it('passes the engine’s refusal on', async () => {
    const r = recorder<{ kind: string }>();
    const docker = {
      loadImage: async (body: Readable) => {
        for await (const c of body) void c;
        return Readable.from(['{"error":"unexpected EOF"}\n']);
      },
    } as unknown as Docker;
    const controls = loadImages(docker, r.sink);
    controls.control!({ kind: 'end' });
    for (let i = 0; i < 50 && !r.ended; i++) await tick();
    expect(r.ended?.error).toMatchObject({ code: 'INVALID_INPUT', message: 'unexpected EOF' });
  });
});

describe('WrittenGate', () => {
  it('answers in order: at once when there is room, after drain when there is not', async () => {
    const sent: number[] = [];
    const gate = new WrittenGate((n) => sent.push(n));
    const target = new PassThrough({ highWaterMark: 10 });
    gate.write(target, new Uint8Array(4));
    gate.write(target, new Uint8Array(20)); // over the mark: waits for 'drain'
    gate.skip(1);
    await tick();
    expect(sent).toEqual([4]);
    target.resume();
    await tick();
    expect(sent).toEqual([4, 20, 1]);
  });
});

describe('downloadVolumeFile', () => {
  const tarOf = (name: string, data: Buffer) => {
    const r = spawnSync(
      'sh',
      ['-c', `d=$(mktemp -d) && cat > "$d/${name}" && tar -C "$d" -cf - ${name}; rm -rf "$d"`],
      { input: data, maxBuffer: 64 * 1024 * 1024 },
    );
    // In 64 KiB pieces, as the engine's response arrives.
    const tar = r.stdout;
    return () =>
      Readable.from(
        Array.from({ length: Math.ceil(tar.length / 65536) }, (_, i) =>
          tar.subarray(i * 65536, (i + 1) * 65536),
        ),
      );
  };
  // The helper image is the user's choice; the fake engine has it.
  const helper = { engineId: 'e', name: 'v', helperImage: 'busybox:1' };
  function fakeDocker(archive: () => Readable) {
    const removed: string[] = [];
    const docker = {
      getVolume: () => ({ inspect: async () => ({}) }),
      getImage: () => ({ inspect: async () => ({}) }),
      createContainer: async () => ({
        getArchive: async () => archive(),
        remove: async () => void removed.push('helper'),
      }),
    } as unknown as Docker;
    return { docker, removed };
  }

  it('unpacks the entry as it streams, paced by acks, and removes the helper', async () => {
    const data = Buffer.alloc(5 * 1024 * 1024 + 3, 5);
    const { docker, removed } = fakeDocker(tarOf('big', data));
    const r = recorder<{ kind: string; data?: Uint8Array; bytes?: number; name?: string }>();
    downloadVolumeFile(docker, new Map(), { ...helper, path: 'dir/big' }, r.sink);
    for (let i = 0; i < 20; i++) await tick();
    expect(r.unacked).toBeLessThanOrEqual(WINDOW.high + 256 * 1024);
    for (let i = 0; i < 400 && !r.ended; i++) {
      r.ackAll();
      await tick();
    }
    expect(r.ended).toEqual({});
    const bytes = Buffer.concat(r.events.filter((e) => e.kind === 'chunk').map((e) => e.data!));
    expect(bytes.equals(data)).toBe(true);
    expect(r.events.at(-1)).toEqual({ kind: 'done', name: 'big', bytes: data.length });
    await tick();
    expect(removed).toEqual(['helper']);
  });

  it('removes the helper when the client closes mid-download', async () => {
    const data = Buffer.alloc(20 * 1024 * 1024, 1);
    const { docker, removed } = fakeDocker(tarOf('big', data));
    const r = recorder<{ kind: string }>();
    downloadVolumeFile(docker, new Map(), { ...helper, path: 'big' }, r.sink);
    for (let i = 0; i < 10; i++) await tick();
    r.close();
    await tick();
    expect(removed).toEqual(['helper']);
  });
});
