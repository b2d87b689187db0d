import { startApp, stopApp } from './harness/app';
import { startGate, type Gate, type GateConnection } from './harness/gate';
import { connectClient, type RawClient } from './harness/web-client';
import { expect, test } from './fixtures';

/**
 * A cancelled call, or a closed socket, ends the engine requests the call made — not only its
 * answer. The app talks to the real engine over tcp:// through a gate that the test holds shut,
 * so the engine's answer never arrives and the call stays in flight; what the app does with its
 * request is then seen on the wire: the gate sees the request's connection close.
 */
test.describe('cancelling a call ends its engine request', () => {
  let gate: Gate;
  let app: Awaited<ReturnType<typeof startApp>>;

  test.beforeAll(async ({ suite }, testInfo) => {
    gate = await startGate(
      { path: suite.engine.host.replace(/^unix:\/\//, '') },
      { watch: 'down', openBytes: Number.POSITIVE_INFINITY },
    );
    app = await startApp({
      dockerHost: `tcp://${gate.address}`,
      dataDir: testInfo.outputPath('data'),
      logFile: testInfo.outputPath('app.log'),
    });
  });
  test.afterAll(async () => {
    if (app) await stopApp(app);
    await gate?.close();
  });

  /** The connection on which `path` was asked, once the app has sent it. */
  const asked = async (path: string): Promise<GateConnection> => {
    await expect
      .poll(() => gate.connections.some((c) => c.requests.some((r) => r.includes(path))))
      .toBe(true);
    return gate.connections.find((c) => c.requests.some((r) => r.includes(path)))!;
  };

  const connected = async (client: RawClient) => {
    let engineId = '';
    await expect
      .poll(async () => {
        const list = (await client.call('engines.list', {})).value as {
          id: string;
          status: { state: string };
        }[];
        engineId = list[0]?.id ?? '';
        return list[0]?.status.state;
      })
      .toBe('connected');
    return engineId;
  };

  test('a cancel and a closed socket each end the request on the wire', async () => {
    const client = await connectClient(app);
    const engineId = await connected(client);
    const events = await asked('/events');
    gate.hold(); // from now on no answer from the engine reaches the app

    await test.step('cancel: the call is answered CANCELLED and its request’s connection closes', async () => {
      // Not containers.list: main may already hold that answer (main/list-mirror.ts).
      const id = 'pt-cancel-held';
      client.send({ t: 'call', id: 1, name: 'containers.inspect', input: { engineId, id } });
      const request = await asked(`/containers/${id}/json`);
      expect(request.closed).toBe(false); // in flight, held by the gate
      client.send({ t: 'cancel', id: 1 });
      const answer = await client.next((m) => m.t === 'result' && m.id === 1);
      expect(answer).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
      await expect.poll(() => request.closed).toBe(true);
    });

    await test.step('closed socket: the engine request of a call still in flight ends', async () => {
      client.send({ t: 'call', id: 2, name: 'volumes.list', input: { engineId } });
      const request = await asked('GET /volumes');
      expect(request.closed).toBe(false);
      client.close();
      await expect.poll(() => request.closed).toBe(true);
    });

    await test.step('the engine’s own events stream is not a call’s: it stays open', async () => {
      expect(events.closed).toBe(false);
    });
  });
});
