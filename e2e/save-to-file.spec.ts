import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SaveToFileEvent } from '../contract';
import type { Core } from '../main/core';
import type { ChooseSavePath } from '../main/transport/save-to-file';
import { CORE_ENGINE_ID, saveThroughCore, startCore } from './harness/core';
import { BUSYBOX_IMAGE } from './harness/engine';
import { expect, test } from './fixtures';

// The desktop app's save (downloads.toFile): main asks where with its save dialog, then writes
// the engine's stream to that file itself. There is no Electron binary here, so this drives
// the same core Electron builds — createCore with a chooser standing in for the dialog — over
// the real router against the suite's engine; `docker save -o` is the oracle.

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** What is in the folder saves go to, but the app's own data folder. */
const filesIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f !== 'app-data')
    .sort();

test.describe('saving straight to a file (the desktop app)', () => {
  let dir = '';
  let core: Core | undefined;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'porthole-save-to-file-'));
  });
  test.afterEach(() => {
    core?.stop();
    core = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  /** A core on the suite's engine whose "dialog" answers `choose`; resolves once connected. */
  async function start(host: string, choose: ChooseSavePath | undefined): Promise<Core> {
    core = await startCore(host, join(dir, 'app-data'), choose);
    return core;
  }

  /** Saves images through downloads.toFile; `onEvent` may close it. Resolves when it ended. */
  const save = (
    c: Core,
    ids: string[],
    filename: string,
    onEvent?: (e: SaveToFileEvent, close: () => void) => void,
  ) =>
    saveThroughCore(
      c,
      { stream: 'images.save', input: { engineId: CORE_ENGINE_ID, ids }, filename },
      onEvent,
    );

  test('writes the bytes `docker save -o` writes, under the chosen name, replacing what was there', async ({
    suite,
    docker,
  }) => {
    const chosen = join(dir, 'chosen.tar');
    writeFileSync(chosen, 'an older file of the same name');
    const asked: string[] = [];
    const c = await start(suite.engine.host, (name) => {
      asked.push(name);
      return Promise.resolve(chosen);
    });
    const { events, error } = await save(c, [BUSYBOX_IMAGE], 'test/busybox:latest.tar');
    expect(error).toBeUndefined();
    // The suggested name is made safe for a file system (no folders).
    expect(asked).toEqual(['busybox_latest.tar']);
    const cliFile = join(dir, 'cli.tar');
    docker('save', '-o', cliFile, BUSYBOX_IMAGE);
    expect(sha256(chosen)).toBe(sha256(cliFile));
    const size = readFileSync(cliFile).byteLength;
    expect(events.at(-1)).toEqual({ kind: 'saved', path: chosen, bytes: size });
    // Nothing but the two files: the partial file was renamed onto the chosen one.
    expect(filesIn(dir)).toEqual(['chosen.tar', 'cli.tar']);
  });

  test('the dialog dismissed: nothing is written', async ({ suite }) => {
    const c = await start(suite.engine.host, () => Promise.resolve(undefined));
    const { events, error } = await save(c, [BUSYBOX_IMAGE], 'a.tar');
    expect(error).toBeUndefined();
    expect(events).toEqual([{ kind: 'dismissed' }]);
    expect(filesIn(dir)).toEqual([]);
  });

  test('a folder that cannot be written: the error says so and what to do; nothing is left', async ({
    suite,
  }) => {
    const chosen = join(dir, 'no-such-folder', 'a.tar');
    const c = await start(suite.engine.host, () => Promise.resolve(chosen));
    const { error } = await save(c, [BUSYBOX_IMAGE], 'a.tar');
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`Could not write ${chosen}`),
      hint: 'Choose a folder you can write to, with room for the file.',
    });
    expect(filesIn(dir)).toEqual([]);
  });

  test("an image the engine does not have: the engine's error, and no partial file", async ({
    suite,
  }) => {
    const c = await start(suite.engine.host, () => Promise.resolve(join(dir, 'a.tar')));
    const { error } = await save(c, ['porthole-no-such-image:1'], 'a.tar');
    // Before, the engine's bare "unexpected - reference does not exist".
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      message: 'The engine has no image porthole-no-such-image:1.',
    });
    expect(filesIn(dir)).toEqual([]);
  });

  test('cancelled halfway: neither the file nor a part of it stays', async ({
    suite,
    docker,
    uniqueName,
  }) => {
    test.setTimeout(90_000);
    // 128 MB of random bytes: a save that is still running at its first progress report.
    const ref = `${uniqueName('big')}:1`;
    writeFileSync(
      join(dir, 'Dockerfile'),
      `FROM ${BUSYBOX_IMAGE}\nRUN head -c 134217728 /dev/urandom > /big\n`,
    );
    docker('build', '-q', '-t', ref, dir);
    rmSync(join(dir, 'Dockerfile'));
    try {
      const chosen = join(dir, 'big.tar');
      const c = await start(suite.engine.host, () => Promise.resolve(chosen));
      const { events } = await save(c, [ref], 'big.tar', (e, close) => {
        if (e.kind === 'progress' && e.bytes > 0) close();
      });
      expect(events.some((e) => e.kind === 'saved')).toBe(false);
      expect(events.find((e) => e.kind === 'progress')).toBeDefined();
      await expect.poll(() => filesIn(dir)).toEqual([]);
    } finally {
      docker('rmi', '-f', ref);
    }
  });

  test('web mode (no save dialog) refuses it, and says how the browser saves instead', async ({
    suite,
  }) => {
    const c = await start(suite.engine.host, undefined);
    const { error } = await save(c, [BUSYBOX_IMAGE], 'a.tar');
    expect(error).toEqual({
      code: 'FORBIDDEN',
      message: 'Saving straight to a file needs the desktop app.',
      hint: 'In the browser, save with a download link: the browser writes the file.',
    });
  });
});
