import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { DownloadTicketInput } from '../../contract';

/** How long a download ticket stays good: the page uses it at once, so seconds are plenty. */
export const TICKET_TTL_MS = 10_000;
/** Tickets outstanding at once; past it the oldest goes (a page asks for one per click). */
const MAX_TICKETS = 32;

export interface TicketedDownload {
  stream: DownloadTicketInput['stream'];
  input: unknown;
  /** Sanitised: safe for a Content-Disposition header. */
  filename: string;
}

export interface DownloadTickets {
  readonly ttlMs: number;
  issue(what: DownloadTicketInput): string;
  /** The download a ticket stands for — once, and only before it expires. */
  redeem(offered: string): TicketedDownload | undefined;
}

/**
 * Single-use, short-lived tickets for web mode's navigation downloads (GET /download?ticket=…):
 * the stream and its input are fixed when the ticket is issued over the authenticated socket,
 * so a ticket cannot be spent on anything else. One store per core; never logged.
 */
export function createDownloadTickets(
  now: () => number = Date.now,
  ttlMs = TICKET_TTL_MS,
): DownloadTickets {
  const ttl = Math.min(Math.max(1, ttlMs), TICKET_TTL_MS);
  const held = new Map<string, TicketedDownload & { expires: number }>();
  const prune = () => {
    for (const [t, d] of held) if (d.expires <= now()) held.delete(t);
  };
  return {
    ttlMs: ttl,
    issue(what) {
      prune();
      while (held.size >= MAX_TICKETS) held.delete(held.keys().next().value!);
      const ticket = randomBytes(32).toString('base64url');
      held.set(ticket, {
        stream: what.stream,
        input: what.input,
        filename: safeFilename(what.filename),
        expires: now() + ttl,
      });
      return ticket;
    },
    redeem(offered) {
      prune();
      const given = Buffer.from(offered);
      for (const [t, d] of held) {
        const mine = Buffer.from(t);
        if (mine.length === given.length && timingSafeEqual(mine, given)) {
          held.delete(t);
          return { stream: d.stream, input: d.input, filename: d.filename };
        }
      }
      return undefined;
    },
  };
}

/**
 * A file name a browser may save under: no folders, no control characters, no leading dots,
 * at most 200 characters; "download" when nothing is left.
 */
export function safeFilename(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"*:<>?|]/g, '_').replace(/^[.\s]+/, '');
  return [...clean].slice(0, 200).join('').trim() || 'download';
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII fallback in `filename`, the real name
 * percent-encoded in `filename*`.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
