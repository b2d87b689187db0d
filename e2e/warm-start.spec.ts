import { readFileSync } from 'node:fs';
import { BUSYBOX_IMAGE, cli } from './harness/engine';
import { useOwnEngine } from './harness/own-engine';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';

// The app's start asks the engine for its container list while the page loads (main/warm-start.ts).
// An engine and app of their own: the warm-up happens only when no other socket is open, and an
// event from another test's container would make it stale.
test.describe.configure({ mode: 'serial' });
const own = useOwnEngine(test, 'warm');
const docker = (...args: string[]) => cli(own.engine, args);

const taken = () =>
  readFileSync(own.app.log, 'utf8')
    .split('\n')
    .filter((l) => l.includes("answered by the page load's")).length;

const listNames = async (client: Awaited<ReturnType<typeof connectClient>>) => {
  const r = await client.call('containers.list', { engineId: 'env' });
  expect(r.ok).toBe(true);
  return (r.value as { name: string }[]).map((c) => c.name).sort();
};

test('the first page’s list is the one asked while it loaded, and it is the CLI’s', async ({
  uniqueName,
}) => {
  const name = uniqueName('warm-old');
  docker('create', '--name', name, BUSYBOX_IMAGE, 'true');
  // Its event reaches the app before the page loads: the warm list is asked after it.
  await new Promise((r) => setTimeout(r, 500));
  const before = taken();
  // Connecting loads the page first (its page secret): no other socket is open.
  const client = await connectClient(own.app);
  try {
    const names = await listNames(client);
    expect(taken()).toBe(before + 1);
    expect(names).toContain(name);
    expect(names).toEqual(docker('ps', '-a', '--format', '{{.Names}}').split('\n').sort());
    // Used once: the next list asks the engine.
    await listNames(client);
    expect(taken()).toBe(before + 1);
  } finally {
    client.close();
  }
});

test('a container made by the CLI while the page loads is in its first list (the warm one is stale)', async ({
  uniqueName,
}) => {
  const name = uniqueName('warm-new');
  const before = taken();
  const client = await connectClient(own.app);
  try {
    // After the page was served, so after the warm list was asked.
    docker('create', '--name', name, BUSYBOX_IMAGE, 'true');
    // The engine's event reaches the app before the page would ask, as it does for a user.
    await new Promise((r) => setTimeout(r, 500));
    expect(await listNames(client)).toContain(name);
    expect(taken()).toBe(before);
  } finally {
    client.close();
  }
});
