import type { z } from 'zod';
import { describeIssues } from '../../../contract';

/**
 * Events and answers that failed their schema: reported (console + a count), never silently
 * dropped. The count is readable from devtools and the e2e suite as
 * `__portholeSchemaFailures.count`: a contract drift shows as a number, not silence.
 */
export interface SchemaFailures {
  count: number;
}

type Log = (message: string, detail: unknown) => void;

/**
 * `value` parsed by `schema`; on a mismatch the failure is counted and logged (naming `what`),
 * and the result says so. Pure but for `failures` and `log`.
 */
export function parseOrReport<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  failures: SchemaFailures,
  log: Log = (message, detail) => console.error(message, detail),
): { ok: true; data: z.output<S> } | { ok: false; error: z.ZodError } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, data: parsed.data };
  failures.count++;
  // The issues in the text itself: a console line (or CI's log of it) says which field.
  log(
    `Porthole: ${what} did not match the contract: ${describeIssues(parsed.error)}`,
    parsed.error,
  );
  return { ok: false, error: parsed.error };
}
