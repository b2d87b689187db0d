import type Docker from 'dockerode';
import { describe, expect, it, vi } from 'vitest';
import { attachContainer } from '../../../../main/engine/attach';
import { pickShell, runExec, SHELLS } from '../../../../main/engine/exec';
import { CTRL_D_AFTER_MS } from '../../../../main/engine/terminal';
import { fakeSocket, recordingSink, tick } from './terminal-fakes';

describe('pickShell', () => {
  const container = (present: string[]) =>
    ({
      infoArchive: ({ path }: { path: string }) =>
        present.includes(path) ? Promise.resolve({}) : Promise.reject(new Error('404')),
    }) as unknown as Docker.Container;

  it('tries /bin/bash, then /bin/sh', async () => {
    expect(SHELLS).toEqual(['/bin/bash', '/bin/sh']);
    expect(await pickShell(container(['/bin/bash', '/bin/sh']))).toBe('/bin/bash');
    expect(await pickShell(container(['/bin/sh']))).toBe('/bin/sh');
    expect(await pickShell(container([]))).toBe('/bin/sh');
  });
});

/** A dockerode stand-in for one container: what runExec / attachContainer asked of it. */
function fakeDocker(state: { running?: boolean; tty?: boolean; exitCode?: number } = {}) {
  const sock = fakeSocket();
  const created: Record<string, unknown>[] = [];
  const resizes: unknown[] = [];
  const exec = {
    start: vi.fn(async () => sock.socket),
    resize: vi.fn(async (o: unknown) => void resizes.push(o)),
    inspect: vi.fn(async () => ({ Running: false, ExitCode: state.exitCode ?? 0 })),
  };
  const container = {
    inspect: vi.fn(async () => ({
      Name: '/web',
      State: { Running: state.running ?? true, ExitCode: state.exitCode ?? 0 },
      Config: { Tty: state.tty ?? true, OpenStdin: state.tty ?? true, Cmd: ['sh'] },
    })),
    infoArchive: vi.fn(async ({ path }: { path: string }) => {
      if (path !== '/bin/sh') throw new Error('404');
    }),
    exec: vi.fn(async (o: Record<string, unknown>) => (created.push(o), exec)),
    attach: vi.fn(async () => sock.socket),
    resize: vi.fn(async (o: unknown) => void resizes.push(o)),
  };
  const docker = { getContainer: () => container } as unknown as Docker;
  return { docker, sock, created, resizes, exec, container };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await tick();
};

describe('runExec', () => {
  it('runs the first shell there is with a TTY of the asked size, and reports the exit code', async () => {
    const f = fakeDocker({ exitCode: 3 });
    const s = recordingSink();
    const controls = runExec(f.docker, { id: 'web', cols: 100, rows: 30 }, s.sink);
    controls.control!({ kind: 'input', data: 'exit 3\r' });
    await settle();
    expect(f.created[0]).toMatchObject({ Cmd: ['/bin/sh'], Tty: true, ConsoleSize: [30, 100] });
    expect(f.resizes).toEqual([{ h: 30, w: 100 }]);
    expect(f.sock.written.join('')).toBe('exit 3\r');
    expect(s.events[0]!.event).toEqual({ kind: 'session', cmd: ['/bin/sh'] });
    f.sock.exit();
    await settle();
    expect(s.events.at(-1)!.event).toEqual({ kind: 'exit', code: 3 });
    expect(s.ends).toEqual([undefined]);
  });

  it('fails clearly when the container is not running', async () => {
    const f = fakeDocker({ running: false });
    const s = recordingSink();
    runExec(f.docker, { id: 'web', cols: 80, rows: 24 }, s.sink);
    await settle();
    expect(s.ends[0]).toMatchObject({ code: 'CONFLICT', message: 'Container web is not running.' });
    expect(f.container.exec).not.toHaveBeenCalled();
  });

  it('closing the stream hangs up the process', async () => {
    const f = fakeDocker();
    const s = recordingSink();
    const controls = runExec(f.docker, { id: 'web', cmd: ['yes'], cols: 80, rows: 24 }, s.sink);
    await settle();
    s.close();
    controls.close?.();
    await new Promise((r) => setTimeout(r, CTRL_D_AFTER_MS + 20));
    expect(f.sock.written.join('')).toBe('\x03\x04');
    f.sock.socket.destroy();
  });
});

describe('attachContainer', () => {
  it('refuses a container started without -it', async () => {
    const f = fakeDocker({ tty: false });
    const s = recordingSink();
    attachContainer(f.docker, { id: 'web', cols: 80, rows: 24 }, s.sink);
    await settle();
    expect(s.ends[0]).toMatchObject({ code: 'CONFLICT' });
    expect(f.container.attach).not.toHaveBeenCalled();
  });

  it('resizes the container, and closing only detaches', async () => {
    const f = fakeDocker();
    const s = recordingSink();
    const controls = attachContainer(f.docker, { id: 'web', cols: 80, rows: 24 }, s.sink);
    await settle();
    expect(s.events[0]!.event).toEqual({ kind: 'session', cmd: ['sh'] });
    controls.control?.({ kind: 'resize', cols: 120, rows: 40 });
    await settle();
    expect(f.resizes).toEqual([
      { h: 24, w: 80 },
      { h: 40, w: 120 },
    ]);
    s.close();
    controls.close?.();
    expect(f.sock.written).toEqual([]);
    expect(f.sock.socket.destroyed).toBe(true);
  });
});
