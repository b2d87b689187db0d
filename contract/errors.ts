import { z } from 'zod';
import { lazy } from './lazy';

export const ErrorCode = lazy(() =>
  z.enum([
    'ENGINE_UNREACHABLE',
    'NOT_FOUND',
    'CONFLICT',
    'AUTH_REQUIRED',
    'INVALID_INPUT',
    'PULL_FAILED',
    'FORBIDDEN',
    /** The caller cancelled, or its window or socket went away. */
    'CANCELLED',
    'INTERNAL',
  ]),
);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The only shape an error takes when it crosses a process or network boundary. */
export const PortholeError = lazy(() =>
  z.object({
    code: ErrorCode,
    message: z.string().max(16_384),
    hint: z.string().max(4096).optional(),
  }),
);
export type PortholeError = z.infer<typeof PortholeError>;

export const Result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: PortholeError }),
  ]);
export type Result<T> = { ok: true; value: T } | { ok: false; error: PortholeError };

/** Turns zod issues into one readable sentence naming the fields at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function invalidInput(message: string, hint?: string): PortholeError {
  return { code: 'INVALID_INPUT', message, ...(hint ? { hint } : {}) };
}
