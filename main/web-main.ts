import { join } from 'node:path';
import { createCore } from './core';
import { defaultDataDir } from './data-dir';
import { parseArgs } from './args';
import { log } from './log';
import { openInBrowser } from './web/launch-file';
import { TOKEN_TTL_MS } from './web/session';
import { startWebServer } from './web/server';

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const dataDir = defaultDataDir();
  // Tests shorten a download ticket's life to see it expire (never past its 10 s).
  const ticketTtlMs = Number(process.env.PORTHOLE_TICKET_TTL_MS) || undefined;
  const core = createCore({ dataDir, ticketTtlMs });
  // Tests shorten the token's life to see it expire; nobody can lengthen it past 60 s.
  const ttl = Number(process.env.PORTHOLE_TOKEN_TTL_MS) || TOKEN_TTL_MS;
  const server = await startWebServer({
    router: core.router,
    tickets: core.tickets,
    log: core.log,
    port: opts.port,
    staticDir: join(__dirname, '..', 'renderer'),
    tokenTtlMs: ttl,
    clock: core.clock,
    onPage: () => core.warm(),
  });
  // For the user who started it: good once, for a minute. The browser gets a token of its own,
  // through a file only this user can read — never on a command line.
  process.stdout.write(`Porthole web UI: ${server.loginUrl()}\n`);
  if (opts.open) openInBrowser(join(dataDir, 'launch'), server.loginUrl(), core.log, ttl);
  if (process.stdin.isTTY) {
    process.stdout.write('(The address works once, within a minute. Press Enter for a new one.)\n');
    process.stdin.on('data', () => process.stdout.write(`Porthole web UI: ${server.loginUrl()}\n`));
  }
  const shutdown = () => {
    core.stop();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  log.error('web mode failed to start', err);
  process.exit(1);
});
