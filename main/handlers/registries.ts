import type { registryCalls, registryStreams } from '../../contract';
import { listLogins, login, logout } from '../credentials/logins';
import type { HandlersFor, StreamHandlersFor } from '../router';
import type { HandlerContext } from './context';

/** One line per call: the contract's name → the credentials module's function. */
export function registryHandlers({ docker }: HandlerContext): HandlersFor<typeof registryCalls> {
  return {
    'registries.list': () => listLogins(),
    'registries.login': (i) => login(docker(i.engineId), i),
    'registries.logout': (i) => logout(i.registry, i.removeConfigEntry),
  };
}

export function registryStreamHandlers(
  _ctx: HandlerContext,
): StreamHandlersFor<typeof registryStreams> {
  return {};
}
