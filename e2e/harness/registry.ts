import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { killPid, run, startDetached, waitFor } from './proc';

export interface RegistryHandle {
  dir: string;
  pid: number;
  /** host:port, e.g. 127.0.0.1:5123 */
  address: string;
  user: string;
  password: string;
}

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * The CNCF registry on loopback (an insecure-allowed registry by default), with htpasswd auth
 * unless `auth: false` (the fault tests, which are about the connection, not the login).
 */
export async function startRegistry(
  dir: string,
  opts: { auth?: boolean } = {},
): Promise<RegistryHandle> {
  const auth = opts.auth !== false;
  mkdirSync(dir, { recursive: true });
  const user = 'alice';
  const password = randomBytes(12).toString('hex');
  const port = await freePort();
  writeFileSync(join(dir, 'htpasswd'), run('htpasswd', ['-Bbn', user, password]) + '\n');
  writeFileSync(
    join(dir, 'config.yml'),
    [
      'version: 0.1',
      `storage: {filesystem: {rootdirectory: ${join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: 127.0.0.1:${port}}`,
      ...(auth ? [`auth: {htpasswd: {realm: porthole-test, path: ${join(dir, 'htpasswd')}}}`] : []),
      'log: {level: warn}',
      '',
    ].join('\n'),
  );
  const pid = startDetached(
    'docker-registry',
    ['serve', join(dir, 'config.yml')],
    openSync(join(dir, 'registry.log'), 'a'),
  );
  const address = `127.0.0.1:${port}`;
  await waitFor('the registry to listen', async () => {
    try {
      const res = await fetch(`http://${address}/v2/`);
      return res.status === (auth ? 401 : 200) ? true : undefined;
    } catch {
      return undefined;
    }
  });
  return { dir, pid, address, user, password };
}

export const stopRegistry = (r: RegistryHandle) => killPid(r.pid);
