import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CodeCacheResult {
  /** The cache was there and V8 took it. */
  used: boolean;
  /** The bundle's `module.exports`. */
  exports: unknown;
  /** Writes the cache (V8's code for every function compiled so far); false if it could not. */
  save(): boolean;
}

/**
 * Runs the CommonJS bundle `file` as `require(file)` would, compiled with V8's code cache from
 * `cacheDir` (#19's cold start: compiling main's 2.3 MB bundle was ~100 ms of every launch; from
 * the cache ~17 ms). Node 20 has no `module.enableCompileCache`.
 *
 * The cache is named by the bundle's SHA-256, Node's version and the CPU: V8 itself checks only
 * the source's length, so a rebuilt bundle must never meet the code of another. It lives in the
 * user's own data dir (0700, files 0600), written whole and renamed into place; older caches
 * there are removed. Any failure to read or write it only means compiling as usual.
 */
export function runWithCodeCache(file: string, cacheDir: string): CodeCacheResult {
  const source = readFileSync(file, 'utf8');
  const key = createHash('sha256').update(source).digest('hex').slice(0, 32);
  const name = `${key}-${process.version}-${process.arch}.bin`;
  const cacheFile = join(cacheDir, name);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    dirname(file),
  );
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, dirname(file));
  mod.loaded = true;
  return {
    used,
    exports: mod.exports,
    save() {
      try {
        mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
        renameSync(tmp, cacheFile);
        for (const old of readdirSync(cacheDir)) {
          if (old !== name) rmSync(join(cacheDir, old), { force: true });
        }
        return true;
      } catch {
        return false;
      }
    },
  };
}
