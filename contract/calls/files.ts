import { z } from 'zod';
import { Bytes, call, OnEngine, stream } from '../define';
import { LIMITS, WINDOWS, OUT } from '../limits';
import { UploadControl, Written } from './uploads';
import { lazy } from '../lazy';

/**
 * Why a path inside a container is refused, or undefined when it is fine: absolute, no NUL, no
 * ".." segment (so a normalised path can never climb above the container's root).
 */
export function containerPathProblem(p: string): string | undefined {
  if (!p.startsWith('/')) return 'an absolute path in the container, e.g. /etc';
  if (p.includes('\0')) return 'a path without NUL bytes';
  if (p.split('/').includes('..')) return 'a path without ".."';
  return undefined;
}

/** An absolute path inside a container: "/", "/etc", "/srv/my files/é.txt". */
export const ContainerPath = lazy(() =>
  z
    .string()
    .min(1)
    .max(4096)
    .superRefine((p, ctx) => {
      const message = containerPathProblem(p);
      if (message) ctx.addIssue({ code: 'custom', message });
    }),
);

const FilesRef = lazy(() => OnEngine.extend({ id: z.string().min(1).max(256) }));
const AtPath = lazy(() => FilesRef.extend({ path: ContainerPath }));

export const FileKind = lazy(() => z.enum(['file', 'dir', 'link', 'other']));
export type FileKind = z.infer<typeof FileKind>;

/** One entry of a folder, the same shape for containers and volumes. */
export const FileEntry = lazy(() =>
  z.object({
    name: z.string().max(OUT.name),
    kind: FileKind,
    size: z.number(),
    /** As `ls -l` shows it: "drwxr-xr-x". */
    mode: z.string().max(OUT.name),
    /** Numeric "uid:gid", when the listing gives it. */
    owner: z.string().max(OUT.name).optional(),
    /** ISO time of the last change, when known. */
    mtime: z.string().max(OUT.name).optional(),
    linkTarget: z.string().max(OUT.path).optional(),
  }),
);
export type FileEntry = z.infer<typeof FileEntry>;

export const FolderListing = lazy(() =>
  z.object({
    path: z.string().max(OUT.path),
    entries: z.array(FileEntry).max(OUT.list),
    /**
     * The listing stopped early (a stopped container's folder is read from its archive, which
     * carries every file below it; reading is bounded).
     */
    truncated: z.boolean(),
    /** How it was read: `ls` in the running container, or the archive API. */
    source: z.enum(['exec', 'archive']),
  }),
);
export type FolderListing = z.infer<typeof FolderListing>;

export const FileChange = lazy(() =>
  z.object({
    path: z.string().max(OUT.path),
    kind: z.enum(['added', 'modified', 'deleted']),
  }),
);
export type FileChange = z.infer<typeof FileChange>;

/** Text previews read at most this much of a file. */
export const PREVIEW_BYTES = 256 * 1024;

/** The first bytes of a file, as text (UTF-8, invalid sequences replaced). */
export const FilePreview = lazy(() =>
  z.object({
    path: z.string().max(OUT.path),
    size: z.number(),
    /** Decoded from at most PREVIEW_BYTES: never more UTF-16 units than bytes. */
    text: z.string().max(PREVIEW_BYTES),
    /** Only the first PREVIEW_BYTES were read. */
    truncated: z.boolean(),
    /** NUL bytes in what was read: not shown as text. */
    binary: z.boolean(),
  }),
);
export type FilePreview = z.infer<typeof FilePreview>;
/** Images are previewed inline up to this size. */
export const IMAGE_PREVIEW_BYTES = 16 * 1024 * 1024;

/** A file's bytes (a folder's: a tar), then `done`. */
export const FileDownloadEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('chunk'), data: Bytes(LIMITS.chunkBytes) }),
    z.object({ kind: z.literal('done'), name: z.string().max(OUT.name), bytes: z.number() }),
  ]),
);
export type FileDownloadEvent = z.infer<typeof FileDownloadEvent>;

export const FileUploadEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    Written,
    /** The engine unpacked everything into the folder. */
    z.object({ kind: z.literal('done'), files: z.number(), bytes: z.number() }),
  ]),
);
export type FileUploadEvent = z.infer<typeof FileUploadEvent>;

export const fileCalls = {
  /** One folder's direct children: `ls` when the container runs, else its archive (bounded). */
  'files.list': call(AtPath, FolderListing),
  /** What changed since the image (`docker diff`). */
  'files.changes': call(
    FilesRef,
    lazy(() => z.array(FileChange).max(OUT.list)),
  ),
  /** The first PREVIEW_BYTES of a regular file. */
  'files.preview': call(AtPath, FilePreview),
  /** `mkdir -p PATH` in the running container (argv, no shell). */
  'files.mkdir': call(
    AtPath,
    lazy(() => z.null()),
  ),
  /** `rm -rf PATH` in the running container (argv, no shell); "/" is refused. */
  'files.remove': call(
    AtPath,
    lazy(() => z.null()),
  ),
} as const;

export const fileStreams = {
  /** A regular file as itself, a folder as a tar; streamed with the client's credit. */
  'files.download': stream(AtPath, FileDownloadEvent, { window: WINDOWS.bytes, download: true }),
  /**
   * Files into the folder PATH (file, chunk…, end — relative paths keep a folder's structure),
   * packed as a tar as they come and streamed into PUT /containers/ID/archive.
   */
  'files.upload': stream(AtPath, FileUploadEvent, { control: UploadControl, upload: true }),
} as const;
