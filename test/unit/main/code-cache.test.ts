import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runWithCodeCache } from '../../../main/code-cache';

let dir: string;
let cacheDir: string;
let bundle: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porthole-code-cache-'));
  cacheDir = join(dir, 'data', 'code-cache');
  bundle = join(dir, 'bundle.cjs');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A CommonJS bundle that uses what a bundle gets: require, module, __dirname. */
const write = (value: string) =>
  writeFileSync(
    bundle,
    `const { basename } = require('node:path');\n` +
      `module.exports = { value: ${value}, dir: basename(__dirname), file: basename(__filename) };\n` +
      `function later() { return [1, 2, 3].map((x) => x * 2); }\nmodule.exports.later = later();\n`,
  );
const files = () => readdirSync(cacheDir);
/**
 * The bundle again from another path, as a later launch would load it. V8 keeps what this
 * process compiled, by source and file name: the same file again would never read the cache.
 */
let copies = 0;
const again = () => {
  const copy = join(dir, `copy-${++copies}.cjs`);
  copyFileSync(bundle, copy);
  return runWithCodeCache(copy, cacheDir);
};

describe('runWithCodeCache', () => {
  it('runs the bundle as require would; a saved cache is used by the next run', () => {
    write('"one"');
    const first = runWithCodeCache(bundle, cacheDir);
    expect(first.used).toBe(false);
    expect(first.exports).toEqual({
      value: 'one',
      dir: dir.split('/').pop(),
      file: 'bundle.cjs',
      later: [2, 4, 6],
    });
    expect(first.save()).toBe(true);
    expect(files()).toHaveLength(1);
    // Only this user may read or replace what V8 will run.
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(cacheDir, files()[0]!)).mode & 0o777).toBe(0o600);

    const second = again();
    expect(second.used).toBe(true);
    expect(second.exports).toMatchObject({ value: 'one' });
  });

  it('a rebuilt bundle of the same length never runs the old code, and replaces its cache', () => {
    write('"one"');
    runWithCodeCache(bundle, cacheDir).save();
    const old = files();
    write('"two"'); // V8 alone checks only the length: the cache's name must tell them apart
    const rebuilt = again();
    expect(rebuilt.used).toBe(false);
    expect(rebuilt.exports).toMatchObject({ value: 'two' });
    rebuilt.save();
    expect(files()).toHaveLength(1);
    expect(files()).not.toEqual(old);
  });

  it('a damaged cache is refused by V8 and the bundle still runs', () => {
    write('"one"');
    runWithCodeCache(bundle, cacheDir).save();
    writeFileSync(join(cacheDir, files()[0]!), 'not V8 code');
    const run = again();
    expect(run.used).toBe(false);
    expect(run.exports).toMatchObject({ value: 'one' });
  });

  it('a cache that cannot be written is no error', () => {
    write('"one"');
    writeFileSync(join(dir, 'data'), 'a file where the folder would go');
    const run = runWithCodeCache(bundle, cacheDir);
    expect(run.save()).toBe(false);
    expect(run.exports).toMatchObject({ value: 'one' });
    chmodSync(join(dir, 'data'), 0o600);
  });
});
