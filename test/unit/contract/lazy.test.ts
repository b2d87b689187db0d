import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazy } from '../../../contract/lazy';

describe('lazy', () => {
  it('builds the schema on first use, once', () => {
    const build = vi.fn(() => z.object({ name: z.string().max(5) }));
    const schema = lazy(build);
    expect(build).not.toHaveBeenCalled();
    expect(schema.parse({ name: 'web' })).toEqual({ name: 'web' });
    expect(schema.safeParse({ name: 'too long' }).success).toBe(false);
    expect(Object.keys(schema.shape)).toEqual(['name']);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('is taken by other schemas as the schema itself', () => {
    const Port = lazy(() => z.number().int().min(1).max(65535));
    const Ports = lazy(() => z.array(Port).max(2));
    const Spec = lazy(() => z.strictObject({ ports: Ports, note: Port.optional() }));
    expect(Spec.parse({ ports: [80, 443] })).toEqual({ ports: [80, 443] });
    expect(Spec.safeParse({ ports: [80, 0] }).success).toBe(false);
    expect(Spec.safeParse({ ports: [1, 2, 3] }).success).toBe(false);
    expect(Spec.safeParse({ ports: [], extra: 1 }).success).toBe(false);
    const Wider = Spec.extend({ name: z.string().max(10) });
    expect(Wider.parse({ ports: [], name: 'x' })).toEqual({ ports: [], name: 'x' });
    expect(Port instanceof z.ZodNumber).toBe(true);
    expect(Spec instanceof z.ZodObject).toBe(true);
  });

  it('reads metadata of the built schema (it is the receiver)', () => {
    const Limited = lazy(() => z.record(z.string(), z.string()).meta({ maxEntries: 3 }));
    expect(Limited.meta()).toEqual({ maxEntries: 3 });
    const described = lazy(() => z.string().describe('a name'));
    expect(described.description).toBe('a name');
  });

  it('keeps discriminated unions working across stand-ins', () => {
    const A = lazy(() => z.object({ kind: z.literal('a'), n: z.number() }));
    const B = lazy(() => z.object({ kind: z.literal('b'), s: z.string() }));
    const Either = lazy(() => z.discriminatedUnion('kind', [A, B]));
    expect(Either.parse({ kind: 'b', s: 'x' })).toEqual({ kind: 'b', s: 'x' });
    expect(Either.safeParse({ kind: 'a', s: 'x' }).success).toBe(false);
  });
});

describe('the contract', () => {
  // Each zod schema defines its `_zod` internals once, as it is built.
  const builtWhile = async (load: () => Promise<unknown>) => {
    const define = Object.defineProperty;
    let built = 0;
    const spy = vi.spyOn(Object, 'defineProperty').mockImplementation((o, key, d) => {
      if (key === '_zod') built++;
      return define(o, key, d);
    });
    try {
      await load();
    } finally {
      spy.mockRestore();
    }
    return built;
  };

  it('builds none of its ~1,600 schemas as it loads; each call builds its own', async () => {
    vi.resetModules();
    await import('zod');
    const loaded = await builtWhile(() => import('../../../contract'));
    // A schema added at module level without lazy() shows up here (field groups spread into
    // others too: write those as functions, as logRange() is).
    expect(loaded).toBe(0);
    const contract = await import('../../../contract');
    const list = await builtWhile(async () =>
      contract.calls['containers.list'].output.safeParse([]),
    );
    expect(list).toBeGreaterThan(10);
    const all = await builtWhile(async () => {
      for (const c of Object.values(contract.calls)) void [c.input._zod, c.output._zod];
      for (const s of Object.values(contract.streams)) void [s.input._zod, s.event._zod];
    });
    expect(all).toBeGreaterThan(1000);
  });
});
