/**
 * Node built-ins that cost start-up time to load and that most runs never use (issue 12): `node:crypto` (~8 ms:
 * cache keys, trust hashes, temp-file names) and `node:child_process` (~7 ms: git and cmd: sources). Loaded on
 * first use instead of with every command (`require` caches them); `require` keeps the callers synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const crypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');
export const childProcess = (): typeof import('node:child_process') => require('node:child_process') as typeof import('node:child_process');

let fullGc: (() => void) | undefined;
/**
 * A full garbage collection, now (the diff command, between loading two big specs and diffing them). `gc` is
 * exposed the way jest's leak detector does it: the flag set at run time, the function taken from a fresh context.
 */
export function collectGarbage(): void {
  if (fullGc === undefined) {
    (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--expose-gc');
    fullGc = (require('node:vm') as typeof import('node:vm')).runInNewContext('gc') as () => void;
  }
  fullGc();
}
