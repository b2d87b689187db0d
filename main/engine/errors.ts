import type { ErrorCode, PortholeError } from '../../contract';

/** Thrown by handlers that already know the contract error to report. */
export class PortholeFailure extends Error {
  constructor(readonly detail: PortholeError) {
    super(detail.message);
  }
}

export function fail(code: ErrorCode, message: string, hint?: string): never {
  throw new PortholeFailure({ code, message, ...(hint ? { hint } : {}) });
}

const UNREACHABLE_CODES = new Set([
  'ENOENT',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EACCES',
]);

interface ModemError {
  statusCode?: number;
  json?: { message?: string } | string | null;
  reason?: string;
  code?: string;
  message?: string;
  /** Set by Node on system errors: "connect" for a socket, "open"/"mkdir"/… for files. */
  syscall?: string;
  path?: string;
  address?: string;
}

/** The contract's answer for a call whose caller went away or cancelled it. */
export function cancelledError(): PortholeError {
  return { code: 'CANCELLED', message: 'Cancelled: the window or request that asked went away.' };
}

/**
 * A stream the engine was sending that broke off before its end (dockerd killed or restarted,
 * the socket or SSH tunnel cut): said as such, since "cannot reach" would be wrong about a
 * pull that was moving a moment ago. Other errors keep their usual mapping.
 */
export function cutOffError(err: unknown, what: string): PortholeError {
  const e = (err ?? {}) as ModemError;
  const cut =
    err === undefined ||
    e.message === 'aborted' ||
    (!!e.code && ['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE'].includes(e.code));
  if (!cut) return toPortholeError(err);
  return {
    code: 'ENGINE_UNREACHABLE',
    message: `The engine stopped answering in the middle of the ${what}${e.code ? ` (${e.code})` : ''}.`,
    hint: `Nothing more arrived. When the engine is back (Porthole reconnects by itself), retry the ${what}.`,
  };
}

/** Socket-level failures: the engine (or the way to it) is not there. */
function isConnectionError(e: ModemError): boolean {
  if (!e.code || !UNREACHABLE_CODES.has(e.code)) return false;
  // ENOENT/EACCES from a file (a build folder, the settings) is not about the engine at all.
  if (e.syscall && e.syscall !== 'connect' && e.syscall !== 'getaddrinfo' && !e.address) {
    return false;
  }
  return !(e.path && !e.address && e.syscall !== 'connect');
}

/** A file-system error in words: what failed on which path, and what to do. */
function fileError(e: ModemError): PortholeError | undefined {
  if (!e.syscall || !e.code || isConnectionError(e)) return undefined;
  const where = e.path ? ` “${e.path}”` : '';
  switch (e.code) {
    case 'ENOENT':
      return {
        code: 'NOT_FOUND',
        message: `No such file or folder${where}.`,
        hint: 'Check the path and try again.',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        code: 'FORBIDDEN',
        message: `Permission denied${where}.`,
        hint: 'Check who owns it and its permissions.',
      };
    case 'EROFS':
      return {
        code: 'FORBIDDEN',
        message: `Read-only file system${where}.`,
        hint: 'Nothing could be written there; choose another place.',
      };
    case 'ENOSPC':
      return {
        code: 'INTERNAL',
        message: `No space left on the device${where}.`,
        hint: 'Free some disk space, then try again.',
      };
    default:
      return { code: 'INTERNAL', message: `${e.code} on${where || ' a file'} (${e.syscall}).` };
  }
}

function engineMessage(err: ModemError): string {
  if (err.json && typeof err.json === 'object' && typeof err.json.message === 'string') {
    return err.json.message;
  }
  if (typeof err.json === 'string' && err.json.trim()) return err.json.trim();
  return (err.message ?? 'Unknown error').replace(/^\(HTTP code \d+\)\s*/, '');
}

/**
 * Maps whatever a handler threw (dockerode/docker-modem errors, socket errors, our own failures)
 * to the contract's error. The engine's own words are kept; stacks never cross the boundary.
 */
export function toPortholeError(err: unknown): PortholeError {
  if (err instanceof PortholeFailure) return err.detail;
  if (!err || typeof err !== 'object') {
    return { code: 'INTERNAL', message: String(err ?? 'Unknown error') };
  }
  const e = err as ModemError;
  if ((e as { name?: string }).name === 'AbortError') return cancelledError();
  const file = fileError(e);
  if (file) return file;
  if (isConnectionError(e)) {
    return {
      code: 'ENGINE_UNREACHABLE',
      message: `Cannot reach the container engine (${e.code}).`,
      hint:
        e.code === 'EACCES'
          ? 'Permission denied on the engine socket: add your user to the docker group, or pick another engine.'
          : 'Start Docker (or Podman) and Porthole reconnects by itself.',
    };
  }
  const message = engineMessage(e);
  switch (e.statusCode) {
    case 400:
      return { code: 'INVALID_INPUT', message };
    case 401:
      return { code: 'AUTH_REQUIRED', message, hint: 'Log in to the registry, then try again.' };
    case 403:
      return { code: 'FORBIDDEN', message };
    case 404:
      return { code: 'NOT_FOUND', message };
    case 409:
      return { code: 'CONFLICT', message };
    case undefined:
      return { code: 'INTERNAL', message };
    default:
      return { code: 'INTERNAL', message: `The engine answered ${e.statusCode}: ${message}` };
  }
}

/** docker answers 304 for "already started" / "already stopped": for the user that is success. */
export function isNotModified(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as ModemError).statusCode === 304;
}
