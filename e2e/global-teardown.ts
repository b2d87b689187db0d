import { stopApp } from './harness/app';
import { destroyEngine } from './harness/engine';
import { stopRegistry } from './harness/registry';
import { clearState, loadPartialState, type SuiteState } from './harness/state';

export async function teardownSuite(state: Partial<SuiteState>, file?: string) {
  if (state.app) await stopApp(state.app);
  if (state.registry) await stopRegistry(state.registry);
  if (state.engine) await destroyEngine(state.engine);
  clearState(file);
}

export default async function globalTeardown() {
  const state = loadPartialState();
  if (state) await teardownSuite(state);
}
