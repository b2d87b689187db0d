import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppHandle } from './app';
import type { EngineHandle } from './engine';
import type { RegistryHandle } from './registry';

/** What global setup started, for the specs and for teardown (even after a crash). */
export interface SuiteState {
  runId: string;
  root: string;
  engine: EngineHandle;
  registry: RegistryHandle;
  app: AppHandle;
  /** A DOCKER_CONFIG for the CLI, never the user's ~/.docker. */
  dockerConfig: string;
  /** The seeded private image in the registry. */
  privateImage: string;
}

const STATE_DIR = join(__dirname, '..', '..', '.test-state');
const STATE_FILE = join(STATE_DIR, 'suite.json');

export function saveState(state: Partial<SuiteState>) {
  mkdirSync(STATE_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function loadState(): SuiteState {
  if (!existsSync(STATE_FILE)) {
    throw new Error(
      'No e2e state: run the suite with `npm test` (global setup starts the engine).',
    );
  }
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SuiteState;
}

export function loadPartialState(): Partial<SuiteState> | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as Partial<SuiteState>;
  } catch {
    return undefined;
  }
}

export function clearState() {
  rmSync(STATE_FILE, { force: true });
}
