import { connectClient, type RawClient } from './harness/web-client';
import { expect, test } from './fixtures';

test.describe('the router over web mode', () => {
  let client: RawClient;
  test.beforeEach(async ({ suite }) => {
    client = await connectClient(suite.app);
  });
  test.afterEach(() => client.close());

  const engineId = 'env';

  test('rejects malformed input with INVALID_INPUT and keeps serving', async ({ docker }) => {
    const expectInvalid = (r: Record<string, unknown>, text: RegExp) => {
      expect(r.ok).toBe(false);
      expect((r.error as { code: string }).code).toBe('INVALID_INPUT');
      expect((r.error as { message: string }).message).toMatch(text);
    };
    expectInvalid(
      await client.call('containers.explode', {}),
      /Unknown call "containers\.explode"/,
    );
    expectInvalid(await client.call('toString', {}), /Unknown call/);
    expectInvalid(await client.call('containers.list', { engineId: 42 }), /engineId/);
    expectInvalid(await client.call('containers.list', {}), /engineId/);
    expectInvalid(
      await client.call('containers.list', { engineId: 'no-such-engine' }),
      /No engine with id/,
    );
    expectInvalid(await client.call('containers.stop', { engineId, id: '' }), /id/);
    expectInvalid(
      await client.call('containers.remove', {
        engineId,
        id: 'x',
        force: 'yes',
        removeVolumes: false,
      }),
      /force/,
    );
    expectInvalid(
      await client.call('containers.list', { engineId, extra: true }),
      /extra|Unrecognized/i,
    );

    client.sendRaw('this is not json');
    const notJson = await client.next((m) => m.t === 'error');
    expect((notJson.error as { code: string }).code).toBe('INVALID_INPUT');
    client.send({ t: 'launch', id: 1 });
    const badEnvelope = await client.next((m) => m.t === 'error');
    expect((badEnvelope.error as { message: string }).message).toMatch(/Malformed message/);

    client.send({ t: 'sub', id: 7, name: 'no.such.stream', input: {} });
    const end = await client.next((m) => m.t === 'end' && m.id === 7);
    expect((end.error as { code: string }).code).toBe('INVALID_INPUT');

    // Still serving, and serving the truth.
    // (Polled: other tests add and remove containers on this engine meanwhile.)
    await expect
      .poll(async () => {
        const list = await client.call('containers.list', { engineId });
        const cliCount = docker('ps', '-aq').split('\n').filter(Boolean).length;
        return list.ok && (list.value as unknown[]).length === cliCount;
      })
      .toBe(true);
  });

  test('an unknown container is NOT_FOUND in the engine’s words', async () => {
    const r = await client.call('containers.start', { engineId, id: 'pt-does-not-exist' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((r.error as { message: string }).message).toMatch(/No such container/i);
  });

  test('engines.list names the engine and its state', async () => {
    const r = await client.call('engines.list', {});
    expect(r.ok).toBe(true);
    const [engine] = r.value as {
      id: string;
      source: string;
      status: { state: string; version?: string };
    }[];
    expect(engine).toMatchObject({ id: 'env', source: 'env', status: { state: 'connected' } });
    expect(engine!.status.version).toMatch(/^\d+\.\d+/);
  });

  test('engine.events streams what the CLI does', async ({ docker, uniqueName }) => {
    client.send({ t: 'sub', id: 11, name: 'engine.events', input: { engineId } });
    const name = uniqueName('ev');
    docker('create', '--name', name, 'test/busybox:latest', 'true');
    const event = await client.next((m) => {
      const e = m.event as { type?: string; action?: string; name?: string } | undefined;
      return (
        m.t === 'event' &&
        m.id === 11 &&
        e?.type === 'container' &&
        e.action === 'create' &&
        e.name === name
      );
    });
    expect(event).toBeTruthy();
    client.send({ t: 'unsub', id: 11 });
  });
});
