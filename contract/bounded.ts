import { z } from 'zod';

/** A string → string map with at most `max` entries (zod's record has no count limit). */
export const BoundedRecord = <K extends z.ZodType<string>, V extends z.ZodType>(
  key: K,
  value: V,
  max: number,
) =>
  z
    .record(key, value)
    .refine((r) => Object.keys(r).length <= max, `at most ${max} entries`)
    .meta({ maxEntries: max });

/** A JSON object taken as it is (an engine's inspect document), at most `maxBytes` as JSON. */
export const JsonDocument = (maxBytes: number) =>
  z
    .custom<Record<string, unknown>>(
      (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
      'a JSON object',
    )
    .refine((v) => JSON.stringify(v).length <= maxBytes, `at most ${maxBytes} bytes of JSON`)
    .meta({ maxBytes });
