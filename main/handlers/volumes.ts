import type { volumeCalls, volumeStreams } from '../../contract';
import {
  createVolume,
  listVolumes,
  pruneVolumes,
  removeVolume,
  runWithVolume,
  volumePrunePreview,
  volumeSizes,
} from '../engine/volumes';
import { browseVolume, downloadVolumeFile, rememberedHelper } from '../engine/volumes-files';
import { makeVolumeFolder, removeVolumePath, uploadToVolume } from '../engine/volumes-write';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the engine module's function. */
export function volumeHandlers({
  docker,
  volumeHelpers,
}: HandlerContext): HandlersFor<typeof volumeCalls> {
  return {
    'volumes.list': (i) => listVolumes(docker(i.engineId)),
    'volumes.sizes': (i) => volumeSizes(docker(i.engineId)),
    'volumes.create': (i) => createVolume(docker(i.engineId), i),
    'volumes.remove': (i) => removeVolume(docker(i.engineId), i.name),
    'volumes.prunePreview': (i) => volumePrunePreview(docker(i.engineId)),
    'volumes.prune': (i) => pruneVolumes(docker(i.engineId)),
    'volumes.browse': (i) => browseVolume(docker(i.engineId), volumeHelpers, i),
    'volumes.helper': (i) => rememberedHelper(docker(i.engineId), volumeHelpers, i.engineId),
    'volumes.run': (i) => runWithVolume(docker(i.engineId), i),
    'volumes.mkdir': (i) => makeVolumeFolder(docker(i.engineId), volumeHelpers, i),
    'volumes.removePath': (i) => removeVolumePath(docker(i.engineId), volumeHelpers, i),
  };
}

export function volumeStreamHandlers({
  docker,
  volumeHelpers,
}: HandlerContext): StreamHandlersFor<typeof volumeStreams> {
  return {
    'volumes.download': (_ctx, i, sink) =>
      downloadVolumeFile(docker(i.engineId), volumeHelpers, i, sink),
    'volumes.upload': (_ctx, i, sink) => uploadToVolume(docker(i.engineId), volumeHelpers, i, sink),
  };
}
