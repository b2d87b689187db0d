import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppHandle } from './app';
import type { EngineHandle } from './engine';
import { alive } from './proc';
import type { RegistryHandle } from './registry';

/** What global setup started, for the specs and for teardown (even after a crash). */
export interface SuiteState {
  runId: string;
  /** The Playwright runner's pid: a state file whose owner is dead is stale. */
  ownerPid: number;
  root: string;
  engine: EngineHandle;
  registry: RegistryHandle;
  app: AppHandle;
  /** A DOCKER_CONFIG for the CLI, never the user's ~/.docker. */
  dockerConfig: string;
  /** The seeded private image in the registry. */
  privateImage: string;
}

const STATE_DIR = join(process.env.PORTHOLE_ROOT ?? join(__dirname, '..', '..'), '.test-state');

/**
 * One state file per `playwright test` invocation (playwright.config.ts sets the run id before
 * workers start, so they inherit it): two suites on one machine never share or kill each
 * other's engines.
 */
function stateFile(): string {
  const run = process.env.PORTHOLE_E2E_RUN;
  if (!run)
    throw new Error('PORTHOLE_E2E_RUN is not set: run the suite through playwright.config.ts');
  return join(STATE_DIR, `suite-${run}.json`);
}

export function saveState(state: Partial<SuiteState>) {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(stateFile(), JSON.stringify(state, null, 2));
}

export function loadState(): SuiteState {
  if (!existsSync(stateFile())) {
    throw new Error(
      'No e2e state: run the suite with `npm test` (global setup starts the engine).',
    );
  }
  return JSON.parse(readFileSync(stateFile(), 'utf8')) as SuiteState;
}

function readState(file: string): Partial<SuiteState> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<SuiteState>;
  } catch {
    return undefined;
  }
}

export function loadPartialState(): Partial<SuiteState> | undefined {
  return existsSync(stateFile()) ? readState(stateFile()) : undefined;
}

/** States left by runs whose runner died (killed, crashed): theirs to clean up, by pid. */
export function staleStates(): { file: string; state: Partial<SuiteState> }[] {
  if (!existsSync(STATE_DIR)) return [];
  return readdirSync(STATE_DIR)
    .filter((f) => /^suite-.*\.json$/.test(f))
    .map((f) => ({ file: join(STATE_DIR, f), state: readState(join(STATE_DIR, f)) ?? {} }))
    .filter(({ state }) => !state.ownerPid || !alive(state.ownerPid));
}

export function clearState(file = stateFile()) {
  rmSync(file, { force: true });
}
