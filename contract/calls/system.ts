import { z } from 'zod';
import { OUT } from '../limits';
import { call, OnEngine } from '../define';
import { EngineId } from '../resources';
import { lazy } from '../lazy';

/** The dashboard's summary of one engine (GET /info plus the image list's sizes). */
export const SystemInfo = lazy(() =>
  z.object({
    name: z.string().max(OUT.name),
    version: z.string().max(OUT.name),
    apiVersion: z.string().max(OUT.name),
    os: z.string().max(OUT.name),
    arch: z.string().max(OUT.name),
    kernel: z.string().max(OUT.name),
    storageDriver: z.string().max(OUT.name),
    cpus: z.number().int(),
    memory: z.number(),
    containers: z.object({
      running: z.number().int(),
      paused: z.number().int(),
      stopped: z.number().int(),
    }),
    images: z.object({ count: z.number().int(), bytes: z.number() }),
  }),
);
export type SystemInfo = z.infer<typeof SystemInfo>;

export const DiskKind = lazy(() => z.enum(['images', 'containers', 'volumes', 'buildCache']));
export type DiskKind = z.infer<typeof DiskKind>;

/** One line of `docker system df`, computed the way the docker CLI computes it. */
export const DiskUsageRow = lazy(() =>
  z.object({
    kind: DiskKind,
    total: z.number().int(),
    active: z.number().int(),
    bytes: z.number(),
    reclaimable: z.number(),
  }),
);
export type DiskUsageRow = z.infer<typeof DiskUsageRow>;

export const DiskUsage = lazy(() => z.object({ rows: z.array(DiskUsageRow).max(4) }));
export type DiskUsage = z.infer<typeof DiskUsage>;

export const PruneItem = lazy(() =>
  z.object({ name: z.string().max(OUT.name), bytes: z.number() }),
);

/** What one prune would remove, from the same /system/df answer. */
export const PrunePreviewRow = lazy(() =>
  z.object({
    kind: DiskKind,
    count: z.number().int(),
    bytes: z.number(),
    /** The first items by size, for the dialog (the count says how many there are). */
    items: z.array(PruneItem).max(50),
  }),
);
export type PrunePreviewRow = z.infer<typeof PrunePreviewRow>;

export const SystemPrunePreview = lazy(() => z.object({ rows: z.array(PrunePreviewRow).max(4) }));
export type SystemPrunePreview = z.infer<typeof SystemPrunePreview>;

export const PruneResult = lazy(() =>
  z.object({
    rows: z
      .array(
        z.object({
          kind: DiskKind,
          count: z.number().int(),
          /** Bytes the engine says it freed. */
          bytes: z.number(),
          error: z.string().max(OUT.text).optional(),
        }),
      )
      .max(OUT.list),
  }),
);
export type PruneResult = z.infer<typeof PruneResult>;

export const systemCalls = {
  'system.info': call(OnEngine, SystemInfo),
  /** GET /system/df: walks every layer and volume, so only on demand. */
  'system.df': call(OnEngine, DiskUsage),
  'system.prunePreview': call(OnEngine, SystemPrunePreview),
  /** Stopped containers, dangling images, unused volumes, unused build cache: those asked for. */
  'system.prune': call(
    lazy(() => z.strictObject({ engineId: EngineId, kinds: z.array(DiskKind).min(1).max(4) })),
    PruneResult,
  ),
} as const;
