import { readFileSync } from 'node:fs';
import { openApp } from './harness/app';
import { BUSYBOX_IMAGE, cli } from './harness/engine';
import { useOwnEngine } from './harness/own-engine';
import { connectClient } from './harness/web-client';
import { expect, test } from './fixtures';
import { ContainersPage } from './pages/containers';

// Main keeps each engine's container list between pages and reads again only the rows that an
// event changed (main/list-mirror.ts). The CLI is the oracle: whatever it changed while no page
// was open, the next page's list is what `docker ps -a` says. An engine and app of their own:
// another test's containers would change the list between the two reads.
test.describe.configure({ mode: 'serial' });
const own = useOwnEngine(test, 'mirror');
const docker = (...args: string[]) => cli(own.engine, args);

/** Each container as `docker ps -a` lists it: name and state, sorted. */
const cliRows = () =>
  docker('ps', '-a', '--format', '{{.Names}} {{.State}}').split('\n').filter(Boolean).sort();

const reread = () =>
  readFileSync(own.app.log, 'utf8')
    .split('\n')
    .filter((l) => l.includes("main's copy,")).length;

const appRows = async () => {
  const client = await connectClient(own.app);
  try {
    const r = await client.call('containers.list', { engineId: 'env' });
    expect(r.ok).toBe(true);
    return (r.value as { name: string; state: string }[]).map((c) => `${c.name} ${c.state}`).sort();
  } finally {
    client.close();
  }
};

test('what the CLI changed between two pages is in the second page’s list', async ({
  uniqueName,
}) => {
  const [kept, renamed, gone, started] = ['kept', 'renamed', 'gone', 'started'].map(uniqueName);
  for (const name of [kept, renamed, gone, started!])
    docker('create', '--name', name!, BUSYBOX_IMAGE, 'sleep', '600');
  await expect.poll(appRows).toEqual(cliRows());
  const before = reread();

  docker('rename', renamed!, `${renamed}-new`);
  docker('rm', gone!);
  docker('start', started!);
  const made = uniqueName('made');
  docker('run', '-d', '--name', made, BUSYBOX_IMAGE, 'sleep', '600');
  // The events reach main before a page would ask, as they do when a user opens one.
  await new Promise((r) => setTimeout(r, 500));

  const rows = await appRows();
  expect(rows).toEqual(cliRows());
  expect(rows).toContain(`${renamed}-new created`);
  expect(rows).toContain(`${started} running`);
  expect(rows.some((r) => r.startsWith(`${gone} `))).toBe(false);
  // From the copy, with the changed rows read again (not the whole list).
  expect(reread()).toBe(before + 1);
});

test('a container that exits by itself is shown exited, as the engine settles it', async ({
  uniqueName,
}) => {
  await appRows(); // the copy is current
  const name = uniqueName('exits');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'sleep 1');
  await expect
    .poll(() => docker('inspect', '-f', '{{.State.Status}}', name), { timeout: 15_000 })
    .toBe('exited');
  await new Promise((r) => setTimeout(r, 300));
  expect(await appRows()).toContain(`${name} exited`);
  expect(await appRows()).toEqual(cliRows());
});

test('the Containers screen opened again shows a rename made while it was closed', async ({
  page,
  uniqueName,
}) => {
  const name = uniqueName('shown');
  docker('create', '--name', name, BUSYBOX_IMAGE, 'true');
  await openApp(page, own.app);
  const containers = new ContainersPage(page);
  await containers.open();
  await expect(containers.row(name)).toHaveCount(1);

  await page.goto('about:blank');
  docker('rename', name, `${name}-b`);
  await new Promise((r) => setTimeout(r, 500));
  await page.goto(`${own.app.origin}/#/containers`);
  await expect(containers.row(`${name}-b`)).toHaveCount(1);
  await expect(containers.row(name)).toHaveCount(0);
});
