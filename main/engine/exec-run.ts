import type { Duplex } from 'node:stream';
import type Docker from 'dockerode';
import { FrameDemuxer } from '../streams/demux';

export interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout passed `maxBytes` and the rest was dropped. */
  truncated: boolean;
}

/** Keeps at most `max` bytes of what is added to it. */
class Bounded {
  readonly parts: Buffer[] = [];
  bytes = 0;
  over = false;
  constructor(private readonly max: number) {}
  add(chunk: Buffer) {
    const room = this.max - this.bytes;
    if (chunk.length > room) this.over = true;
    if (room > 0) {
      const kept = chunk.subarray(0, room);
      this.parts.push(kept);
      this.bytes += kept.length;
    }
  }
  text = () => Buffer.concat(this.parts).toString('utf8');
}

/**
 * Runs a command in a running container as argv (never a shell string), as root, without a
 * TTY, and collects what it prints (stdout up to `maxBytes`, stderr up to 64 KiB).
 */
export async function runArgv(
  docker: Docker,
  id: string,
  cmd: string[],
  opts: { signal?: AbortSignal; maxBytes?: number } = {},
): Promise<ExecResult> {
  const container = docker.getContainer(id);
  const signal = opts.signal ? { abortSignal: opts.signal } : {};
  const exec = await container.exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
    User: '0',
    ...signal,
  });
  const stream = (await exec.start({ hijack: true, stdin: false, ...signal })) as Duplex;
  const out = new Bounded(opts.maxBytes ?? 8 * 1024 * 1024);
  const err = new Bounded(64 * 1024);
  await new Promise<void>((resolve, reject) => {
    const demux = new FrameDemuxer((kind, piece) => (kind === 'stderr' ? err : out).add(piece));
    stream.on('data', (chunk: Buffer) => demux.push(chunk));
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', reject);
    opts.signal?.addEventListener('abort', () => stream.destroy(), { once: true });
  });
  let code: number | null = null;
  for (let i = 0; i < 20; i++) {
    const state = await exec.inspect(signal);
    if (!state.Running) {
      code = state.ExitCode ?? null;
      break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return { code, stdout: out.text(), stderr: err.text(), truncated: out.over };
}
