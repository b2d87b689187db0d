import { z } from 'zod';
import { BoundedRecord } from '../bounded';
import { call, OnEngine, stream, Bytes } from '../define';
import { LIMITS, WINDOWS, OUT } from '../limits';
import { checkResourceName, KeyValues } from './key-values';
import { FileUploadEvent, FolderListing } from './files';
import { UploadControl } from './uploads';
import { lazy } from '../lazy';

/** An existing volume, by name (anonymous volumes have a 64-hex name). */
const VolumeName = lazy(() => z.string().min(1).max(256));
export const NewVolumeName = lazy(() =>
  z
    .string()
    .max(128)
    .superRefine((v, ctx) => {
      const message = checkResourceName(v, 'volume');
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
);

/** A path inside a volume, relative to its root: "", "logs", "logs/app.log". Never "..". */
export const VolumePath = lazy(() =>
  z
    .string()
    .max(4096)
    .refine(
      (p) => !p.startsWith('/') && !p.split('/').includes('..') && !p.includes('\0'),
      'a relative path inside the volume, without ".."',
    ),
);

export const VolumeUser = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    state: z.string().max(OUT.name),
  }),
);
export type VolumeUser = z.infer<typeof VolumeUser>;

export const VolumeSummary = lazy(() =>
  z.object({
    name: z.string().max(OUT.name),
    driver: z.string().max(OUT.name),
    mountpoint: z.string().max(OUT.path),
    scope: z.string().max(OUT.name),
    /** ISO time, when the engine reports it. */
    created: z.string().max(OUT.name).nullable(),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    options: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    /** Containers (running or not) that mount it. */
    usedBy: z.array(VolumeUser).max(OUT.list),
    anonymous: z.boolean(),
  }),
);
export type VolumeSummary = z.infer<typeof VolumeSummary>;

/** From the engine's disk-usage call: bytes per volume name; -1 when the driver cannot tell. */
export const VolumeSizes = lazy(() =>
  BoundedRecord(z.string().max(OUT.path), z.number(), OUT.entries),
);
export type VolumeSizes = z.infer<typeof VolumeSizes>;

export const VolumePrunePreview = lazy(() =>
  z.object({
    volumes: z.array(z.object({ name: z.string().max(OUT.name), size: z.number() })).max(OUT.list),
    /** Sum of the known sizes. */
    bytes: z.number(),
  }),
);
export type VolumePrunePreview = z.infer<typeof VolumePrunePreview>;

/** A local image to run the helper container from: the user chooses it. */
const HelperImage = lazy(() => z.string().min(1).max(512));

export const VolumeListing = lazy(() =>
  FolderListing.extend({
    /** The local image the helper container ran. */
    helperImage: z.string().max(OUT.name),
  }),
);
export type VolumeListing = z.infer<typeof VolumeListing>;

/** A file's bytes as binary chunks (at most LIMITS.chunkBytes, one frame each), then `done`. */
export const VolumeDownloadEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('chunk'), data: Bytes(LIMITS.chunkBytes) }),
    z.object({ kind: z.literal('done'), name: z.string().max(4096), bytes: z.number() }),
  ]),
);
export type VolumeDownloadEvent = z.infer<typeof VolumeDownloadEvent>;

/**
 * Changes, asked for explicitly ("Allow changes"): a short-lived helper container from
 * `helperImage` (required: the user chose it) with the volume mounted read-write.
 */
const VolumeChange = lazy(() =>
  OnEngine.extend({
    name: VolumeName,
    path: VolumePath.refine((p) => p.length > 0, 'a path below the volume’s root'),
    helperImage: HelperImage,
  }),
);

export const volumeCalls = {
  'volumes.list': call(
    OnEngine,
    lazy(() => z.array(VolumeSummary).max(OUT.list)),
  ),
  /** The engine's disk-usage call: expensive, so only on demand. */
  'volumes.sizes': call(OnEngine, VolumeSizes),
  'volumes.create': call(
    lazy(() =>
      OnEngine.extend({
        name: NewVolumeName,
        driver: z.string().trim().min(1).max(128),
        driverOpts: KeyValues,
        labels: KeyValues,
      }),
    ),
    lazy(() => z.object({ name: z.string().max(OUT.name) })),
  ),
  /** In use → CONFLICT naming the containers; nothing is removed. */
  'volumes.remove': call(
    lazy(() => OnEngine.extend({ name: VolumeName })),
    lazy(() => z.null()),
  ),
  'volumes.prunePreview': call(OnEngine, VolumePrunePreview),
  'volumes.prune': call(
    OnEngine,
    lazy(() =>
      z.object({ removed: z.array(z.string().max(OUT.name)).max(OUT.list), bytes: z.number() }),
    ),
  ),
  /**
   * One folder of the volume, read by a short-lived read-only helper container from
   * `helperImage` (or, without it, the image last chosen on this engine).
   */
  'volumes.browse': call(
    lazy(() =>
      OnEngine.extend({ name: VolumeName, path: VolumePath, helperImage: HelperImage.optional() }),
    ),
    VolumeListing,
  ),
  /** The helper image last chosen on this engine, while it is still a local image. */
  'volumes.helper': call(
    OnEngine,
    lazy(() => z.object({ image: z.string().max(OUT.name).nullable() })),
  ),
  /** `mkdir -p PATH` in a read-write helper (argv, no shell). */
  'volumes.mkdir': call(
    VolumeChange,
    lazy(() => z.null()),
  ),
  /** `rm -rf PATH` in a read-write helper (argv, no shell); the root is refused by the schema. */
  'volumes.removePath': call(
    VolumeChange,
    lazy(() => z.null()),
  ),
  /** Create and start a container from a local image with this volume mounted. */
  'volumes.run': call(
    lazy(() =>
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
    ),
    lazy(() => z.object({ id: z.string().max(OUT.name), name: z.string().max(OUT.name) })),
  ),
} as const;

export const volumeStreams = {
  /** One file of the volume (read-only helper + the archive API); unsubscribing aborts it. */
  'volumes.download': stream(
    lazy(() =>
      OnEngine.extend({
        name: VolumeName,
        path: VolumePath.refine((p) => p.length > 0, 'a file'),
        helperImage: HelperImage.optional(),
      }),
    ),
    VolumeDownloadEvent,
    { window: WINDOWS.bytes, download: true },
  ),
  /**
   * Files into the folder PATH ("" is the root) of the volume: the same file/chunk/end
   * messages as files.upload, packed as a tar into PUT archive on a read-write helper that is
   * created (not started) for it and removed afterwards.
   */
  'volumes.upload': stream(
    lazy(() => OnEngine.extend({ name: VolumeName, path: VolumePath, helperImage: HelperImage })),
    FileUploadEvent,
    { control: UploadControl, upload: true },
  ),
} as const;
