import { createRequire } from 'node:module';
import type * as Ssh2 from 'ssh2';

/**
 * ssh2 (and its crypto) loads on the first SSH engine, not at every launch: start-up time, #19.
 * The build keeps ssh2 outside the bundle (it has optional native and wasm parts).
 */
export const ssh2 = (): typeof Ssh2 => createRequire(__filename)('ssh2') as typeof Ssh2;
