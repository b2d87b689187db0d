import type { fileCalls, fileStreams } from '../../contract';
import {
  containerChanges,
  downloadPath,
  listContainerFolder,
  makeFolder,
  previewFile,
  removePath,
} from '../engine/container-files';
import { uploadFiles } from '../engine/container-upload';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** A container's files: the contract's name → the engine module's function. */
export function fileHandlers({ docker }: HandlerContext): HandlersFor<typeof fileCalls> {
  return {
    'files.list': (i, ctx) => listContainerFolder(docker(i.engineId), i.id, i.path, ctx.signal),
    'files.changes': (i, ctx) => containerChanges(docker(i.engineId), i.id, ctx.signal),
    'files.preview': (i, ctx) => previewFile(docker(i.engineId), i.id, i.path, ctx.signal),
    'files.mkdir': (i) => makeFolder(docker(i.engineId), i.id, i.path),
    'files.remove': (i) => removePath(docker(i.engineId), i.id, i.path),
  };
}

export function fileStreamHandlers({
  docker,
}: HandlerContext): StreamHandlersFor<typeof fileStreams> {
  return {
    'files.download': (_ctx, i, sink) => downloadPath(docker(i.engineId), i.id, i.path, sink),
    'files.upload': (_ctx, i, sink) => uploadFiles(docker(i.engineId), i.id, i.path, sink),
  };
}
