import type { imageCalls, imageStreams } from '../../contract';
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
import { beginLoad, endLoad, loadChunk, saveImages } from '../engine/images-archive';
import { buildImage } from '../engine/images-build';
import { runImage } from '../engine/images-run';
import { pullImage, pushImage } from '../engine/images-transfer';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the engine module's function. */
export function imageHandlers({ docker }: HandlerContext): HandlersFor<typeof imageCalls> {
  return {
    'images.list': (i) => listImages(docker(i.engineId)),
    'images.inspect': (i) => inspectImage(docker(i.engineId), i.id),
    'images.history': (i) => imageHistory(docker(i.engineId), i.id),
    'images.tag': (i) => tagImage(docker(i.engineId), i.id, i.target),
    'images.remove': (i) => removeImage(docker(i.engineId), i.id, i.force),
    'images.prunePreview': (i) => prunePreview(docker(i.engineId), i.mode),
    'images.prune': (i) => pruneImages(docker(i.engineId), i.mode),
    'images.run': (i) => runImage(docker(i.engineId), i.ref, i.name),
    'images.search': (i) => searchImages(docker(i.engineId), i.term),
    'images.load.begin': async (i) => beginLoad(docker(i.engineId), i.engineId),
    'images.load.chunk': (i) => loadChunk(i.engineId, i.uploadId, i.data),
    'images.load.end': (i) => endLoad(i.engineId, i.uploadId, !!i.cancel),
  };
}

export function imageStreamHandlers({
  docker,
}: HandlerContext): StreamHandlersFor<typeof imageStreams> {
  return {
    'images.pull': (i, emit, end) => pullImage(docker(i.engineId), i.ref, emit, end),
    'images.push': (i, emit, end) => pushImage(docker(i.engineId), i.ref, emit, end),
    'images.build': (i, emit, end) => buildImage(docker(i.engineId), i, emit, end),
    'images.save': (i, emit, end) => saveImages(docker(i.engineId), i.ids, emit, end),
  };
}
