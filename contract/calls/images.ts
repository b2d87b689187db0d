import { z } from 'zod';
import { call, OnEngine, stream } from '../define';
import { PortBinding } from '../resources';
import { parseReference, parseTagTarget } from './image-ref';

/** A reference to pull, push or run: validated by the same rules the renderer shows. */
export const ImageReference = z
  .string()
  .max(512)
  .superRefine((value, ctx) => {
    const parsed = parseReference(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });
export const TagTarget = z
  .string()
  .max(512)
  .superRefine((value, ctx) => {
    const parsed = parseTagTarget(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });
/** An existing image: id, short id, or repo:tag as the engine knows it. */
const ImageId = z.string().min(1).max(512);

/** One row per repo:tag; an untagged image has `repoTag: null`. */
export const ImageSummary = z.object({
  id: z.string(),
  repoTag: z.string().nullable(),
  repoDigests: z.array(z.string()),
  size: z.number(),
  /** Seconds since the epoch. */
  created: z.number(),
  /** Containers (any state) created from this image. */
  containers: z.number().int(),
  dangling: z.boolean(),
});
export type ImageSummary = z.infer<typeof ImageSummary>;

export const ImageDetail = z.object({
  id: z.string(),
  repoTags: z.array(z.string()),
  repoDigests: z.array(z.string()),
  created: z.string(),
  size: z.number(),
  os: z.string(),
  architecture: z.string(),
  env: z.array(z.string()),
  entrypoint: z.array(z.string()),
  cmd: z.array(z.string()),
  workingDir: z.string(),
  user: z.string(),
  exposedPorts: z.array(z.string()),
  labels: z.record(z.string(), z.string()),
  /** The engine's whole inspect answer, for the raw JSON view. */
  raw: z.record(z.string(), z.unknown()),
});
export type ImageDetail = z.infer<typeof ImageDetail>;

export const ImageLayer = z.object({
  id: z.string(),
  created: z.number(),
  createdBy: z.string(),
  size: z.number(),
  tags: z.array(z.string()),
  comment: z.string(),
});
export type ImageLayer = z.infer<typeof ImageLayer>;

export const PruneMode = z.enum(['dangling', 'unused']);
export type PruneMode = z.infer<typeof PruneMode>;

export const PrunePreview = z.object({
  images: z.array(z.object({ id: z.string(), refs: z.array(z.string()), size: z.number() })),
  bytes: z.number(),
});
export type PrunePreview = z.infer<typeof PrunePreview>;

/** One layer's state in a pull or push, as the progress stream last reported it. */
export const LayerProgress = z.object({
  id: z.string(),
  status: z.string(),
  current: z.number().optional(),
  total: z.number().optional(),
});
export type LayerProgress = z.infer<typeof LayerProgress>;

export const TransferEvent = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('progress'),
    layers: z.array(LayerProgress),
    /** Lines without a layer id: "Pulling from …", "Digest: …". */
    messages: z.array(z.string()),
  }),
  z.object({ kind: z.literal('done'), messages: z.array(z.string()) }),
]);
export type TransferEvent = z.infer<typeof TransferEvent>;

export const RunResult = z.object({
  id: z.string(),
  name: z.string(),
  ports: z.array(PortBinding),
});
export type RunResult = z.infer<typeof RunResult>;

const BuildFile = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(255)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a relative path'),
  /** base64 */
  data: z.string().max(8 * 1024 * 1024),
});

export const BuildEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('log'), lines: z.array(z.string()) }),
  z.object({ kind: z.literal('done'), imageId: z.string(), tag: z.string().optional() }),
]);
export type BuildEvent = z.infer<typeof BuildEvent>;

export const SearchResult = z.object({
  name: z.string(),
  description: z.string(),
  stars: z.number(),
  official: z.boolean(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** Chunks of a .tar travelling over the router (base64, under the transport's message limit). */
const CHUNK_CHARS = 700_000;
export const SaveEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('chunk'), data: z.string() }),
  z.object({ kind: z.literal('done'), bytes: z.number() }),
]);
export type SaveEvent = z.infer<typeof SaveEvent>;

export const UploadId = z.string().regex(/^[0-9a-f]{32}$/);

export const imageCalls = {
  'images.list': call(OnEngine, z.array(ImageSummary)),
  'images.inspect': call(OnEngine.extend({ id: ImageId }), ImageDetail),
  'images.history': call(OnEngine.extend({ id: ImageId }), z.array(ImageLayer)),
  'images.tag': call(OnEngine.extend({ id: ImageId, target: TagTarget }), z.null()),
  'images.remove': call(
    OnEngine.extend({ id: ImageId, force: z.boolean() }),
    z.object({ untagged: z.array(z.string()), deleted: z.array(z.string()) }),
  ),
  'images.prunePreview': call(OnEngine.extend({ mode: PruneMode }), PrunePreview),
  'images.prune': call(
    OnEngine.extend({ mode: PruneMode }),
    z.object({ removed: z.number().int(), ids: z.array(z.string()), bytes: z.number() }),
  ),
  /** Create and start a container with the image's defaults: every EXPOSEd port on a random
   * loopback port. Pulls first when the image is missing. */
  'images.run': call(
    OnEngine.extend({ ref: ImageReference, name: z.string().max(128).optional() }),
    RunResult,
  ),
  'images.search': call(
    OnEngine.extend({ term: z.string().trim().min(1).max(256) }),
    z.array(SearchResult),
  ),
  'images.load.begin': call(OnEngine, z.object({ uploadId: UploadId })),
  'images.load.chunk': call(
    OnEngine.extend({ uploadId: UploadId, data: z.string().min(1).max(CHUNK_CHARS) }),
    z.null(),
  ),
  'images.load.end': call(
    OnEngine.extend({ uploadId: UploadId, cancel: z.boolean().optional() }),
    z.object({ loaded: z.array(z.string()) }),
  ),
} as const;

export const imageStreams = {
  /** Progress snapshots, then `done`; an `{ error }` inside the engine's stream ends it with an
   * error. Unsubscribing aborts the pull. */
  'images.pull': stream(OnEngine.extend({ ref: ImageReference }), TransferEvent),
  'images.push': stream(OnEngine.extend({ ref: ImageReference }), TransferEvent),
  'images.build': stream(
    OnEngine.extend({
      /** The Dockerfile's text, or empty when `contextPath` has one. */
      dockerfile: z.string().max(1024 * 1024),
      files: z.array(BuildFile).max(200),
      /** A folder on the machine running Porthole (Electron, or the web server's host). */
      contextPath: z.string().max(4096).optional(),
      tag: TagTarget.optional(),
      buildArgs: z.record(z.string().max(256), z.string().max(4096)),
      target: z.string().max(128).optional(),
    }),
    BuildEvent,
  ),
  'images.save': stream(OnEngine.extend({ ids: z.array(ImageId).min(1).max(50) }), SaveEvent),
} as const;

export const SAVE_CHUNK_BYTES = (CHUNK_CHARS / 4) * 3 - 1024;
