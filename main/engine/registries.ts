import type Docker from 'dockerode';
import { fail, toPortholeError } from './errors';

function engineWords(err: unknown, fallback: string): string {
  const json = (err as { json?: unknown } | null)?.json;
  if (json && typeof json === 'object' && 'message' in json && typeof json.message === 'string') {
    return json.message;
  }
  return fallback;
}

export interface AuthCheck {
  username: string;
  password: string;
  serveraddress: string;
}

/**
 * Asks the engine to log in to the registry (POST /auth), the check `docker login` makes before
 * it stores anything. Returns the identity token when the registry hands one out.
 * The error never carries the request: only the engine's words and the registry's name.
 */
export async function checkRegistryAuth(
  docker: Docker,
  auth: AuthCheck,
): Promise<{ identityToken?: string }> {
  let answer: unknown;
  try {
    answer = await docker.checkAuth({ ...auth });
  } catch (err) {
    const e = toPortholeError(err);
    // The engine answers a refused login with 500 + its message; its words are what matter.
    const said = engineWords(err, e.message).split(auth.password).join('***');
    const unauthorized =
      e.code === 'AUTH_REQUIRED' ||
      /401|unauthori[sz]ed|incorrect username or password/i.test(said);
    if (unauthorized) {
      fail(
        'AUTH_REQUIRED',
        `incorrect username or password for ${auth.serveraddress} (the engine said: ${said})`,
        'Check the username and password (or access token) and try again.',
      );
    }
    if (e.code === 'ENGINE_UNREACHABLE') throw err;
    fail(e.code, said, e.hint ?? 'Check the registry address and that the engine can reach it.');
  }
  const token =
    answer && typeof answer === 'object' && 'IdentityToken' in answer
      ? (answer as { IdentityToken?: unknown }).IdentityToken
      : undefined;
  return typeof token === 'string' && token ? { identityToken: token } : {};
}
