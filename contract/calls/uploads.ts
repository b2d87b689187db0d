import { z } from 'zod';
import { Bytes } from '../define';
import { LIMITS } from '../limits';
import { lazy } from '../lazy';

/**
 * Uploads are client → server streams: the client sends bounded chunks as control messages on
 * the stream and keeps at most UPLOAD_WINDOW bytes unanswered; the server answers each chunk
 * with `written` once the engine has taken it (its back-pressure, passed on).
 */
export const UPLOAD_WINDOW = 4 * 1024 * 1024;

const RelativePath = lazy(() =>
  z
    .string()
    .min(1)
    .max(4096)
    .refine((p) => !p.startsWith('/') && !p.split('/').includes('..'), 'a relative path'),
);

export const UploadControl = lazy(() =>
  z.discriminatedUnion('kind', [
    /** Starts the next file of a multi-file upload (a build context); its bytes follow. */
    z.strictObject({
      kind: z.literal('file'),
      path: RelativePath,
      size: z
        .number()
        .int()
        .min(0)
        .max(2 ** 40),
    }),
    z.strictObject({ kind: z.literal('chunk'), data: Bytes(LIMITS.chunkBytes) }),
    /** Everything is sent. */
    z.strictObject({ kind: z.literal('end') }),
  ]),
);
export type UploadControl = z.infer<typeof UploadControl>;

/** The server's answer to each chunk: the engine has taken `bytes` more. */
export const Written = lazy(() =>
  z.object({ kind: z.literal('written'), bytes: z.number().int().min(0) }),
);
