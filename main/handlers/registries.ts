import type { registryCalls } from '../../contract';
import { listLogins, login, logout } from '../credentials/logins';
import type { HandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the credentials module's function. */
export function registryHandlers({
  docker,
  store,
  log,
}: HandlerContext): HandlersFor<typeof registryCalls> {
  return {
    'registries.list': () => listLogins(store),
    'registries.login': (i) => login(store, log, docker(i.engineId), i),
    'registries.logout': (i) => logout(store, log, i.registry, i.removeConfigEntry),
  };
}
