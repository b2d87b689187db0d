/**
 * Counts the work a piece of code does on bytes and strings — bytes and characters scanned,
 * decoded or copied by the built-ins a line splitter can use — instead of timing it: a cost
 * bound that holds on a loaded machine and fails for a quadratic algorithm by orders of
 * magnitude. `largest` is the biggest single operation: what was scanned or copied whole.
 */
export interface Work {
  total: number;
  largest: number;
}

type Fn = (...args: never[]) => unknown;

export function meter(run: () => void): Work {
  const work: Work = { total: 0, largest: 0 };
  const count = (n: number) => {
    if (!(n > 0)) return;
    work.total += n;
    work.largest = Math.max(work.largest, n);
  };
  const restore: (() => void)[] = [];
  const wrap = <T extends object>(
    target: T,
    key: keyof T & string,
    cost: (self: unknown, args: unknown[], result: unknown) => number,
  ) => {
    const original = target[key] as unknown as Fn;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      const result = (original as (...a: unknown[]) => unknown).apply(this, args);
      count(cost(this, args, result));
      return result;
    };
    Object.defineProperty(target, key, { value: wrapped, configurable: true, writable: true });
    restore.push(() =>
      Object.defineProperty(target, key, { value: original, configurable: true, writable: true }),
    );
  };
  const scanned = (length: number, args: unknown[], found: unknown) => {
    const from = typeof args[1] === 'number' ? Math.max(0, args[1]) : 0;
    return (found as number) >= 0 ? (found as number) - from + 1 : length - from;
  };
  const len = (x: unknown) => (x as { length: number }).length;

  wrap(Buffer.prototype, 'indexOf', (self, args, r) => scanned(len(self), args, r));
  wrap(String.prototype, 'indexOf', (self, args, r) => scanned(len(self), args, r));
  wrap(String.prototype, 'slice', (_s, _a, r) => len(r));
  wrap(Buffer.prototype, 'toString', (_s, _a, r) => len(r));
  wrap(Buffer.prototype, 'copy', (_s, _a, r) => r as number);
  wrap(Buffer, 'concat', (_s, _a, r) => len(r));
  // Buffer.from(arrayBuffer, offset, length) is a view; from anything else, a copy.
  wrap(Buffer, 'from', (_s, args, r) => (args[0] instanceof ArrayBuffer ? 0 : len(r)));
  wrap(TextDecoder.prototype, 'decode', (_s, args) =>
    args[0] ? (args[0] as Uint8Array).byteLength : 0,
  );
  try {
    run();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return work;
}
