import { queryOptions } from '@tanstack/react-query';
import { call } from '../../api/client';

/**
 * Generic → specific. Deliberately outside the ['containers', …] root: listing a running
 * container's folder runs `ls` through exec, whose exec events would otherwise refetch the
 * container — and a Refresh here should not refetch the container list. No engine event says
 * that a file changed, so folders are read when opened and on Refresh, never polled.
 */
export const fileKeys = {
  all: (engineId: string, id: string) => ['container-files', engineId, id] as const,
  folders: (engineId: string, id: string) => [...fileKeys.all(engineId, id), 'folder'] as const,
  folder: (engineId: string, id: string, path: string) =>
    [...fileKeys.folders(engineId, id), path] as const,
  changes: (engineId: string, id: string) => [...fileKeys.all(engineId, id), 'changes'] as const,
  preview: (engineId: string, id: string, path: string) =>
    [...fileKeys.all(engineId, id), 'preview', path] as const,
};

export const fileQueries = {
  folder: (engineId: string, id: string, path: string) =>
    queryOptions({
      queryKey: fileKeys.folder(engineId, id, path),
      queryFn: ({ signal }) => call('files.list', { engineId, id, path }, { signal }),
      retry: false,
      staleTime: Infinity,
    }),
  changes: (engineId: string, id: string) =>
    queryOptions({
      queryKey: fileKeys.changes(engineId, id),
      queryFn: ({ signal }) => call('files.changes', { engineId, id }, { signal }),
      retry: false,
      staleTime: Infinity,
    }),
  preview: (engineId: string, id: string, path: string) =>
    queryOptions({
      queryKey: fileKeys.preview(engineId, id, path),
      queryFn: ({ signal }) => call('files.preview', { engineId, id, path }, { signal }),
      retry: false,
      gcTime: 0,
    }),
};
