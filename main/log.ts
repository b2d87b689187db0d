/**
 * The one logger in main. It never receives secrets: callers pass errors and resource names,
 * not request bodies or auth headers.
 */
const quiet = process.env.PORTHOLE_LOG === 'silent';

export const log = {
  info(message: string) {
    if (!quiet) process.stderr.write(`[porthole] ${message}\n`);
  },
  error(message: string, err?: unknown) {
    if (quiet) return;
    const detail = err instanceof Error ? (err.stack ?? err.message) : err ? String(err) : '';
    process.stderr.write(`[porthole] ${message}${detail ? `: ${detail}` : ''}\n`);
  },
};
