import { z } from 'zod';
import { call, OnEngine, stream, Bytes, BoundedRecord } from '../define';
import { JsonDocument } from '../bounded';
import { LIMITS, WINDOWS, OUT } from '../limits';
import { UploadControl, Written } from './uploads';
import { PortBinding } from '../resources';
import { parseReference, parseTagTarget } from './image-ref';
import { lazy } from '../lazy';

/** A reference to pull, push or run: validated by the same rules the renderer shows. */
export const ImageReference = lazy(() =>
  z
    .string()
    .max(512)
    .superRefine((value, ctx) => {
      const parsed = parseReference(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
);
export const TagTarget = lazy(() =>
  z
    .string()
    .max(512)
    .superRefine((value, ctx) => {
      const parsed = parseTagTarget(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
);
/** An existing image: id, short id, or repo:tag as the engine knows it. */
const ImageId = lazy(() => z.string().min(1).max(512));

/** One row per repo:tag; an untagged image has `repoTag: null`. */
export const ImageSummary = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    repoTag: z.string().max(OUT.name).nullable(),
    repoDigests: z.array(z.string().max(OUT.name)).max(OUT.list),
    size: z.number(),
    /** Seconds since the epoch. */
    created: z.number(),
    /** Containers (any state) created from this image. */
    containers: z.number().int(),
    dangling: z.boolean(),
  }),
);
export type ImageSummary = z.infer<typeof ImageSummary>;

export const ImageDetail = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    repoTags: z.array(z.string().max(OUT.name)).max(OUT.list),
    repoDigests: z.array(z.string().max(OUT.name)).max(OUT.list),
    created: z.string().max(OUT.name),
    size: z.number(),
    os: z.string().max(OUT.name),
    architecture: z.string().max(OUT.name),
    env: z.array(z.string().max(OUT.long)).max(OUT.list),
    entrypoint: z.array(z.string().max(OUT.long)).max(OUT.list),
    cmd: z.array(z.string().max(OUT.long)).max(OUT.list),
    workingDir: z.string().max(OUT.path),
    user: z.string().max(OUT.name),
    exposedPorts: z.array(z.string().max(OUT.name)).max(OUT.list),
    labels: BoundedRecord(z.string().max(OUT.path), z.string().max(OUT.long), OUT.entries),
    /** The engine's whole inspect answer, for the raw JSON view. */
    raw: JsonDocument(OUT.documentBytes),
  }),
);
export type ImageDetail = z.infer<typeof ImageDetail>;

export const ImageLayer = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    created: z.number(),
    createdBy: z.string().max(OUT.long),
    size: z.number(),
    tags: z.array(z.string().max(OUT.name)).max(OUT.list),
    comment: z.string().max(OUT.text),
  }),
);
export type ImageLayer = z.infer<typeof ImageLayer>;

export const PruneMode = lazy(() => z.enum(['dangling', 'unused']));
export type PruneMode = z.infer<typeof PruneMode>;

export const PrunePreview = lazy(() =>
  z.object({
    images: z
      .array(
        z.object({
          id: z.string().max(OUT.name),
          refs: z.array(z.string().max(OUT.name)).max(OUT.list),
          size: z.number(),
        }),
      )
      .max(OUT.list),
    bytes: z.number(),
  }),
);
export type PrunePreview = z.infer<typeof PrunePreview>;

/** One layer's state in a pull or push, as the progress stream last reported it. */
export const LayerProgress = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    status: z.string().max(OUT.text),
    current: z.number().optional(),
    total: z.number().optional(),
  }),
);
export type LayerProgress = z.infer<typeof LayerProgress>;

export const TransferEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('progress'),
      layers: z.array(LayerProgress).max(OUT.list),
      /** Lines without a layer id: "Pulling from …", "Digest: …". */
      messages: z.array(z.string().max(OUT.text)).max(OUT.list),
    }),
    z.object({
      kind: z.literal('done'),
      messages: z.array(z.string().max(OUT.text)).max(OUT.list),
    }),
  ]),
);
export type TransferEvent = z.infer<typeof TransferEvent>;

export const RunResult = lazy(() =>
  z.object({
    id: z.string().max(OUT.name),
    name: z.string().max(OUT.name),
    ports: z.array(PortBinding).max(OUT.list),
  }),
);
export type RunResult = z.infer<typeof RunResult>;

/** One build log event: at most BUILD_MAX_BATCH lines of at most BUILD_MAX_LINE characters. */
export const BUILD_MAX_LINE = 65_536;
export const BUILD_MAX_BATCH = 10_000;

export const BuildEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('log'),
      lines: z.array(z.string().max(BUILD_MAX_LINE)).max(BUILD_MAX_BATCH),
    }),
    z.object({
      kind: z.literal('done'),
      imageId: z.string().max(256),
      tag: z.string().max(512).optional(),
    }),
    /** Uploaded context files: the engine has taken `bytes` more. */
    Written,
  ]),
);
export type BuildEvent = z.infer<typeof BuildEvent>;

export const SearchResult = lazy(() =>
  z.object({
    name: z.string().max(OUT.name),
    description: z.string().max(OUT.text),
    stars: z.number(),
    official: z.boolean(),
  }),
);
export type SearchResult = z.infer<typeof SearchResult>;

/** `docker save`'s tar, as binary chunks. */
export const SaveEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('chunk'), data: Bytes(LIMITS.chunkBytes) }),
    z.object({ kind: z.literal('done'), bytes: z.number() }),
  ]),
);

/** `docker load`: the upload's acks, then what the engine loaded. */
export const LoadEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    Written,
    z.object({ kind: z.literal('loaded'), names: z.array(z.string().max(512)).max(1000) }),
  ]),
);
export type LoadEvent = z.infer<typeof LoadEvent>;
export type SaveEvent = z.infer<typeof SaveEvent>;

export const BuildInput = lazy(() =>
  OnEngine.extend({
    /** The Dockerfile's text, or empty when `contextPath` has one. */
    dockerfile: z.string().max(256 * 1024),
    /** Context files follow on the stream (file, chunk…, end) instead of a folder. */
    upload: z.boolean(),
    /** A folder on the machine running Porthole (Electron, or the web server's host). */
    contextPath: z.string().max(4096).optional(),
    tag: TagTarget.optional(),
    buildArgs: BoundedRecord(z.string().max(256), z.string().max(4096), 200),
    target: z.string().max(128).optional(),
  }),
);
export type BuildInput = z.infer<typeof BuildInput>;

export const UploadId = lazy(() =>
  z
    .string()
    .max(OUT.text)
    .regex(/^[0-9a-f]{32}$/),
);

export const imageCalls = {
  'images.list': call(
    OnEngine,
    lazy(() => z.array(ImageSummary).max(OUT.list)),
  ),
  'images.inspect': call(
    lazy(() => OnEngine.extend({ id: ImageId })),
    ImageDetail,
  ),
  'images.history': call(
    lazy(() => OnEngine.extend({ id: ImageId })),
    lazy(() => z.array(ImageLayer).max(OUT.list)),
  ),
  'images.tag': call(
    lazy(() => OnEngine.extend({ id: ImageId, target: TagTarget })),
    lazy(() => z.null()),
  ),
  'images.remove': call(
    lazy(() => OnEngine.extend({ id: ImageId, force: z.boolean() })),
    lazy(() =>
      z.object({
        untagged: z.array(z.string().max(OUT.name)).max(OUT.list),
        deleted: z.array(z.string().max(OUT.name)).max(OUT.list),
      }),
    ),
  ),
  'images.prunePreview': call(
    lazy(() => OnEngine.extend({ mode: PruneMode })),
    PrunePreview,
  ),
  'images.prune': call(
    lazy(() => OnEngine.extend({ mode: PruneMode })),
    lazy(() =>
      z.object({
        removed: z.number().int(),
        ids: z.array(z.string().max(OUT.name)).max(OUT.list),
        bytes: z.number(),
      }),
    ),
  ),
  /** Create and start a container with the image's defaults: every EXPOSEd port on a random
   * loopback port. Pulls first when the image is missing. */
  'images.run': call(
    lazy(() => OnEngine.extend({ ref: ImageReference, name: z.string().max(128).optional() })),
    RunResult,
  ),
  'images.search': call(
    lazy(() => OnEngine.extend({ term: z.string().trim().min(1).max(256) })),
    lazy(() => z.array(SearchResult).max(OUT.list)),
  ),
} as const;

export const imageStreams = {
  /** Progress snapshots, then `done`; an `{ error }` inside the engine's stream ends it with an
   * error. Unsubscribing aborts the pull. */
  'images.pull': stream(
    lazy(() => OnEngine.extend({ ref: ImageReference })),
    TransferEvent,
  ),
  'images.push': stream(
    lazy(() => OnEngine.extend({ ref: ImageReference })),
    TransferEvent,
  ),
  'images.build': stream(BuildInput, BuildEvent, { control: UploadControl }),
  'images.save': stream(
    lazy(() => OnEngine.extend({ ids: z.array(ImageId).min(1).max(50) })),
    SaveEvent,
    {
      window: WINDOWS.bytes,
      download: true,
    },
  ),
  /** Load a .tar: the file's bytes follow on the stream as `chunk`s, then `end`. */
  'images.load': stream(OnEngine, LoadEvent, { control: UploadControl, upload: true }),
} as const;
