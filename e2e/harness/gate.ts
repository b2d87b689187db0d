import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder in front of a real server (the registry, or an engine's unix socket) that the
 * test can hold shut: after `openBytes` have gone through in the direction being watched — or
 * from the moment it calls `hold()` — it stops forwarding, so a pull or push sits mid-way, or an
 * engine's answer never arrives, for as long as the test needs. Nothing is faked: bytes pass
 * unchanged or not at all.
 */
export interface Gate {
  /** host:port to use instead of the server's. */
  address: string;
  /** Bytes forwarded so far, per direction. */
  readonly forwarded: { down: number; up: number };
  /** Resolves once the gate has shut (the watched direction reached its allowance). */
  shut: Promise<void>;
  /** Every client connection so far: the HTTP requests the client sent on it, and if it closed. */
  readonly connections: readonly GateConnection[];
  /** Stops forwarding the watched direction from now on, until `open()`. */
  hold(): void;
  /** Forwards everything again, from now on. */
  open(): void;
  /** Cuts every connection and stops listening: the server is gone for the client. */
  close(): Promise<void>;
}

export interface GateConnection {
  /** "GET /containers/json?all=1", … in the order sent (keep-alive: several per connection). */
  requests: string[];
  closed: boolean;
}

export function startGate(
  target: { host: string; port: number } | { path: string },
  opts: { watch: 'down' | 'up'; openBytes: number },
): Promise<Gate> {
  const sockets = new Set<Socket>();
  const held: Array<() => void> = [];
  const connections: GateConnection[] = [];
  let allowance = opts.openBytes;
  let isOpen = false;
  let shutNow: () => void = () => undefined;
  const shut = new Promise<void>((resolve) => (shutNow = resolve));
  const forwarded = { down: 0, up: 0 };

  /** Pipes `from` to `to`, counting; pauses `from` once the allowance is used up. */
  const pipe = (from: Socket, to: Socket, dir: 'down' | 'up') => {
    from.on('data', (chunk: Buffer) => {
      let part = chunk;
      if (!isOpen && dir === opts.watch) {
        const left = allowance - forwarded[dir];
        if (left <= 0 || chunk.length > left) {
          part = chunk.subarray(0, Math.max(0, left));
          const rest = chunk.subarray(part.length);
          from.pause();
          shutNow();
          held.push(() => {
            if (rest.length) to.write(rest);
            forwarded[dir] += rest.length;
            from.resume();
          });
        }
      }
      forwarded[dir] += part.length;
      if (part.length) to.write(part);
    });
    from.on('end', () => to.end());
    from.on('error', () => to.destroy());
  };

  const server: Server = createServer((client) => {
    const upstream = 'path' in target ? connect(target.path) : connect(target.port, target.host);
    const seen: GateConnection = { requests: [], closed: false };
    connections.push(seen);
    client.on('data', (chunk: Buffer) => {
      const text = chunk.subarray(0, 4096).toString('latin1');
      for (const m of text.matchAll(/(?:^|\r\n)([A-Z]+ \S+) HTTP\/1\.[01]\r\n/g)) {
        seen.requests.push(m[1]!);
      }
    });
    client.on('close', () => (seen.closed = true));
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream, 'up');
    pipe(upstream, client, 'down');
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        address: `127.0.0.1:${port}`,
        forwarded,
        shut,
        connections,
        hold() {
          isOpen = false;
          allowance = forwarded[opts.watch];
        },
        open() {
          isOpen = true;
          held.splice(0).forEach((go) => go());
        },
        close() {
          for (const s of sockets) s.destroy();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}
