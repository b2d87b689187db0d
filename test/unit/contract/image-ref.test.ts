import { describe, expect, it } from 'vitest';
import { parseReference, parseTagTarget } from '../../../contract/calls/image-ref';
import { calls } from '../../../contract/api';

const ok = (input: string) => {
  const r = parseReference(input);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.message}`);
  return r;
};
const message = (input: string) => {
  const r = parseReference(input);
  if (r.ok) throw new Error(`expected ${input} to be rejected`);
  return r.message;
};

describe('parseReference', () => {
  it.each([
    ['busybox', 'busybox:latest'],
    ['busybox:1.36', 'busybox:1.36'],
    ['library/nginx', 'library/nginx:latest'],
    ['127.0.0.1:5000/private/busybox:1', '127.0.0.1:5000/private/busybox:1'],
    ['localhost/app', 'localhost/app:latest'],
    ['registry.example.com/a/b/c:v1.2-rc_3', 'registry.example.com/a/b/c:v1.2-rc_3'],
    ['my__app.name-x', 'my__app.name-x:latest'],
    [`busybox@sha256:${'a'.repeat(64)}`, `busybox@sha256:${'a'.repeat(64)}`],
    [`busybox:1@sha256:${'b'.repeat(64)}`, `busybox:1@sha256:${'b'.repeat(64)}`],
  ])('%s → %s', (input, normalized) => {
    expect(ok(input).normalized).toBe(normalized);
  });

  it('splits domain, path, tag and digest', () => {
    expect(ok('127.0.0.1:5000/team/app:2')).toMatchObject({
      domain: '127.0.0.1:5000',
      path: 'team/app',
      tag: '2',
      digest: undefined,
    });
    expect(ok('team/app').domain).toBeUndefined();
  });

  it('explains uppercase, spaces and bad digests', () => {
    expect(message('UPPER/case')).toMatch(/lowercase/);
    expect(message('busy box')).toMatch(/spaces/);
    expect(message(' busybox')).toMatch(/spaces/);
    expect(message('busybox@sha256:1234')).toMatch(/64/);
    expect(message(`busybox@sha256:${'A'.repeat(64)}`)).toMatch(/lowercase hex/);
    expect(message('busybox@md5')).toMatch(/digest/);
  });

  it('rejects empty names, bad separators, bad tags and bad hosts', () => {
    expect(message('')).toMatch(/Enter/);
    expect(message('a//b')).toMatch(/empty part/);
    expect(message('a/')).toMatch(/empty part/);
    expect(message('-app')).toMatch(/not a valid repository name part/);
    expect(message('app.')).toMatch(/not a valid repository name part/);
    expect(message('app:-x')).toMatch(/not a valid tag/);
    expect(message(`app:${'x'.repeat(129)}`)).toMatch(/not a valid tag/);
    expect(message('host:port:x/app')).toMatch(/not a valid/);
    expect(message('bad_host.com/app')).toMatch(/registry host/);
    expect(message(`${'a'.repeat(256)}`)).toMatch(/longer than 255/);
  });

  it('a tag target may not carry a digest', () => {
    expect(parseTagTarget('app:1').ok).toBe(true);
    expect(parseTagTarget(`app@sha256:${'c'.repeat(64)}`).ok).toBe(false);
  });

  it('the router refuses what the form refuses', () => {
    const pull = calls['images.tag'].input;
    expect(pull.safeParse({ engineId: 'local', id: 'x', target: 'ok/name:1' }).success).toBe(true);
    const bad = pull.safeParse({ engineId: 'local', id: 'x', target: 'UPPER/case' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/lowercase/);
    expect(calls['images.run'].input.safeParse({ engineId: 'local', ref: 'a b' }).success).toBe(
      false,
    );
  });
});
