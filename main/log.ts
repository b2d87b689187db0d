/**
 * The one logger in main. It never receives secrets: callers pass errors and resource names,
 * not request bodies or auth headers.
 */
export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stderr.write(line),
  quiet = process.env.PORTHOLE_LOG === 'silent',
): Logger {
  return {
    info(message) {
      if (!quiet) write(`[porthole] ${message}\n`);
    },
    error(message, err) {
      if (quiet) return;
      const detail = err instanceof Error ? (err.stack ?? err.message) : err ? String(err) : '';
      write(`[porthole] ${message}${detail ? `: ${detail}` : ''}\n`);
    },
  };
}

/** For entry points before a core exists (argument errors, start-up failures). */
export const log: Logger = createLogger();
