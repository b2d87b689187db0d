import { readdirSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { systemClock, type Clock } from './clock';
import { createAppStore, type SafeStorageLike } from './credentials/app-store';
import { createAuthResolver } from './credentials/resolve';
import { detectEngines, type EngineConfig } from './engine/detect';
import { EngineManager, type ManagerDeps } from './engine/manager';
import { createRequestScope } from './engine/request-scope';
import { createHandlers } from './handlers/index';
import { createLogger, type Logger } from './log';
import { createRouter, type Router } from './router';
import { createSettingsStore, type SettingsStore } from './settings/store';
import type { ChooseSavePath } from './transport/save-to-file';
import { createDownloadTickets, type DownloadTickets } from './transport/tickets';
import { createListMirror } from './list-mirror';

export interface CoreDeps {
  dataDir: string;
  /** Electron's safeStorage; absent in web mode (logins then live in memory for this run). */
  safeStorage?: SafeStorageLike | undefined;
  /** The engines to serve; detected from the machine when absent. */
  engines?: EngineConfig[];
  /** Home, user, agent and file access for ssh:// engines; this machine's when absent. */
  ssh?: ManagerDeps['ssh'];
  log?: Logger;
  /** The system clock when absent; tests pass one they control. */
  clock?: Clock;
  /** How long a download ticket stays good (tests shorten it; never past TICKET_TTL_MS). */
  ticketTtlMs?: number;
  /** The desktop's save dialog (Electron); absent in web mode. */
  chooseSavePath?: ChooseSavePath;
}

/** ~/.ssh (config, known_hosts, identities) and ssh-agent, as the `ssh` command finds them. */
function machineSsh(): ManagerDeps['ssh'] {
  let user = process.env.USER ?? 'root';
  try {
    user = userInfo().username;
  } catch {
    /* no passwd entry (containers): USER it is */
  }
  return {
    home: homedir(),
    user,
    agent: process.env.SSH_AUTH_SOCK,
    readText(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    listDir(path) {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  };
}

export interface Core {
  engines: EngineManager;
  router: Router;
  settings: SettingsStore;
  /** Web mode's navigation-download tickets: issued by a call, redeemed by GET /download. */
  tickets: DownloadTickets;
  log: Logger;
  /** For the transports' time-bound logic (web mode's launch-token TTL). */
  clock: Clock;
  /**
   * A window's page is loading: an engine whose container list main holds no copy of is asked
   * for it now, in parallel with the page (see list-mirror.ts).
   */
  warm(): void;
  stop(): void;
}

/**
 * The one main-process core both transports serve, built from its dependencies: no module-level
 * state anywhere below it, so two cores (two tests, two windows' worth) never share anything.
 */
export function createCore(deps: CoreDeps): Core {
  const log = deps.log ?? createLogger();
  const clock = deps.clock ?? systemClock;
  const engines = new EngineManager({
    clock,
    dataDir: deps.dataDir,
    detected: deps.engines ?? detectEngines(),
    ssh: deps.ssh ?? machineSsh(),
    warn: (message) => log.error(message),
  });
  const store = createAppStore({ dataDir: deps.dataDir, safeStorage: deps.safeStorage });
  const authFor = createAuthResolver(store, log);
  const settings = createSettingsStore(deps.dataDir);
  // Every engine request a call or stream makes carries its signal (see request-scope.ts).
  const scope = createRequestScope();
  const tickets = createDownloadTickets(() => clock.now(), deps.ticketTtlMs);
  // A stream may open another through the router (downloads.toFile); it is built just below.
  const late: { router?: Router } = {};
  const { calls, streams } = createHandlers({
    engines,
    store,
    authFor,
    log,
    dataDir: deps.dataDir,
    settings,
    tickets,
    volumeHelpers: new Map(),
    docker: (engineId) => scope.bind(engines.get(engineId).docker),
    router: () => {
      if (!late.router) throw new Error('The router is not built yet.');
      return late.router;
    },
    chooseSavePath: deps.chooseSavePath,
  });
  const mirror = createListMirror({
    engines,
    clock,
    log,
    within: (signal, fn) => scope.run(signal, fn),
  });
  const router = createRouter(mirror.wrap(calls), streams, log, scope);
  late.router = router;
  engines.start();
  return {
    engines,
    router,
    settings,
    tickets,
    log,
    clock,
    warm: () => mirror.begin(),
    stop: () => engines.stop(),
  };
}
