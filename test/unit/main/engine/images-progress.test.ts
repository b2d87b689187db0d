import { describe, expect, it } from 'vitest';
import {
  engineWords,
  JsonLines,
  ProgressState,
  registryError,
} from '../../../../main/engine/images-progress';

describe('JsonLines', () => {
  const read = (chunks: string[]) => {
    const out: unknown[] = [];
    const lines = new JsonLines((m) => out.push(m));
    const seen: unknown[][] = chunks.map((c) => {
      lines.push(c);
      return out.splice(0);
    });
    lines.flush();
    return [...seen, out];
  };

  it('joins lines split across chunks and skips blanks', () => {
    expect(read(['{"status":"a"}\n{"sta', 'tus":"b"}\n\n', '{"status":"c"}'])).toEqual([
      [{ status: 'a' }],
      [{ status: 'b' }],
      [],
      [{ status: 'c' }],
    ]);
  });

  it('keeps a non-JSON line as a status', () => {
    expect(read(['<html>bad gateway</html>\n'])[0]).toEqual([
      { status: '<html>bad gateway</html>' },
    ]);
  });
});

describe('ProgressState', () => {
  it('tracks layers by id and messages without one', () => {
    const s = new ProgressState();
    s.apply({ status: 'Pulling from private/busybox', id: '1' });
    s.apply({ status: 'Pulling fs layer', id: 'aaa' });
    s.apply({ status: 'Downloading', id: 'aaa', progressDetail: { current: 50, total: 200 } });
    s.apply({ status: 'Waiting', id: 'bbb' });
    s.apply({ status: 'Download complete', id: 'aaa', progressDetail: {} });
    s.apply({ status: 'Digest: sha256:abc' });
    const snap = s.snapshot();
    expect(snap.layers).toEqual([
      { id: 'aaa', status: 'Download complete', current: 200, total: 200 },
      { id: 'bbb', status: 'Waiting' },
    ]);
    expect(snap.messages).toEqual(['1: Pulling from private/busybox', 'Digest: sha256:abc']);
    expect(s.error).toBeUndefined();
  });

  it('an { error } inside a 200 stream is the failure, the first one wins', () => {
    const s = new ProgressState();
    s.apply({ status: 'Preparing', id: 'aaa' });
    s.apply({ error: 'unauthorized: authentication required', errorDetail: { message: 'x' } });
    s.apply({ errorDetail: { message: 'later' } });
    expect(s.error).toBe('unauthorized: authentication required');
  });

  it('keeps a bounded number of messages', () => {
    const s = new ProgressState();
    for (let i = 0; i < 50; i++) s.apply({ status: `line ${i}` });
    expect(s.snapshot().messages).toHaveLength(20);
    expect(s.snapshot().messages.at(-1)).toBe('line 49');
  });
});

describe('registryError', () => {
  it('missing credentials → AUTH_REQUIRED saying "authentication required"', () => {
    const e = registryError(
      'Head "http://127.0.0.1:5000/v2/private/busybox/manifests/1": no basic auth credentials',
      '127.0.0.1:5000',
      'pull',
    );
    expect(e.code).toBe('AUTH_REQUIRED');
    expect(e.message).toMatch(/^authentication required/);
    expect(e.message).toContain('no basic auth credentials');
    expect(e.hint).toContain('Log in to 127.0.0.1:5000');
  });

  it('unknown images → NOT_FOUND on pull; the rest PULL_FAILED in the engine’s words', () => {
    expect(registryError('manifest unknown', 'r', 'pull').code).toBe('NOT_FOUND');
    const other = registryError('dial tcp 127.0.0.1:1: connect: connection refused', 'r', 'push');
    expect(other).toMatchObject({ code: 'PULL_FAILED', hint: 'The engine cannot reach r.' });
    expect(other.message).toContain('connection refused');
  });
});

describe('engineWords', () => {
  it('drops the status prefixes, keeps the rest', () => {
    expect(engineWords('The engine answered 500: server error - Get "x": no such host')).toBe(
      'Get "x": no such host',
    );
    expect(engineWords('manifest unknown')).toBe('manifest unknown');
  });
});
