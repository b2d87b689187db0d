import { Agent } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Client, ClientChannel, ServerHostKeyAlgorithm } from 'ssh2';
import { ssh2 } from './ssh2-lazy';
import { authPlan, type AuthSources } from './ssh-auth';
import type { SshTarget } from './ssh-config';
import { PortholeFailure } from './errors';
import {
  keyTypeOf,
  knownTypes,
  verifyHostKey,
  type HostKey,
  type HostKeyVerdict,
} from './ssh-known-hosts';

/** A host key the user has not trusted (unknown) or must not trust (changed, revoked). */
export class HostKeyError extends PortholeFailure {
  constructor(
    readonly target: SshTarget,
    readonly key: HostKey,
    readonly verdict: Exclude<HostKeyVerdict, { state: 'trusted' }>,
  ) {
    super(hostKeyDetail(target, key, verdict));
  }
}

function hostKeyDetail(
  t: SshTarget,
  key: HostKey,
  v: Exclude<HostKeyVerdict, { state: 'trusted' }>,
) {
  const where = t.port === 22 ? t.host : `${t.host}:${t.port}`;
  const file = t.knownHostsFiles[0];
  if (v.state === 'unknown') {
    return {
      code: 'FORBIDDEN' as const,
      message: `The SSH host key of ${where} is not known: ${key.type} ${v.fingerprint}.`,
      hint: 'Compare the fingerprint with the one the server’s owner gives you; trust it only if they match.',
    };
  }
  const why =
    v.state === 'revoked'
      ? `is marked revoked in ${file} (line ${v.line})`
      : `does not match the one in ${file} (line ${v.line})`;
  return {
    code: 'FORBIDDEN' as const,
    message:
      `Refused: the SSH host key of ${where} ${why} (now ${key.type} ${v.fingerprint}). ` +
      'Someone may be intercepting the connection (a man-in-the-middle attack), or the host was reinstalled.',
    hint: `Porthole will not connect. If you know why the key changed, remove the old entry (ssh-keygen -R '${where.includes(':') ? `[${t.host}]:${t.port}` : t.host}') and try again.`,
  };
}

/** known_hosts key types → the host key algorithms that present them. */
function algorithmsFor(types: string[]): ServerHostKeyAlgorithm[] {
  return types.flatMap((t): ServerHostKeyAlgorithm[] =>
    t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t as ServerHostKeyAlgorithm],
  );
}

export interface SshDeps extends AuthSources {
  /** Called with each key that was not trusted, so a later "Trust" can write exactly that key. */
  onUntrusted?(err: HostKeyError): void;
}

/** Channels per SSH connection: below sshd's default MaxSessions (10). */
const CHANNELS_PER_CONNECTION = 8;
const MAX_CONNECTIONS = 6;

interface Conn {
  client: Client;
  ready: Promise<void>;
  active: number;
  closed: boolean;
}

/**
 * An engine over SSH: every HTTP request is a `docker system dial-stdio` channel on a pooled,
 * host-key-verified SSH connection (one handshake, not one per request as docker-modem does).
 */
export class SshTunnel {
  readonly agent: Agent;
  private conns: Conn[] = [];
  private waiting: (() => void)[] = [];
  private closed = false;

  constructor(
    readonly target: SshTarget,
    private readonly deps: SshDeps,
  ) {
    this.agent = new Agent({ keepAlive: false });
    // Node's Agent asks createConnection for a socket; a channel is a Duplex, which is enough.
    Object.assign(this.agent, {
      createConnection: (_opts: unknown, cb: (err: Error | null, s?: Duplex) => void) => {
        this.channel().then(
          (s) => cb(null, s),
          (err: Error) => cb(err),
        );
        return undefined;
      },
    });
  }

  close(): void {
    this.closed = true;
    for (const c of this.conns) c.client.end();
    this.conns = [];
    this.waiting.splice(0).forEach((wake) => wake());
  }

  private connect(): Conn {
    const client = new (ssh2().Client)();
    const t = this.target;
    const text = t.knownHostsFiles.map((f) => this.deps.readText(f) ?? '').join('\n');
    const types = knownTypes(text, t.host, t.port);
    const plan = authPlan(t, this.deps);
    let rejected: HostKeyError | undefined;
    const conn: Conn = { client, active: 0, closed: false, ready: Promise.resolve() };
    conn.ready = new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      client.once('error', (err: Error) => {
        if (rejected) return reject(rejected);
        const skipped = plan.skipped.length ? ` Skipped: ${plan.skipped.join(', ')}.` : '';
        if (/authentication methods failed/i.test(err.message)) {
          return reject(
            new PortholeFailure({
              code: 'FORBIDDEN',
              message: `SSH login as ${t.username}@${t.host} was refused.${skipped}`,
              hint: 'Add the key to ssh-agent or name it with IdentityFile in ~/.ssh/config.',
            }),
          );
        }
        reject(err);
      });
    });
    conn.ready.catch(() => undefined);
    client.on('close', () => {
      conn.closed = true;
      this.conns = this.conns.filter((c) => c !== conn);
      this.wake();
    });
    client.on('error', () => undefined);
    client.connect({
      host: t.host,
      port: t.port,
      username: t.username,
      readyTimeout: 10_000,
      // Detects a dead link in ~45 s without waking the CPU more than every 15 s.
      keepaliveInterval: 15_000,
      keepaliveCountMax: 3,
      authHandler: plan.handler,
      // Known for this host with some key types: ask for those, so a changed key is caught
      // as changed instead of slipping through as a new key of another type.
      ...(types.length ? { algorithms: { serverHostKey: algorithmsFor(types) } } : {}),
      hostVerifier: (blob: Buffer) => {
        const key = { type: keyTypeOf(blob), blob };
        // Read again: the user may have trusted the key since the pool opened.
        const now = t.knownHostsFiles.map((f) => this.deps.readText(f) ?? '').join('\n');
        const verdict = verifyHostKey(now, t.host, t.port, key);
        if (verdict.state === 'trusted') return true;
        rejected = new HostKeyError(t, key, verdict);
        this.deps.onUntrusted?.(rejected);
        return false;
      },
    });
    this.conns.push(conn);
    return conn;
  }

  private wake() {
    this.waiting.shift()?.();
  }

  /** A connection with a free channel, opening one when all are busy (bounded). */
  private async pick(): Promise<Conn> {
    for (;;) {
      if (this.closed) throw new Error('The SSH connection was closed');
      const free = this.conns
        .filter((c) => !c.closed && c.active < CHANNELS_PER_CONNECTION)
        .sort((a, b) => a.active - b.active)[0];
      if (free) return free;
      if (this.conns.length < MAX_CONNECTIONS) return this.connect();
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
  }

  private async channel(): Promise<Duplex> {
    const conn = await this.pick();
    conn.active++;
    const release = () => {
      conn.active--;
      // Extra connections go when idle; the first stays for the events stream.
      if (conn.active === 0 && this.conns.indexOf(conn) > 0) conn.client.end();
      this.wake();
    };
    try {
      await conn.ready;
      const stream = await new Promise<ClientChannel>((resolve, reject) =>
        conn.client.exec('docker system dial-stdio', (err, s) => (err ? reject(err) : resolve(s))),
      );
      let stderr = '';
      stream.stderr.on('data', (d: Buffer) => {
        if (stderr.length < 2048) stderr += d.toString('utf8');
      });
      stream.on('exit', (code: number | null) => {
        if (code && code !== 0) {
          const why = stderr.trim() || `exit code ${code}`;
          // ssh2 types Channel.destroy() without the error argument Duplex accepts.
          (stream as unknown as Duplex).destroy(
            new Error(`docker system dial-stdio on ${this.target.host} failed: ${why}`),
          );
        }
      });
      stream.once('close', release);
      return stream;
    } catch (err) {
      release();
      throw err;
    }
  }
}
