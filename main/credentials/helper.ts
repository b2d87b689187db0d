import { spawn } from 'node:child_process';
import { which } from '../os/which';
import { isHelperName } from './names';

/**
 * The docker credential helper protocol (docker-credential-NAME store|get|erase|list over
 * stdin/stdout), the same programs the CLI runs, so both see the same logins. Secrets travel
 * only over the child's pipes; nothing here logs stdin or stdout.
 */

const TIMEOUT_MS = 60_000; // a keychain helper may wait for the user to unlock it
const MAX_OUTPUT = 1024 * 1024;
export const NOT_FOUND = /credentials not found/i;

export class HelperError extends Error {
  constructor(
    readonly helper: string,
    message: string,
    readonly missing = false,
  ) {
    super(message);
  }
}

function run(helper: string, action: string, input: string, secret?: string): Promise<string> {
  if (!isHelperName(helper)) {
    return Promise.reject(new HelperError(helper, `"${helper}" is not a credential helper name.`));
  }
  const program = `docker-credential-${helper}`;
  // By absolute path from PATH: never a same-named file in the current directory (Windows).
  const path = which(program);
  if (!path) {
    return Promise.reject(
      new HelperError(
        helper,
        `The credential helper ${program} named in the docker config is not installed (not on PATH): install it, or remove it from config.json.`,
        true,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const child = spawn(path, [action], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new HelperError(helper, `${program} ${action} did not answer within 60 s.`));
    }, TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (out.length < MAX_OUTPUT) out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < MAX_OUTPUT) err += d;
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        e.code === 'ENOENT'
          ? new HelperError(
              helper,
              `The credential helper ${program} named in the docker config is not installed (not on PATH): install it, or remove it from config.json.`,
              true,
            )
          : new HelperError(helper, `${program} ${action} failed to start: ${e.message}`),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) return resolve(out);
      // Helpers print their error on stdout; make sure a secret can never ride along.
      let text = (out.trim() || err.trim() || `exit code ${code}`).slice(0, 500);
      if (secret) text = text.split(secret).join('***');
      reject(new HelperError(helper, text));
    });
    child.stdin.on('error', () => undefined); // the child may exit before reading; close reports
    child.stdin.end(input);
  });
}

export interface HelperCredentials {
  username: string;
  secret: string;
}

export async function helperGet(
  helper: string,
  serverURL: string,
): Promise<HelperCredentials | undefined> {
  let out: string;
  try {
    out = await run(helper, 'get', serverURL);
  } catch (e) {
    if (e instanceof HelperError && NOT_FOUND.test(e.message)) return undefined;
    throw e;
  }
  const parsed = JSON.parse(out) as { Username?: unknown; Secret?: unknown };
  if (typeof parsed.Secret !== 'string' || parsed.Secret === '') return undefined;
  return {
    username: typeof parsed.Username === 'string' ? parsed.Username : '',
    secret: parsed.Secret,
  };
}

export async function helperStore(helper: string, serverURL: string, creds: HelperCredentials) {
  const body = JSON.stringify({
    ServerURL: serverURL,
    Username: creds.username,
    Secret: creds.secret,
  });
  await run(helper, 'store', body, creds.secret);
}

export async function helperErase(helper: string, serverURL: string) {
  try {
    await run(helper, 'erase', serverURL);
  } catch (e) {
    if (e instanceof HelperError && NOT_FOUND.test(e.message)) return;
    throw e;
  }
}

/** server URL → username, as the helper lists them. */
export async function helperList(helper: string): Promise<Record<string, string>> {
  const out = await run(helper, 'list', 'unused');
  const parsed: unknown = JSON.parse(out.trim() || '{}');
  const result: Record<string, string> = {};
  if (parsed && typeof parsed === 'object') {
    for (const [k, v] of Object.entries(parsed)) if (typeof v === 'string') result[k] = v;
  }
  return result;
}
