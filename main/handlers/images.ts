import type { imageCalls, imageStreams, layerStreams } from '../../contract';
import {
  imageHistory,
  inspectImage,
  listImages,
  pruneImages,
  prunePreview,
  removeImage,
  searchImages,
  tagImage,
} from '../engine/images';
import { exploreLayers } from '../engine/image-layers';
import { loadImages, saveImages } from '../engine/images-archive';
import { buildImage } from '../engine/images-build';
import { runImage } from '../engine/images-run';
import { pullImage, pushImage } from '../engine/images-transfer';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the engine module's function. */
export function imageHandlers({ docker, authFor }: HandlerContext): HandlersFor<typeof imageCalls> {
  return {
    'images.list': (i) => listImages(docker(i.engineId)),
    'images.inspect': (i) => inspectImage(docker(i.engineId), i.id),
    'images.history': (i) => imageHistory(docker(i.engineId), i.id),
    'images.tag': (i) => tagImage(docker(i.engineId), i.id, i.target),
    'images.remove': (i) => removeImage(docker(i.engineId), i.id, i.force),
    'images.prunePreview': (i) => prunePreview(docker(i.engineId), i.mode),
    'images.prune': (i) => pruneImages(docker(i.engineId), i.mode),
    'images.run': (i, ctx) => runImage(docker(i.engineId), authFor, i, ctx.signal),
    'images.search': (i) => searchImages(docker(i.engineId), i.term),
  };
}

export function imageStreamHandlers({
  docker,
  authFor,
}: HandlerContext): StreamHandlersFor<typeof imageStreams & typeof layerStreams> {
  return {
    'images.pull': (_ctx, i, sink) => void pullImage(docker(i.engineId), authFor, i.ref, sink),
    'images.push': (_ctx, i, sink) => void pushImage(docker(i.engineId), authFor, i.ref, sink),
    'images.build': (_ctx, i, sink) => buildImage(docker(i.engineId), i, sink),
    'images.save': (_ctx, i, sink) => saveImages(docker(i.engineId), i.ids, sink),
    'images.load': (_ctx, i, sink) => loadImages(docker(i.engineId), sink),
    'images.layers': (_ctx, i, sink) => exploreLayers(docker(i.engineId), i.id, sink),
  };
}
