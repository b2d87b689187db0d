import { z } from 'zod';
import { OnEngine, stream } from '../define';
import { lazy } from '../lazy';

/** Entries of one layer's tree sent to the UI; the layer's counts stay exact beyond it. */
export const LAYER_TREE_MAX = 500;
/** Rows of the "largest files" and "wasted files" lists. */
export const LAYER_TOP_MAX = 20;

const Path = lazy(() => z.string().max(4096));

export const LayerChange = lazy(() => z.enum(['added', 'changed', 'removed']));
export type LayerChange = z.infer<typeof LayerChange>;

/** One file (or empty folder, or removal) a layer wrote. `size` of a removal: the copy it hid. */
export const LayerFile = lazy(() =>
  z.object({
    path: Path,
    size: z.number(),
    dir: z.boolean(),
    change: LayerChange,
  }),
);
export type LayerFile = z.infer<typeof LayerFile>;

export const LayerReport = lazy(() =>
  z.object({
    /** 1 = the base layer. */
    index: z.number().int(),
    /** The history entry that made the layer (the image config's created_by). */
    command: z.string().max(65536),
    /** Bytes of the files in the layer's tar (sizes of its entries). */
    size: z.number(),
    /** Entries in the layer's tar that are not folders, removals included. */
    files: z.number().int(),
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    /** Bytes of this layer's files that later layers overwrite or remove. */
    wasted: z.number(),
    /** Bytes of earlier layers' files this layer overwrites or removes. */
    hides: z.number(),
    /** The largest changes of the layer, at most LAYER_TREE_MAX; `more` counts the rest. */
    tree: z.array(LayerFile).max(LAYER_TREE_MAX),
    more: z.number().int(),
  }),
);
export type LayerReport = z.infer<typeof LayerReport>;

export const LayerTotals = lazy(() =>
  z.object({
    layers: z.number().int(),
    /** Sum of the layers' sizes. */
    size: z.number(),
    /** Files (not folders) in the final image. */
    files: z.number().int(),
    /** Bytes of files overwritten or removed by a later layer (each earlier copy counted). */
    wasted: z.number(),
    /** dive's score: Σ smallest size seen per path / Σ every size seen per path, in [0, 1]. */
    efficiency: z.number(),
    largest: z
      .array(z.object({ path: Path, size: z.number(), layer: z.number().int() }))
      .max(LAYER_TOP_MAX),
    wastedFiles: z
      .array(z.object({ path: Path, wasted: z.number(), copies: z.number().int() }))
      .max(LAYER_TOP_MAX),
  }),
);
export type LayerTotals = z.infer<typeof LayerTotals>;

export const LayersEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    /** Bytes of the image's save tar read so far, of about `total` (the image's size). */
    z.object({ kind: z.literal('progress'), bytes: z.number(), total: z.number() }),
    /** Once the whole tar is read: one event per layer, base first, then `done`. */
    z.object({ kind: z.literal('layer'), layer: LayerReport }),
    z.object({ kind: z.literal('done'), totals: LayerTotals }),
  ]),
);
export type LayersEvent = z.infer<typeof LayersEvent>;

export const layerStreams = {
  /** The layer explorer: streams `docker save` of one image, reading tar headers only. */
  'images.layers': stream(
    lazy(() => OnEngine.extend({ id: z.string().min(1).max(512) })),
    LayersEvent,
    {
      flow: 'credit',
    },
  ),
} as const;
