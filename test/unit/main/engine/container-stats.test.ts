import { describe, expect, it } from 'vitest';
import {
  cpuPercent,
  memoryUsed,
  toSample,
  type RawStats,
} from '../../../../main/engine/container-stats';

const reading = (patch: Partial<RawStats> = {}): RawStats => ({
  read: '2026-01-01T00:00:01Z',
  cpu_stats: {
    cpu_usage: { total_usage: 2_000_000_000 },
    system_cpu_usage: 20_000_000_000,
    online_cpus: 2,
  },
  precpu_stats: { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 16_000_000_000 },
  ...patch,
});

describe('cpuPercent', () => {
  it('is Δcontainer / Δsystem × online CPUs × 100', () => {
    // 1e9 / 4e9 × 2 × 100 = 50 %
    expect(cpuPercent(reading())).toBeCloseTo(50);
  });
  it('counts per-CPU entries when online_cpus is missing (older engines)', () => {
    const s = reading();
    s.cpu_stats = {
      cpu_usage: { total_usage: 2e9, percpu_usage: [1, 1, 1, 1] },
      system_cpu_usage: 20e9,
    };
    expect(cpuPercent(s)).toBeCloseTo(100);
  });
  it('is 0 for the first reading (no previous one) and when the system counter did not move', () => {
    expect(
      cpuPercent(reading({ precpu_stats: { cpu_usage: { total_usage: 0 }, system_cpu_usage: 0 } })),
    ).toBe(0);
    const s = reading();
    s.precpu_stats = { cpu_usage: { total_usage: 1e9 }, system_cpu_usage: 20e9 };
    expect(cpuPercent(s)).toBe(0);
  });
});

describe('memoryUsed', () => {
  it('subtracts the inactive page cache (cgroup v2 and v1), as docker stats does', () => {
    expect(
      memoryUsed({ read: '', memory_stats: { usage: 1000, stats: { inactive_file: 300 } } }),
    ).toBe(700);
    expect(
      memoryUsed({ read: '', memory_stats: { usage: 1000, stats: { total_inactive_file: 100 } } }),
    ).toBe(900);
    expect(memoryUsed({ read: '', memory_stats: { usage: 1000 } })).toBe(1000);
  });
});

describe('toSample', () => {
  it('sums networks and block I/O by direction', () => {
    const s = toSample(
      'abc',
      reading({
        memory_stats: { usage: 2048, limit: 4096, stats: {} },
        networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
        blkio_stats: {
          io_service_bytes_recursive: [
            { op: 'Read', value: 100 },
            { op: 'Write', value: 50 },
            { op: 'read', value: 1 },
            { op: 'Total', value: 151 },
          ],
        },
        pids_stats: { current: 3 },
      }),
    );
    expect(s).toEqual({
      id: 'abc',
      t: Date.parse('2026-01-01T00:00:01Z'),
      cpuPercent: expect.closeTo(50, 5) as number,
      memUsed: 2048,
      memLimit: 4096,
      netRx: 11,
      netTx: 22,
      blockRead: 101,
      blockWrite: 50,
      pids: 3,
    });
  });
});
