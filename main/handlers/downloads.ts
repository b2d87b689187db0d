import type { downloadCalls, downloadStreams } from '../../contract';
import type { HandlersFor, StreamHandlersFor } from '../router';
import { saveToFile } from '../transport/save-to-file';
import type { HandlerContext } from './context';

/** A ticket for one navigation download; the router has checked the stream's input already. */
export function downloadHandlers({ tickets }: HandlerContext): HandlersFor<typeof downloadCalls> {
  return {
    'downloads.ticket': (i) =>
      Promise.resolve({ ticket: tickets.issue(i), expiresInMs: tickets.ttlMs }),
  };
}

/** The desktop's save: main's own dialog, then main writes the file (save-to-file.ts). */
export function downloadStreamHandlers({
  router,
  chooseSavePath,
}: HandlerContext): StreamHandlersFor<typeof downloadStreams> {
  return {
    'downloads.toFile': (ctx, i, sink) => {
      if (!chooseSavePath) {
        return sink.end({
          code: 'FORBIDDEN',
          message: 'Saving straight to a file needs the desktop app.',
          hint: 'In the browser, save with a download link: the browser writes the file.',
        });
      }
      void saveToFile(router(), chooseSavePath, ctx, i, sink);
    },
  };
}
