// bench/volume-profile: where a volume file download's time goes, phase by phase, on a private
// engine in one process (dockerode, no router): the helper's create, the archive request to
// its first byte, reading the archive raw, through tar-stream's unpacker (the download before)
// and through tar-lite's FirstFileBody (the download now), the remove —
// against `docker cp` of the same file, alternating. Usage:
//   node scripts/run-ts.mjs bench/volume-profile.ts [MB] [RUNS]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import type { Readable } from 'node:stream';
import Docker from 'dockerode';
import {
  BUSYBOX_IMAGE,
  cli,
  destroyEngine,
  importBusybox,
  newEngine,
  startDockerd,
} from '../e2e/harness/engine';
import { DOCKER_CLI } from '../e2e/harness/proc';
import { FirstFileBody } from '../main/engine/tar-lite';
import { firstEntry } from '../main/engine/volumes-tar';
import { median, record, timeCli } from './common';

const MB = Number(process.argv[2] ?? 200);
const RUNS = Number(process.argv[3] ?? 5);

async function main() {
  const engine = newEngine('porthole-bench-vprof-');
  try {
    await startDockerd(engine);
    importBusybox(engine);
    const docker = new Docker({ socketPath: engine.host.slice('unix://'.length) });
    cli(engine, [
      'run',
      '--rm',
      '-v',
      'prof:/d',
      BUSYBOX_IMAGE,
      'sh',
      '-c',
      `head -c ${MB * 1_000_000} /dev/urandom > /d/huge`,
    ]);
    cli(engine, ['create', '--name', 'reader', '-v', 'prof:/v:ro', BUSYBOX_IMAGE]);
    const copy = join(engine.dir, 'copy');
    const helper = () =>
      docker.createContainer({
        Image: BUSYBOX_IMAGE,
        Entrypoint: ['true'],
        NetworkDisabled: true,
        HostConfig: {
          NetworkMode: 'none',
          Mounts: [{ Type: 'volume', Source: 'prof', Target: '/porthole-volume', ReadOnly: true }],
        },
      });
    const t = () => performance.now();
    const phases: Record<string, number[]> = {};
    const note = (k: string, ms: number) => (phases[k] ??= []).push(ms);
    const once = async (record_: boolean) => {
      const cp = timeCli(DOCKER_CLI, ['-H', engine.host, 'cp', 'reader:/v/huge', copy]);
      rmSync(copy);
      let t0 = t();
      await docker.getVolume('prof').inspect();
      await docker.getImage(BUSYBOX_IMAGE).inspect();
      const inspects = t() - t0;
      t0 = t();
      const c = await helper();
      const create = t() - t0;
      const start = t();
      const archive = (await c.getArchive({
        path: '/porthole-volume/huge',
      })) as unknown as Readable;
      const headers = t() - start;
      for await (const chunk of archive) void chunk;
      const raw = t() - start;
      const t1 = t();
      const again = (await c.getArchive({ path: '/porthole-volume/huge' })) as unknown as Readable;
      const entry = await firstEntry(again);
      let bytes = 0;
      for await (const chunk of entry!.body) bytes += (chunk as Buffer).length;
      again.destroy();
      const unpacked = t() - t1;
      // What the download does now: the file cut out of the archive's chunks, no stream between.
      const t2 = t();
      const third = (await c.getArchive({ path: '/porthole-volume/huge' })) as unknown as Readable;
      const cutter = new FirstFileBody();
      let cutBytes = 0;
      for await (const chunk of third) {
        for (const part of cutter.take(chunk as Buffer)) cutBytes += part.byteLength;
      }
      const cut = t() - t2;
      if (cutBytes !== MB * 1_000_000) throw new Error(`cut ${cutBytes} bytes`);
      t0 = t();
      await c.remove({ force: true, v: true });
      const remove = t() - t0;
      if (bytes !== MB * 1_000_000) throw new Error(`unpacked ${bytes} bytes`);
      if (!record_) return;
      note('cp', cp);
      note('inspect_volume_and_image', inspects);
      note('create_helper', create);
      note('archive_to_headers', headers);
      note('archive_read_raw', raw);
      note('archive_through_tar_unpacker', unpacked);
      note('archive_through_first_file_body', cut);
      note('remove_helper', remove);
    };
    await once(false);
    for (let i = 0; i < RUNS; i++) await once(true);
    const result = {
      mb: MB,
      runs: RUNS,
      load_average: loadavg().map((l) => +l.toFixed(1)),
      median_ms: Object.fromEntries(
        Object.entries(phases).map(([k, v]) => [k, Math.round(median(v))]),
      ),
      all_ms: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, v.map(Math.round)])),
    };
    console.log(JSON.stringify(result, null, 2));
    record('volume-profile', result);
  } finally {
    await destroyEngine(engine);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
