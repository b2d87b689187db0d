import { readFileSync } from 'node:fs';
import { BUSYBOX_IMAGE } from './harness/engine';
import { DOCKER_CLI, run } from './harness/proc';
import { expect, test } from './fixtures';
import { LogsPage } from './pages/logs';

test('seq 1 200000: the view ends at 200000, search finds 199999, the download has every line', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('seq');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'seq 1 200000; exec sleep 600');
  const logs = await LogsPage.openFrom(app, name);

  await test.step('follows to the last line', async () => {
    await expect(logs.lastLine()).toHaveText('200000', { timeout: 30_000 });
    await expect(logs.status).toHaveText('Following');
    await expect(logs.button('Load earlier')).toBeVisible();
  });
  await test.step('search finds 199999 and highlights it', async () => {
    await logs.search.fill('199999');
    await expect(logs.matchCount).toHaveText('1 of 1');
    await expect(logs.log.locator('mark')).toHaveText('199999');
    await logs.search.fill('^19999\\d$');
    await expect(logs.matchCount).toHaveText('No matches');
    await logs.page.getByRole('checkbox', { name: 'Regex' }).check();
    // 199990–199999: ten lines in the tail.
    await expect(logs.matchCount).toHaveText('10 of 10');
    await logs.page.screenshot({ path: test.info().outputPath('logs-search.png') });
  });
  await test.step('download streams all 200000 lines from the engine', async () => {
    const [download] = await Promise.all([
      logs.page.waitForEvent('download'),
      logs.button('Download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${name}.log`);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBe(200000);
    expect(lines[0]).toBe('1');
    expect(lines[199999]).toBe('200000');
    // The oracle: the CLI sees the same number of lines.
    const cliCount = run('sh', [
      '-c',
      `${DOCKER_CLI} -H ${suite.engine.host} logs ${name} | wc -l`,
    ]);
    expect(Number(cliCount.trim())).toBe(lines.length);
  });
});

test('#/logs/…/all asks for the whole log, as `docker logs` does, not the last lines', async ({
  app,
  docker,
  suite,
  uniqueName,
}) => {
  const name = uniqueName('whole');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'seq 1 3000; exec sleep 600');
  const logs = await LogsPage.openFrom(app, name);
  await expect(logs.lastLine()).toHaveText('3000', { timeout: 30_000 });
  await logs.page.getByRole('checkbox', { name: 'Regex' }).check();

  await test.step('by default: the last lines (Settings → Log tail size), more to load', async () => {
    await logs.search.fill('^\\d+$');
    await expect(logs.matchCount).toHaveText('1000 of 1000');
    await expect(logs.button('Load earlier')).toBeVisible();
  });
  await test.step('…/all: every line the engine has, the first one too', async () => {
    await logs.page.goto(`${logs.page.url()}/all`);
    await logs.page.reload();
    await expect(logs.lastLine()).toHaveText('3000', { timeout: 30_000 });
    await logs.page.getByRole('checkbox', { name: 'Regex' }).check();
    await logs.search.fill('^\\d+$');
    const cliCount = run('sh', [
      '-c',
      `${DOCKER_CLI} -H ${suite.engine.host} logs ${name} | wc -l`,
    ]);
    await expect(logs.matchCount).toHaveText(`${cliCount.trim()} of ${cliCount.trim()}`);
    await logs.search.fill('^1$');
    await expect(logs.matchCount).toHaveText('1 of 1');
    await expect(logs.button('Load earlier')).toHaveCount(0);
  });
});

test('a TTY container: raw stream, not demultiplexed; ANSI colours rendered', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('tty');
  docker(
    'run',
    '-d',
    '-t',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'printf "\\033[31mred-text\\033[0m plain\\n"; echo second; exec sleep 600',
  );
  const logs = await LogsPage.openFrom(app, name);
  await expect(logs.lines()).toHaveCount(2);
  expect(await logs.texts()).toEqual(['red-text plain', 'second']);
  await expect(logs.log.getByText('red-text', { exact: true })).toHaveCSS(
    'color',
    'rgb(205, 49, 49)',
  );
});

test('a non-TTY container: stdout and stderr demultiplexed and told apart', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('std');
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'echo to-out; echo to-err >&2; echo again-out; exec sleep 600',
  );
  const logs = await LogsPage.openFrom(app, name);
  await expect(logs.lines()).toHaveCount(3);
  // The engine copies stdout and stderr in separate goroutines: their relative order is not
  // guaranteed, so check each line's text and stream rather than the interleaving.
  expect((await logs.texts()).sort()).toEqual(['again-out', 'to-err', 'to-out']);
  const line = (text: string) => logs.lines().filter({ hasText: text });
  await expect(line('to-err')).toHaveAttribute('data-stream', 'stderr');
  await expect(line('to-out')).toHaveAttribute('data-stream', 'stdout');
  await expect(line('again-out')).toHaveAttribute('data-stream', 'stdout');
});

test('follow continues across docker restart; stop and removal are announced', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('restart');
  docker('run', '-d', '--name', name, BUSYBOX_IMAGE, 'sh', '-c', 'echo boot-line; exec sleep 600');
  const logs = await LogsPage.openFrom(app, name);
  const boots = logs.log.locator('.log-text', { hasText: 'boot-line' });
  await expect(boots).toHaveCount(1);

  await test.step('docker restart → the second boot appears, nothing repeats', async () => {
    docker('restart', '-t', '1', name);
    await expect(boots).toHaveCount(2);
    await expect(logs.status).toHaveText('Following');
    // Written to PID 1's stdout after the restart: it lands in the log we follow.
    docker('exec', name, 'sh', '-c', 'echo after-restart > /proc/1/fd/1');
    await expect(logs.lastLine()).toHaveText('after-restart');
    await expect(boots).toHaveCount(2);
  });
  await test.step('docker stop → says so; docker rm → "Container removed"', async () => {
    docker('stop', '-t', '1', name);
    await expect(logs.status).toContainText('Container stopped');
    docker('rm', name);
    await expect(logs.status).toHaveText('Container removed');
    // What was there stays readable.
    await expect(logs.lastLine()).toHaveText('after-restart');
  });
});

test('filter mode shows only matching lines; scrolling up pauses follow', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('filter');
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'for i in $(seq 1 300); do echo "row-$i"; done; exec sleep 600',
  );
  const logs = await LogsPage.openFrom(app, name);
  await expect(logs.lastLine()).toHaveText('row-300');

  await test.step('scroll up → follow pauses; Jump to latest resumes', async () => {
    await logs.log.hover();
    await logs.page.mouse.wheel(0, -2000);
    await expect(logs.button('Jump to latest')).toBeVisible();
    await expect(logs.lastLine()).not.toHaveText('row-300');
    docker('exec', name, 'sh', '-c', 'echo row-late > /proc/1/fd/1');
    await logs.button('Jump to latest').click();
    await expect(logs.lastLine()).toHaveText('row-late');
    await expect(logs.button('Jump to latest')).toHaveCount(0);
  });
  await test.step('filter: only lines matching row-2.. (regex)', async () => {
    await logs.page.getByRole('checkbox', { name: 'Regex' }).check();
    await logs.search.fill('^row-2\\d$');
    await expect(logs.matchCount).toHaveText('10 of 10');
    await logs.page.getByRole('checkbox', { name: 'Only matching lines' }).check();
    await expect(logs.lines()).toHaveCount(10);
    expect(await logs.texts()).toEqual(Array.from({ length: 10 }, (_, i) => `row-2${i}`));
    await logs.button('Previous match').click();
    await expect(logs.matchCount).toHaveText('9 of 10');
  });
  await test.step('an invalid regex is reported at the field', async () => {
    await logs.search.fill('row-(');
    await expect(logs.search).toHaveAttribute('aria-invalid', 'true');
    await expect(logs.page.locator('#log-search-error')).toContainText(
      /Unterminated group|unterminated/i,
    );
  });
});

test('merged timeline: two containers interleaved by time, prefixed with their names', async ({
  app,
  docker,
  uniqueName,
}) => {
  const a = uniqueName('ma');
  const b = uniqueName('mb');
  const say = (name: string, text: string) =>
    docker('exec', name, 'sh', '-c', `echo ${text} > /proc/1/fd/1`);
  docker('run', '-d', '--name', a, BUSYBOX_IMAGE, 'sh', '-c', 'echo a-1; exec sleep 600');
  docker('run', '-d', '--name', b, BUSYBOX_IMAGE, 'sh', '-c', 'echo b-1; exec sleep 600');
  say(a, 'a-2');
  say(b, 'b-2');
  const logs = await LogsPage.openFrom(app, a);
  await expect(logs.lines()).toHaveCount(2);
  await logs.page.getByText('Merge containers…').click();
  // Ticking changes the route (#/logs/ENGINE/A,B), which re-renders the picker: click, then check.
  await logs.page.getByRole('checkbox', { name: `Include ${b}` }).click();
  await expect(logs.page.getByRole('checkbox', { name: `Include ${b}` })).toBeChecked();
  await logs.page.getByText('Merge containers…').click();
  const merged = new LogsPage(logs.page, `${a}, ${b}`);
  await expect(merged.lines()).toHaveCount(4);
  say(a, 'a-3');
  await expect(merged.lines()).toHaveCount(5);
  expect(await merged.texts()).toEqual(['a-1', 'b-1', 'a-2', 'b-2', 'a-3']);
  const prefixes = await merged.log.locator('.log-src').allInnerTexts();
  expect(prefixes.map((p) => p.trim())).toEqual([a, b, a, b, a]);
  // Each container has its own colour.
  const colour = (i: number) =>
    merged.log
      .locator('.log-src')
      .nth(i)
      .evaluate((el) => getComputedStyle(el).color);
  expect(await colour(0)).not.toBe(await colour(1));
  expect(await colour(0)).toBe(await colour(2));
  await merged.page.screenshot({ path: test.info().outputPath('logs-merged.png') });
});

test('since and until narrow the view to a time range (the CLI’s timestamps as the oracle)', async ({
  app,
  docker,
  uniqueName,
}) => {
  const name = uniqueName('range');
  docker(
    'run',
    '-d',
    '--name',
    name,
    BUSYBOX_IMAGE,
    'sh',
    '-c',
    'echo early; sleep 2; echo late; exec sleep 600',
  );
  const logs = await LogsPage.openFrom(app, name);
  await expect(logs.lines()).toHaveCount(2, { timeout: 20_000 });
  const stamped = docker('logs', '-t', name).split('\n');
  const lateAt = Math.floor(
    Date.parse(stamped.find((l) => l.endsWith(' late'))!.split(' ')[0]!) / 1000,
  );

  await logs.page.getByRole('textbox', { name: 'Since' }).fill(String(lateAt));
  await logs.button('Apply').click();
  await expect(logs.lines()).toHaveCount(1);
  expect(await logs.texts()).toEqual(['late']);

  await logs.page.getByRole('textbox', { name: 'Since' }).fill('');
  await logs.page.getByRole('textbox', { name: 'Until' }).fill(String(lateAt - 1));
  await logs.button('Apply').click();
  await expect(logs.lines()).toHaveCount(1);
  expect(await logs.texts()).toEqual(['early']);

  await logs.page.getByRole('textbox', { name: 'Until' }).fill('last tuesday');
  await logs.button('Apply').click();
  await expect(logs.page.getByRole('textbox', { name: 'Until' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
});
