import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PortholeError } from '../../../../../contract';
import { describeTool, NO_COMPOSE } from '../../../../../main/engine/compose-cli';
import { ComposeJobs, type ComposeDeps } from '../../../../../main/engine/compose-jobs';
import { createSink } from '../../../../../main/streams/sink';

// A machine without compose: PATH is an empty folder, so neither `docker compose` nor
// `docker-compose` can be started (the real detection, not a stand-in for it).
const empty = mkdtempSync(join(tmpdir(), 'porthole-no-compose-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

function jobs() {
  const deps: ComposeDeps = {
    root: join(empty, 'compose'),
    docker: () => {
      throw new Error('no engine is asked when compose is missing');
    },
    endpoint: () => ({ kind: 'unix', socketPath: '/nonexistent.sock' }),
    env: { PATH: empty, HOME: empty },
  };
  return new ComposeJobs(deps);
}

describe('no compose CLI on this machine', () => {
  it('says which two commands were looked for', () => {
    expect(describeTool(undefined)).toBe(NO_COMPOSE);
    expect(NO_COMPOSE.available).toBe(false);
    expect(NO_COMPOSE.message).toBe(
      'Neither “docker compose” (v2) nor “docker-compose” (v1) is installed on this machine.',
    );
  });

  it('says how to install either, and to try again (no restart)', () => {
    // The words a user reads under the message: where the plugin's instructions are, both
    // package names, and that trying again is enough.
    expect(NO_COMPOSE.hint).toContain('docs.docker.com/compose/install');
    expect(NO_COMPOSE.hint).toContain('apt-get install docker-compose-plugin');
    expect(NO_COMPOSE.hint).toMatch(/Debian's v1: apt-get install docker-compose\./);
    expect(NO_COMPOSE.hint).toMatch(/Then try again\.$/);
  });

  it('the screen is told so by compose.cli', async () => {
    await expect(jobs().cli()).resolves.toEqual(NO_COMPOSE);
  });

  it('an Up ends with that message and hint, never silently', async () => {
    let ended: { error?: PortholeError } | undefined;
    const { sink } = createSink(
      { event: () => undefined, end: (error) => (ended = { error }), buffered: () => 0 },
      { flow: 'credit', window: { high: 1 << 20, low: 1 << 18 } },
    );
    jobs().run(
      'local',
      {
        op: 'up',
        spec: {
          projectName: 'shop',
          yaml: 'services:\n  web:\n    image: busybox\n',
          profiles: [],
        },
      },
      sink,
    );
    await expect.poll(() => ended).toBeDefined();
    expect(ended?.error).toEqual({
      code: 'NOT_FOUND',
      message: NO_COMPOSE.message,
      hint: NO_COMPOSE.hint,
    });
  });
});
