import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SshEnv } from './client';
import type { HostKeyError } from './ssh';
import { knownHostsLine, verifyHostKey } from './ssh-known-hosts';

/**
 * Appends the key to the user's known_hosts, as `ssh` does after "yes": only while the file
 * still does not know the host's key (a second window may have trusted it meanwhile, or the
 * user may have added another key by hand).
 */
export async function trustKey(offer: HostKeyError, ssh: Pick<SshEnv, 'readText'>): Promise<void> {
  const { target, key } = offer;
  const file = target.knownHostsFiles[0]!;
  const text = (await readFile(file, 'utf8').catch(() => '')) || (ssh.readText(file) ?? '');
  const verdict = verifyHostKey(text, target.host, target.port, key);
  if (verdict.state === 'trusted') return;
  if (verdict.state !== 'unknown') throw offer;
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const line = knownHostsLine(target.host, target.port, key, target.hashKnownHosts);
  const sep = text && !text.endsWith('\n') ? '\n' : '';
  await appendFile(file, `${sep}${line}\n`, { mode: 0o600 });
}
