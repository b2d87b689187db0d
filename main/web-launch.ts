import { join } from 'node:path';
import { runWithCodeCache } from './code-cache';
import { defaultDataDir } from './data-dir';

// `node dist/main/web.cjs`: web mode's entry, kept tiny. It runs the bundle (web-core.cjs, built
// from web-main.ts) from V8's code cache. Without one, the cache is written once: a few seconds
// in, when the launch and a first page load have compiled what a start needs, or at exit if
// that comes first.
const SAVE_AFTER_MS = 3000;

const cache = runWithCodeCache(
  join(__dirname, 'web-core.cjs'),
  join(defaultDataDir(), 'code-cache'),
);
if (!cache.used) {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    cache.save(); // or not: the next launch compiles as usual
  };
  setTimeout(save, SAVE_AFTER_MS).unref();
  process.once('exit', save);
}
