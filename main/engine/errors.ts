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
  if (e.code && UNREACHABLE_CODES.has(e.code)) {
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
