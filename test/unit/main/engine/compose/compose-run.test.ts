import { describe, expect, it } from 'vitest';
import type { ComposeRunEvent } from '../../../../../contract';
import type { ComposeTool } from '../../../../../main/engine/compose-cli';
import { runCli } from '../../../../../main/engine/compose-run';
import { createSink } from '../../../../../main/streams/sink';

/** A stand-in for compose: `sh -c SCRIPT` (compose's flags land in $0, $1… and are ignored). */
const shell = (script: string): ComposeTool => ({
  flavor: 'v1',
  version: '0',
  file: 'sh',
  prefix: ['-c', script],
});

function sinkFor() {
  const events: ComposeRunEvent[] = [];
  const control = createSink<ComposeRunEvent>(
    { event: (e) => events.push(e as ComposeRunEvent), end: () => undefined, buffered: () => 0 },
    { flow: 'credit', window: { high: 1 << 20, low: 1 << 18 } },
  );
  return { events, ...control };
}

const project = { name: 'shop', files: [], profiles: [] };

describe('runCli', () => {
  it('streams each line, reads progress from it, and reports how the CLI ended', async () => {
    const { events, sink } = sinkFor();
    const result = await runCli({
      tool: shell(
        'echo "Creating shop_web_1 ... done" >&2; echo "boom: the engine said no" >&2; exit 3',
      ),
      project,
      sub: ['up', '-d'],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: '/',
      services: ['web'],
      sink,
    });
    expect(result).toEqual({ code: 3, error: 'boom: the engine said no' });
    expect(events[0]).toMatchObject({ kind: 'command', cwd: '/' });
    expect(events.slice(1)).toEqual([
      { kind: 'output', text: 'Creating shop_web_1 ... done', err: true },
      {
        kind: 'progress',
        resource: 'service',
        name: 'web',
        unit: 'shop_web_1',
        step: 'created',
        state: 'done',
      },
      { kind: 'output', text: 'boom: the engine said no', err: true },
    ]);
  });

  it('gives the child only the environment it was handed', async () => {
    const { events, sink } = sinkFor();
    await runCli({
      tool: shell('echo "host=$DOCKER_HOST secret=${PORTHOLE_SECRET:-none}"'),
      project,
      sub: [],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', DOCKER_HOST: 'unix:///tmp/e.sock' },
      cwd: '/',
      services: [],
      sink,
    });
    expect(events.find((e) => e.kind === 'output')).toMatchObject({
      text: 'host=unix:///tmp/e.sock secret=none',
    });
  });

  it('closing the stream kills the CLI', async () => {
    const { events, sink, close } = sinkFor();
    const done = runCli({
      tool: shell('echo started; sleep 30; echo never'),
      project,
      sub: [],
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      cwd: '/',
      services: [],
      sink,
    });
    // Closed once the child is known to run (it printed), as a consumer going away would.
    await new Promise<void>((resolve) => {
      const check = () =>
        events.some((e) => e.kind === 'output') ? resolve() : setTimeout(check, 10);
      check();
    });
    close();
    const result = await done;
    expect(result.code).toBeNull();
    expect(events.some((e) => e.kind === 'output' && e.text === 'never')).toBe(false);
  });
});
