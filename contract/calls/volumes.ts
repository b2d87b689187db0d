import { z } from 'zod';
import { call, OnEngine, stream } from '../define';
import { checkResourceName, KeyValues } from './key-values';

/** An existing volume, by name (anonymous volumes have a 64-hex name). */
const VolumeName = z.string().min(1).max(256);
export const NewVolumeName = z.string().superRefine((v, ctx) => {
  const message = checkResourceName(v, 'volume');
  if (message) ctx.addIssue({ code: 'custom', message });
});

/** A path inside a volume, relative to its root: "", "logs", "logs/app.log". Never "..". */
export const VolumePath = z
  .string()
  .max(4096)
  .refine(
    (p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\0'),
    'a relative path inside the volume, without ".."',
  );

export const VolumeUser = z.object({ id: z.string(), name: z.string(), state: z.string() });
export type VolumeUser = z.infer<typeof VolumeUser>;

export const VolumeSummary = z.object({
  name: z.string(),
  driver: z.string(),
  mountpoint: z.string(),
  scope: z.string(),
  /** ISO time, when the engine reports it. */
  created: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  options: z.record(z.string(), z.string()),
  /** Containers (running or not) that mount it. */
  usedBy: z.array(VolumeUser),
  anonymous: z.boolean(),
});
export type VolumeSummary = z.infer<typeof VolumeSummary>;

/** From the engine's disk-usage call: bytes per volume name; -1 when the driver cannot tell. */
export const VolumeSizes = z.record(z.string(), z.number());
export type VolumeSizes = z.infer<typeof VolumeSizes>;

export const VolumePrunePreview = z.object({
  volumes: z.array(z.object({ name: z.string(), size: z.number() })),
  /** Sum of the known sizes. */
  bytes: z.number(),
});
export type VolumePrunePreview = z.infer<typeof VolumePrunePreview>;

export const VolumeEntry = z.object({
  name: z.string(),
  kind: z.enum(['file', 'dir', 'link', 'other']),
  size: z.number(),
  /** As `ls` shows it, e.g. "Nov 23 10:00". */
  modified: z.string(),
  mode: z.string(),
  linkTarget: z.string().optional(),
});
export type VolumeEntry = z.infer<typeof VolumeEntry>;

export const VolumeListing = z.object({
  path: z.string(),
  entries: z.array(VolumeEntry),
  /** The local image the helper container ran. */
  helperImage: z.string(),
});
export type VolumeListing = z.infer<typeof VolumeListing>;

/** A file's bytes in base64 chunks that fit one transport message each, then `done`. */
export const VolumeDownloadEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chunk'), data: z.string() }),
  z.object({ kind: z.literal('done'), name: z.string(), bytes: z.number() }),
]);
export type VolumeDownloadEvent = z.infer<typeof VolumeDownloadEvent>;

export const volumeCalls = {
  'volumes.list': call(OnEngine, z.array(VolumeSummary)),
  /** The engine's disk-usage call: expensive, so only on demand. */
  'volumes.sizes': call(OnEngine, VolumeSizes),
  'volumes.create': call(
    OnEngine.extend({
      name: NewVolumeName,
      driver: z.string().trim().min(1).max(128),
      driverOpts: KeyValues,
      labels: KeyValues,
    }),
    z.object({ name: z.string() }),
  ),
  /** In use → CONFLICT naming the containers; nothing is removed. */
  'volumes.remove': call(OnEngine.extend({ name: VolumeName }), z.null()),
  'volumes.prunePreview': call(OnEngine, VolumePrunePreview),
  'volumes.prune': call(OnEngine, z.object({ removed: z.array(z.string()), bytes: z.number() })),
  /** One folder of the volume, read by a short-lived read-only helper container. */
  'volumes.browse': call(OnEngine.extend({ name: VolumeName, path: VolumePath }), VolumeListing),
  /** Create and start a container from a local image with this volume mounted. */
  'volumes.run': call(
    OnEngine.extend({
      name: VolumeName,
      image: z.string().min(1).max(512),
      target: z
        .string()
        .min(2)
        .max(1024)
        .regex(/^\/[^:]*$/, 'an absolute path in the container, e.g. /data'),
      containerName: z.string().max(128).optional(),
    }),
    z.object({ id: z.string(), name: z.string() }),
  ),
} as const;

export const volumeStreams = {
  /** One file of the volume (read-only helper + the archive API); unsubscribing aborts it. */
  'volumes.download': stream(
    OnEngine.extend({ name: VolumeName, path: VolumePath.refine((p) => p.length > 0, 'a file') }),
    VolumeDownloadEvent,
  ),
} as const;

/** Raw bytes per download chunk: base64 of it stays well under the 1 MiB message limit. */
export const VOLUME_CHUNK_BYTES = 512 * 1024;
