/**
 * A schema built the first time something uses it (#19). The contract holds about 2,800 zod
 * schema objects. Built as the modules loaded, they took ~13 ms of every page start and ~40 ms
 * of main's launch, and the first screen uses 13 of them. `lazy(() => z.object(…))` stands in for the schema: any use —
 * a parse, `.optional()`, being put in another schema's shape — builds it once, and from then on
 * every access goes to the built schema. Its type is the schema's own, so `typeof X` and
 * `z.infer<typeof X>` do not change.
 *
 * Properties are read with the built schema as the receiver: zod's methods bind themselves to
 * the receiver on first read, and some look the schema up by it (`.meta()` in its registry).
 */
export function lazy<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => (built ??= build());
  return new Proxy({} as T, {
    get(_, key) {
      const r = real();
      return Reflect.get(r, key, r);
    },
    set: (_, key, value) => Reflect.set(real(), key, value),
    has: (_, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    // A stand-in may not report a property it lacks as non-configurable (a Proxy invariant).
    getOwnPropertyDescriptor(_, key) {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}
