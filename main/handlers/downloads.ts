import type { downloadCalls } from '../../contract';
import type { HandlersFor } from '../router';
import type { HandlerContext } from './context';

/** A ticket for one navigation download; the router has checked the stream's input already. */
export function downloadHandlers({ tickets }: HandlerContext): HandlersFor<typeof downloadCalls> {
  return {
    'downloads.ticket': (i) =>
      Promise.resolve({ ticket: tickets.issue(i), expiresInMs: tickets.ttlMs }),
  };
}
