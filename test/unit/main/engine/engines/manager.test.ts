import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineConfig } from '../../../../../main/engine/detect';
import { EngineManager } from '../../../../../main/engine/manager';
import { PortholeFailure } from '../../../../../main/engine/errors';

const ssh = { home: '/nonexistent', user: 'me', agent: undefined, readText: () => undefined };
const detected: EngineConfig[] = [
  {
    id: 'env',
    name: 'DOCKER_HOST',
    source: 'env',
    endpoint: { kind: 'unix', socketPath: '/tmp/none.sock' },
    preferred: true,
  },
  {
    id: 'podman',
    name: 'Podman',
    source: 'podman',
    endpoint: { kind: 'unix', socketPath: '/tmp/p.sock' },
  },
];

// Never started: nothing here connects to an engine; only the list and the file are tested.
function manager(dataDir = mkdtempSync(join(tmpdir(), 'porthole-mgr-'))) {
  return { dataDir, m: new EngineManager({ dataDir, detected, ssh }) };
}
const file = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'engines.json'), 'utf8')) as unknown;
const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e instanceof PortholeFailure ? e.detail.code : String(e)),
  );

describe('EngineManager: the persisted engine list', () => {
  it('lists detected engines, the preferred one as default, and adds engines that survive a restart', async () => {
    const { dataDir, m } = manager();
    expect(m.list().map((e) => [e.id, e.isDefault])).toEqual([
      ['env', true],
      ['podman', false],
    ]);
    const added = await m.add({ name: 'Build box', address: 'ssh://ops@build:2200' });
    expect(added).toMatchObject({
      id: 'build-box',
      source: 'added',
      endpoint: 'ssh://ops@build:2200',
    });
    expect(file(dataDir)).toEqual({
      version: 1,
      added: [{ id: 'build-box', name: 'Build box', address: 'ssh://ops@build:2200' }],
      renamed: {},
      hidden: [],
    });
    const again = manager(dataDir).m;
    expect(again.list().map((e) => e.id)).toEqual(['env', 'podman', 'build-box']);
    m.stop();
    again.stop();
  });

  it('renames, sets the default, removes (detected ones are hidden), all persisted', async () => {
    const { dataDir, m } = manager();
    await m.add({ name: 'Remote', address: 'tcp://10.0.0.9:2375' });
    await m.update({ engineId: 'podman', name: 'My Podman' });
    await m.setDefault('remote');
    await m.remove('env');
    const again = manager(dataDir).m;
    expect(again.list().map((e) => [e.id, e.name, e.isDefault])).toEqual([
      ['podman', 'My Podman', false],
      ['remote', 'Remote', true],
    ]);
    await again.remove('remote');
    expect(
      manager(dataDir)
        .m.list()
        .map((e) => [e.id, e.isDefault]),
    ).toEqual([['podman', true]]);
  });

  it('refuses bad input in words, and writes nothing then', async () => {
    const { dataDir, m } = manager();
    expect(await code(m.add({ name: 'x', address: 'ftp://nope' }))).toBe('INVALID_INPUT');
    expect(await code(m.add({ name: 'Podman', address: 'unix:///a.sock' }))).toBe('CONFLICT');
    expect(await code(m.add({ name: 'rel', address: 'unix://relative.sock' }))).toBe(
      'INVALID_INPUT',
    );
    expect(
      await code(
        m.add({ name: 'tls', address: 'tcp://h:2376', tls: { ca: '/nonexistent/ca.pem' } }),
      ),
    ).toBe('INVALID_INPUT');
    expect(
      await code(m.add({ name: 'ssh', address: 'ssh://h', tls: { ca: '/etc/hostname' } })),
    ).toBe('INVALID_INPUT');
    expect(await code(m.update({ engineId: 'env', address: 'tcp://h:1' }))).toBe('INVALID_INPUT');
    expect(() => readFileSync(join(dataDir, 'engines.json'))).toThrow();
  });

  it('takes TLS files from a DOCKER_CERT_PATH-style folder, paths only', async () => {
    const certs = mkdtempSync(join(tmpdir(), 'porthole-certs-'));
    for (const f of ['ca.pem', 'cert.pem', 'key.pem']) writeFileSync(join(certs, f), 'x');
    const { m } = manager();
    const e = await m.add({ name: 'Secure', address: 'tcp://10.0.0.2:2376', tls: { dir: certs } });
    expect(e.tls).toEqual({
      ca: join(certs, 'ca.pem'),
      cert: join(certs, 'cert.pem'),
      key: join(certs, 'key.pem'),
    });
    expect(e.endpoint).toBe('tcp://10.0.0.2:2376 (TLS)');
  });

  it('a broken engines.json starts empty (and says so) instead of failing the app', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'porthole-mgr-'));
    writeFileSync(join(dataDir, 'engines.json'), '{"version":1,"added":[{"id":"BAD ID"}]}');
    const warnings: string[] = [];
    const m = new EngineManager({ dataDir, detected, ssh, warn: (w) => warnings.push(w) });
    expect(m.list().map((e) => e.id)).toEqual(['env', 'podman']);
    expect(warnings[0]).toMatch(/not a valid engines file/);
  });

  it('a failed write changes nothing in memory', async () => {
    // A data "dir" that is a file: every write fails, for root too.
    const dataDir = join(mkdtempSync(join(tmpdir(), 'porthole-mgr-')), 'not-a-dir');
    writeFileSync(dataDir, '');
    const m = new EngineManager({ dataDir, detected, ssh });
    const err = await m.add({ name: 'x', address: 'tcp://h:2375' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortholeFailure);
    expect((err as PortholeFailure).detail).toEqual({
      code: 'FORBIDDEN',
      message: `Could not save the engine list in “${dataDir}”: a file stands where that folder should be.`,
      hint: 'Nothing was changed. Move that file away (or set PORTHOLE_DATA_DIR to another folder), then try again.',
    });
    expect(m.list().map((e) => e.id)).toEqual(['env', 'podman']);
  });
});
