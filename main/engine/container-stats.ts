import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import type { StatsSample } from '../../contract';
import { JsonLineReader } from '../streams/lines';

/** The part of the engine's stats JSON we read (cgroup v1 and v2 both). */
export interface RawStats {
  read: string;
  cpu_stats?: {
    cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
    system_cpu_usage?: number;
    online_cpus?: number;
  };
  precpu_stats?: RawStats['cpu_stats'];
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  pids_stats?: { current?: number };
}

/** CPU % as `docker stats` computes it: Δcontainer / Δsystem × online CPUs × 100. */
export function cpuPercent(s: RawStats): number {
  const cur = s.cpu_stats;
  const pre = s.precpu_stats;
  const dContainer = (cur?.cpu_usage?.total_usage ?? 0) - (pre?.cpu_usage?.total_usage ?? 0);
  const dSystem = (cur?.system_cpu_usage ?? 0) - (pre?.system_cpu_usage ?? 0);
  // The first reading has no previous one (precpu is zero): no rate yet.
  if (!pre?.system_cpu_usage || dSystem <= 0 || dContainer < 0) return 0;
  const cpus = cur?.online_cpus || cur?.cpu_usage?.percpu_usage?.length || 1;
  return (dContainer / dSystem) * cpus * 100;
}

/** Memory in use without the page cache, as `docker stats` shows it (v1: total_inactive_file, v2: inactive_file). */
export function memoryUsed(s: RawStats): number {
  const m = s.memory_stats;
  const usage = m?.usage ?? 0;
  const stats = m?.stats ?? {};
  const cache = stats.total_inactive_file ?? stats.inactive_file ?? 0;
  return cache < usage ? usage - cache : usage;
}

export function toSample(id: string, s: RawStats): StatsSample {
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(s.networks ?? {})) {
    netRx += n.rx_bytes ?? 0;
    netTx += n.tx_bytes ?? 0;
  }
  let blockRead = 0;
  let blockWrite = 0;
  for (const e of s.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = e.op.toLowerCase();
    if (op === 'read') blockRead += e.value;
    else if (op === 'write') blockWrite += e.value;
  }
  const t = Date.parse(s.read);
  return {
    id,
    t: Number.isFinite(t) && t > 0 ? t : Date.now(),
    cpuPercent: cpuPercent(s),
    memUsed: memoryUsed(s),
    memLimit: s.memory_stats?.limit ?? 0,
    netRx,
    netTx,
    blockRead,
    blockWrite,
    pids: s.pids_stats?.current ?? 0,
  };
}

/**
 * One engine stats stream per container, merged: the latest reading of each is sent in one batch
 * per `intervalMs`, so fifty containers cost one message a second, not fifty. Every engine
 * stream is destroyed on unsubscribe.
 */
export function streamStats(
  docker: Docker,
  ids: string[],
  emit: (batch: StatsSample[]) => void,
  intervalMs = 1000,
): () => void {
  const latest = new Map<string, StatsSample>();
  const streams = new Set<Readable>();
  let stopped = false;
  for (const id of new Set(ids)) {
    docker.getContainer(id).stats({ stream: true }, (err, stream) => {
      if (err || !stream) return; // gone or not running: simply no readings
      const s = stream as Readable;
      if (stopped) return void s.destroy();
      streams.add(s);
      const reader = new JsonLineReader((raw) => {
        if (raw && typeof raw === 'object') latest.set(id, toSample(id, raw as RawStats));
      });
      s.on('data', (chunk: Buffer) => reader.push(chunk));
      s.on('error', () => streams.delete(s));
      s.on('close', () => streams.delete(s));
    });
  }
  const timer = setInterval(() => {
    if (latest.size === 0) return;
    const batch = [...latest.values()];
    latest.clear();
    emit(batch);
  }, intervalMs);
  return () => {
    stopped = true;
    clearInterval(timer);
    for (const s of streams) s.destroy();
    streams.clear();
  };
}
