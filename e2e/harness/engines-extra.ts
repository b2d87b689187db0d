import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchDockerd, newEngine, type EngineHandle } from './engine';
import { killPid, run, startDetached, waitFor } from './proc';
import { freePort } from './registry';

export { freePort };

/**
 * The extra engines the multi-engine specs need, all on loopback and all stopped by pid:
 * a dockerd that also listens on tcp://127.0.0.1:PORT with TLS, and an sshd whose
 * `docker system dial-stdio` reaches a private engine (Podman's service: ./podman.ts).
 */

export interface TlsFilesOnDisk {
  dir: string;
  ca: string;
  cert: string;
  key: string;
  serverCert: string;
  serverKey: string;
}

/** A CA, a server certificate for IP:127.0.0.1 and a client certificate (ENGINE-TESTING.md). */
export function makeTlsCerts(dir: string): TlsFilesOnDisk {
  mkdirSync(dir, { recursive: true });
  const o = (args: string[]) => run('openssl', args);
  const p = (f: string) => join(dir, f);
  o([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('ca-key.pem'),
    '-out',
    p('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=porthole-test-ca',
  ]);
  o([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('server-key.pem'),
    '-out',
    p('server.csr'),
    '-subj',
    '/CN=127.0.0.1',
  ]);
  writeFileSync(p('server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  o([
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca-key.pem'),
    '-CAcreateserial',
    '-out',
    p('server-cert.pem'),
    '-days',
    '2',
    '-extfile',
    p('server.ext'),
  ]);
  o([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    p('key.pem'),
    '-out',
    p('client.csr'),
    '-subj',
    '/CN=client',
  ]);
  writeFileSync(p('client.ext'), 'extendedKeyUsage=clientAuth\n');
  o([
    'x509',
    '-req',
    '-in',
    p('client.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca-key.pem'),
    '-CAcreateserial',
    '-out',
    p('cert.pem'),
    '-days',
    '2',
    '-extfile',
    p('client.ext'),
  ]);
  return {
    dir,
    ca: p('ca.pem'),
    cert: p('cert.pem'),
    key: p('key.pem'),
    serverCert: p('server-cert.pem'),
    serverKey: p('server-key.pem'),
  };
}

export interface TlsEngine extends EngineHandle {
  tcp: string;
  port: number;
  certs: TlsFilesOnDisk;
}

/** A private engine answering on its unix socket (the CLI oracle) and on TLS tcp (the app). */
export async function newTlsEngine(prefix: string): Promise<TlsEngine> {
  const engine = newEngine(prefix);
  const certs = makeTlsCerts(join(engine.dir, 'certs'));
  const port = await freePort();
  const tls = { ...engine, tcp: `tcp://127.0.0.1:${port}`, port, certs };
  await startTlsDockerd(tls);
  return tls;
}

export function startTlsDockerd(e: TlsEngine): Promise<number> {
  const { ca, serverCert, serverKey } = e.certs;
  return launchDockerd(
    e,
    [
      ...['--host', e.tcp, '--tlsverify', '--tlscacert', ca],
      ...['--tlscert', serverCert, '--tlskey', serverKey],
    ],
    'the TLS dockerd',
  );
}

export interface Sshd {
  dir: string;
  pid: number;
  port: number;
  /** The client's private key (ed25519, no passphrase). */
  clientKey: string;
  /** "SHA256:…" of the host key, as ssh-keygen prints it. */
  fingerprint: string;
}

function fingerprint(pub: string): string {
  return run('ssh-keygen', ['-l', '-E', 'sha256', '-f', pub]).split(/\s+/)[1]!;
}

/**
 * A private sshd on 127.0.0.1 that logs root in with a generated ed25519 key only and points
 * `docker` at `dockerHost` (SetEnv DOCKER_HOST). Its own authorized_keys and host key, never
 * the machine's.
 */
export async function startSshd(dir: string, dockerHost: string, port?: number): Promise<Sshd> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const p = (f: string) => join(dir, f);
  run('sh', ['-c', `rm -f '${p('host_key')}' '${p('host_key.pub')}'`]);
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', p('host_key')]);
  try {
    readFileSync(p('client_key'));
  } catch {
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', p('client_key')]);
  }
  writeFileSync(p('authorized_keys'), readFileSync(p('client_key.pub')), { mode: 0o600 });
  const listen = port ?? (await freePort());
  writeFileSync(
    p('sshd_config'),
    [
      `Port ${listen}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${p('host_key')}`,
      `PidFile ${p('sshd.pid')}`,
      `AuthorizedKeysFile ${p('authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      // The files live under /tmp (world-writable): sshd's ownership walk would refuse them.
      'StrictModes no',
      `SetEnv DOCKER_HOST=${dockerHost}`,
      '',
    ].join('\n'),
  );
  mkdirSync('/run/sshd', { recursive: true });
  const log = openSync(p('sshd.log'), 'a');
  // -D: no daemonising, so the pid we get is the listener's own.
  const pid = startDetached(
    '/usr/sbin/sshd',
    ['-D', '-f', p('sshd_config'), '-E', p('sshd.log')],
    log,
  );
  await waitFor(
    'sshd to listen',
    () => (run('ss', ['-ltnH', `sport = :${listen}`]).includes(`:${listen}`) ? true : undefined),
    15_000,
  );
  return {
    dir,
    pid,
    port: listen,
    clientKey: p('client_key'),
    fingerprint: fingerprint(p('host_key.pub')),
  };
}

export const stopSshd = (s: Sshd) => killPid(s.pid, 10_000);
