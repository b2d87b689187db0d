import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import Docker from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIST_IDS_MAX } from '../../../../contract';
import { bindDocker, createRequestScope } from '../../../../main/engine/request-scope';
import { createRouter } from '../../../../main/router';
import { openConnection } from '../../../../main/transport/connection';
import type { CallHandlers, StreamHandlers } from '../../../../main/router';
import { quietLog } from '../fake-core';

/**
 * A stand-in engine over real HTTP that answers `/_ping` at once and holds every other request
 * until the test lets it go; it records when a held request's connection closes — what the
 * engine sees when a client aborts.
 */
function heldEngine() {
  const held: { url: string; res: ServerResponse; closed: Promise<void> }[] = [];
  const seen: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push(req.url ?? '');
    if (req.url?.includes('_ping')) return res.end('OK');
    const closed = new Promise<void>((r) => res.once('close', () => r()));
    held.push({ url: req.url ?? '', res, closed });
  });
  return { server, held, seen };
}

let engine: ReturnType<typeof heldEngine>;
let docker: Docker;
let agent: Agent;

beforeEach(async () => {
  engine = heldEngine();
  await new Promise<void>((r) => engine.server.listen(0, '127.0.0.1', r));
  const { port } = engine.server.address() as AddressInfo;
  agent = new Agent({ keepAlive: true });
  docker = new Docker({ host: '127.0.0.1', port, protocol: 'http', agent } as Docker.DockerOptions);
});
afterEach(async () => {
  for (const h of engine.held) h.res.destroy();
  engine.server.closeAllConnections();
  await new Promise((r) => engine.server.close(r));
  agent.destroy();
});

/** The error a request ended with (caught at once: no unhandled rejection meanwhile). */
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: Error) => e.message,
  );

const heldCount = async (n: number) => {
  for (let i = 0; i < 200 && engine.held.length < n; i++)
    await new Promise((r) => setTimeout(r, 5));
  expect(engine.held).toHaveLength(n);
};

describe('bindDocker', () => {
  it('aborting the signal ends the engine-side request, for objects it hands out too', async () => {
    const life = new AbortController();
    const bound = bindDocker(docker, life.signal);
    const list = outcome(bound.listContainers());
    const inspect = outcome(bound.getContainer('abc').inspect());
    await heldCount(2);
    life.abort();
    await Promise.all(engine.held.map((h) => h.closed));
    expect(await list).toMatch(/abort/i);
    expect(await inspect).toMatch(/abort/i);
  });

  it('one stream may hold a request per container in flight without a listener-leak warning', async () => {
    // containers.stats opens one engine stream per running container (up to LIST_IDS_MAX), all
    // on the stream's one signal: Node warned "MaxListenersExceededWarning … 11 abort
    // listeners" on the app's stderr at the eleventh, though each is removed when its
    // request ends.
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const life = new AbortController();
      const bound = bindDocker(docker, life.signal);
      const all = Array.from({ length: LIST_IDS_MAX }, (_, i) =>
        outcome(bound.getContainer(`c${i}`).inspect()),
      );
      await heldCount(LIST_IDS_MAX);
      life.abort();
      await Promise.all(all);
      await new Promise((r) => setImmediate(r));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('shares the client’s modem state and agent: no pool per call', () => {
    const bound = bindDocker(docker, new AbortController().signal);
    const modem = bound.modem as unknown as { agent: unknown; port: unknown };
    expect(modem.agent).toBe(agent);
    expect(modem.port).toBe((docker.modem as unknown as { port: unknown }).port);
    expect(bound.modem).not.toBe(docker.modem);
  });

  it('a request’s own signal still works beside the bound one', async () => {
    const bound = bindDocker(docker, new AbortController().signal);
    const own = new AbortController();
    const p = outcome(bound.listImages({ abortSignal: own.signal }));
    await heldCount(1);
    own.abort();
    await engine.held[0]!.closed;
    expect(await p).toMatch(/abort/i);
  });

  it('a request started after the abort (cleanup) still reaches the engine', async () => {
    const life = new AbortController();
    life.abort();
    await expect(bindDocker(docker, life.signal).ping()).resolves.toBeDefined();
    expect(engine.seen.some((u) => u.includes('_ping'))).toBe(true);
  });

  it('leaves the unbound client alone', async () => {
    const life = new AbortController();
    bindDocker(docker, life.signal);
    const p = docker.listContainers();
    await heldCount(1);
    life.abort();
    engine.held[0]!.res.end('[]');
    await expect(p).resolves.toEqual([]);
  });
});

describe('a request scope', () => {
  it('binds only inside run, and keeps the binding across awaits', async () => {
    const scope = createRequestScope();
    expect(scope.bind(docker)).toBe(docker);
    const life = new AbortController();
    const p = outcome(
      scope.run(life.signal, async () => {
        await new Promise((r) => setTimeout(r, 1));
        return scope.bind(docker).listNetworks();
      }),
    );
    await heldCount(1);
    life.abort();
    await engine.held[0]!.closed;
    expect(await p).toMatch(/abort/i);
  });

  it('through the router: cancelling a call and closing its connection end its engine requests', async () => {
    const scope = createRequestScope();
    const calls = {
      // The handler passes no signal: the scope binds it.
      'containers.inspect': (i: { id: string }) => scope.bind(docker).getContainer(i.id).inspect(),
    } as unknown as CallHandlers;
    const router = createRouter(calls, {} as StreamHandlers, quietLog, scope);
    const frames: unknown[] = [];
    const connection = openConnection(router, { send: (f) => frames.push(f) });
    const input = { engineId: 'local', id: 'abc' };
    connection.receive({ t: 'call', id: 1, name: 'containers.inspect', input });
    connection.receive({ t: 'call', id: 2, name: 'containers.inspect', input });
    await heldCount(2);
    connection.receive({ t: 'cancel', id: 1 });
    await engine.held[0]!.closed;
    connection.close();
    await engine.held[1]!.closed;
    expect(frames).toEqual([
      { t: 'result', id: 1, ok: false, error: expect.objectContaining({ code: 'CANCELLED' }) },
    ]);
  });
});
