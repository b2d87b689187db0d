import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createCore } from './app';
import { parseArgs } from './args';
import { log } from './log';
import { startWebServer } from './web/server';

function openBrowser(url: string) {
  const cmd =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    spawn(cmd, [url], { stdio: 'ignore', detached: true })
      .on('error', () => log.info('Could not open a browser; open the address above yourself.'))
      .unref();
  } catch {
    log.info('Could not open a browser; open the address above yourself.');
  }
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(2);
  }
  const { engines, router } = createCore();
  const server = await startWebServer({
    router,
    port: opts.port,
    staticDir: join(__dirname, '..', 'renderer'),
  });
  process.stdout.write(`Porthole web UI: ${server.url}\n`);
  if (opts.open) openBrowser(server.url);
  const shutdown = () => {
    engines.stop();
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  log.error('web mode failed to start', err);
  process.exit(1);
});
