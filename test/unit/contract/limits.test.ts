import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { calls, LIMITS, streams } from '../../../contract';

type Def = {
  type: string;
  checks?: { _zod: { def: { check: string; maximum?: number } } }[];
  [key: string]: unknown;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const maxCheck = (d: Def) =>
  d.checks?.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum;

/**
 * An upper bound of the JSON (or binary) size of any value the schema accepts, or the paths of
 * strings, arrays and maps it leaves unbounded. A JS character is at most 6 bytes of JSON
 * (`\u0000`), so strings count 6 per character.
 */
function bound(s: z.ZodType, path: string, unbounded: string[]): number {
  const d = defOf(s);
  const meta = (s as unknown as { meta(): Record<string, number> | undefined }).meta?.() ?? {};
  switch (d.type) {
    case 'string': {
      const max = maxCheck(d);
      if (max === undefined) unbounded.push(path);
      return (max ?? 0) * 6 + 2;
    }
    case 'array': {
      const max = maxCheck(d);
      if (max === undefined) unbounded.push(path);
      return (max ?? 0) * (bound(d.element as z.ZodType, `${path}[]`, unbounded) + 1) + 2;
    }
    case 'record': {
      const max = meta.maxEntries;
      if (max === undefined) unbounded.push(path);
      const k = bound(d.keyType as z.ZodType, `${path}{key}`, unbounded);
      const v = bound(d.valueType as z.ZodType, `${path}{}`, unbounded);
      return (max ?? 0) * (k + v + 2) + 2;
    }
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      return Object.entries(shape).reduce(
        (n, [key, value]) => n + key.length + 4 + bound(value, `${path}.${key}`, unbounded),
        2,
      );
    }
    case 'union':
      return Math.max(
        ...(d.options as z.ZodType[]).map((o, i) => bound(o, `${path}|${i}`, unbounded)),
      );
    case 'tuple':
      return (d.items as z.ZodType[]).reduce(
        (n, item, i) => n + bound(item, `${path}[${i}]`, unbounded) + 1,
        2,
      );
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return bound(d.innerType as z.ZodType, path, unbounded);
    case 'pipe':
      return bound(d.in as z.ZodType, path, unbounded);
    case 'custom':
      if (meta.maxBytes === undefined) unbounded.push(path);
      return meta.maxBytes ?? 0;
    case 'number':
    case 'int':
    case 'bigint':
      return 24;
    case 'boolean':
    case 'null':
    case 'undefined':
      return 5;
    case 'literal':
      return 64;
    case 'enum':
      return Math.max(
        ...Object.values(d.entries as Record<string, string>).map((v) => String(v).length + 2),
      );
    default:
      unbounded.push(`${path} (${d.type})`);
      return 0;
  }
}

/** Everything a client sends: call inputs, stream inputs, stream control messages. */
const inbound = [
  ...Object.entries(calls).map(([name, c]) => [`${name} input`, c.input] as const),
  ...Object.entries(streams).map(([name, s]) => [`${name} input`, s.input] as const),
  ...Object.entries(streams).flatMap(([name, s]) =>
    s.control ? [[`${name} control`, s.control as z.ZodType] as const] : [],
  ),
];

/** Everything the server sends: call outputs, stream events. */
const outbound = [
  ...Object.entries(calls).map(([name, c]) => [`${name} output`, c.output as z.ZodType] as const),
  ...Object.entries(streams).map(([name, s]) => [`${name} event`, s.event as z.ZodType] as const),
];

describe('limits at the boundary', () => {
  it('every string, array and map a client can send has a maximum', () => {
    const unbounded: string[] = [];
    for (const [name, schema] of inbound) bound(schema, name, unbounded);
    expect(unbounded).toEqual([]);
  });

  it('every string, array and map the server sends has a maximum', () => {
    const unbounded: string[] = [];
    for (const [name, schema] of outbound) bound(schema, name, unbounded);
    expect(unbounded).toEqual([]);
  });

  it('the transport’s frame limit is above the largest valid message', () => {
    const envelope = 256; // {"t":"call","id":…,"name":"…","input":…}
    const largest = inbound
      .map(([name, schema]) => ({ name, bytes: bound(schema, name, []) + envelope }))
      .sort((a, b) => b.bytes - a.bytes);
    expect(largest[0]!.bytes).toBeLessThan(LIMITS.frameBytes);
    // And the limit is not absurdly above it either (an oversized frame is never valid).
    expect(LIMITS.frameBytes).toBeLessThanOrEqual(4 * largest[0]!.bytes);
  });

  it('binary chunks fit a frame with room for their header', () => {
    expect(LIMITS.chunkBytes + 64 * 1024).toBeLessThan(LIMITS.frameBytes);
  });
});
