import { describe, expect, it } from 'vitest';
import {
  DownloadTicketInput,
  streams,
  type DownloadTicketInput as Ticketed,
} from '../../../../contract';
import {
  contentDisposition,
  createDownloadTickets,
  safeFilename,
  TICKET_TTL_MS,
} from '../../../../main/transport/tickets';

const save: Ticketed = {
  stream: 'images.save',
  input: { engineId: 'e', ids: ['busybox:latest'] },
  filename: 'busybox_latest.tar',
};

describe('download tickets', () => {
  it('a ticket is 256 random bits, redeemed once for what it was issued for', () => {
    const tickets = createDownloadTickets(() => 0);
    const t = tickets.issue(save);
    expect(Buffer.from(t, 'base64url')).toHaveLength(32);
    expect(tickets.issue(save)).not.toBe(t);
    expect(tickets.redeem(t)).toEqual(save);
    expect(tickets.redeem(t)).toBeUndefined();
    expect(tickets.redeem('')).toBeUndefined();
    expect(tickets.redeem(`${t}x`)).toBeUndefined();
  });

  it('expires after its time to live, which cannot be set past the default', () => {
    let now = 1000;
    const tickets = createDownloadTickets(() => now, 500);
    const late = tickets.issue(save);
    const inTime = tickets.issue(save);
    now += 499;
    expect(tickets.redeem(inTime)).toBeDefined();
    now += 1;
    expect(tickets.redeem(late)).toBeUndefined();
    expect(createDownloadTickets(() => 0, 10 * TICKET_TTL_MS).ttlMs).toBe(TICKET_TTL_MS);
  });

  it('holds at most 32: the oldest goes first', () => {
    const tickets = createDownloadTickets(() => 0);
    const first = tickets.issue(save);
    const rest = Array.from({ length: 32 }, () => tickets.issue(save));
    expect(tickets.redeem(first)).toBeUndefined();
    expect(rest.every((t) => tickets.redeem(t))).toBe(true);
  });

  it('keeps a sanitised file name', () => {
    const tickets = createDownloadTickets(() => 0);
    const t = tickets.issue({ ...save, filename: '../../etc/pa"ss\nwd' });
    expect(tickets.redeem(t)?.filename).toBe('pa_ss_wd');
  });

  it('covers exactly the streams the contract marks as downloads', () => {
    const ticketed = DownloadTicketInput.options.map((o) => o.shape.stream.value).sort();
    const downloads = Object.entries(streams)
      .filter(([, s]) => s.download)
      .map(([n]) => n)
      .sort();
    expect(ticketed).toEqual(downloads);
  });
});

describe('file names in Content-Disposition', () => {
  it('drops folders, control characters, reserved characters and leading dots', () => {
    expect(safeFilename('a/b\\c.tar')).toBe('c.tar');
    expect(safeFilename('..hidden')).toBe('hidden');
    expect(safeFilename('x\u0000y\u001fz\u007f')).toBe('x_y_z_');
    expect(safeFilename('a:b*c?d<e>f|g"h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeFilename('../')).toBe('download');
    expect(safeFilename('   ')).toBe('download');
    expect([...safeFilename('☃'.repeat(300))]).toHaveLength(200);
  });

  it('has an ASCII fallback and the UTF-8 name (RFC 6266)', () => {
    expect(contentDisposition('up ☃.bin')).toBe(
      `attachment; filename="up _.bin"; filename*=UTF-8''up%20%E2%98%83.bin`,
    );
    expect(contentDisposition("it's 100%\\.txt")).toBe(
      `attachment; filename="it's 100__.txt"; filename*=UTF-8''it%27s%20100%25%5C.txt`,
    );
  });
});
