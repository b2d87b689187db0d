import { z } from 'zod';
import { call, stream } from '../define';
import { fileStreams } from './files';
import { imageStreams } from './images';
import { logStreams } from './logs';
import { swarmObjectStreams } from './swarm-objects';
import { volumeStreams } from './volumes';
import { lazy } from '../lazy';

/** The name the browser saves a download under (main sanitises it again). */
export const DownloadFilename = lazy(() => z.string().min(1).max(255));

/** A ticket: 256 random bits, base64url. */
export const DownloadTicket = lazy(() => z.string().min(1).max(64));

const forStream = <N extends string, I extends z.ZodType>(stream: N, input: I) =>
  z.strictObject({ stream: z.literal(stream), input, filename: DownloadFilename });

/**
 * What a download ticket is for: one download stream (contract `download: true`) and an input
 * valid for it, checked here — when the ticket is asked for — not when the browser comes back.
 */
export const DownloadTicketInput = lazy(() =>
  z.discriminatedUnion('stream', [
    forStream('images.save', imageStreams['images.save'].input),
    forStream('volumes.download', volumeStreams['volumes.download'].input),
    forStream('files.download', fileStreams['files.download'].input),
    forStream('logs.download', logStreams['logs.download'].input),
    forStream('services.logsDownload', swarmObjectStreams['services.logsDownload'].input),
  ]),
);
export type DownloadTicketInput = z.infer<typeof DownloadTicketInput>;

export const downloadCalls = {
  /**
   * Web mode's navigation download: a single-use, short-lived ticket for GET /download?ticket=…,
   * so that the browser streams the body to disk itself (a navigation cannot send the page
   * secret header). Redeemed only with this instance's session cookie.
   */
  'downloads.ticket': call(
    DownloadTicketInput,
    lazy(() =>
      z.strictObject({ ticket: DownloadTicket, expiresInMs: z.number().int().positive() }),
    ),
  ),
} as const;

/** A path on the user's machine, as the desktop's save dialog gives it. */
const LocalPath = lazy(() => z.string().min(1).max(4096));

/** What saving a download stream straight to a file tells the window, in order. */
export const SaveToFileEvent = lazy(() =>
  z.discriminatedUnion('kind', [
    /** Bytes written so far (a few times a second). */
    z.strictObject({ kind: z.literal('progress'), bytes: z.number().int().nonnegative() }),
    /** The file is complete under its chosen name. */
    z.strictObject({
      kind: z.literal('saved'),
      path: LocalPath,
      bytes: z.number().int().nonnegative(),
    }),
    /** The user closed the save dialog without choosing a file: nothing was written. */
    z.strictObject({ kind: z.literal('dismissed') }),
  ]),
);
export type SaveToFileEvent = z.infer<typeof SaveToFileEvent>;

export const downloadStreams = {
  /**
   * The desktop app's save: main asks where (its own save dialog), then writes the download
   * stream to that file itself — engine → main → disk, as `docker save -o` does, with no
   * renderer or browser download in between. Closing the stream cancels and removes the
   * partial file. Web mode has no dialog and refuses it (its browser saves via a ticket).
   */
  'downloads.toFile': stream(DownloadTicketInput, SaveToFileEvent),
} as const;
