#!/usr/bin/env node
// Both bins (`specdrift`, `oasdiff`) land here; `oasdiff A B` is shorthand for `specdrift diff A B`.
import { statSync } from 'node:fs';
import { basename } from 'node:path';

// Stack traces (--debug only) point at src/ through the source maps; mapping costs start-up time, so only then.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

// The esbuild bundle (`npm run build`, scripts/bundle.mjs) starts fastest; it runs when it is at least as new as
// tsc's output, so a `tsc -p tsconfig.build.json` after it (the tests' build) runs the fresh modules instead.
const mtime = (path) => {
  try {
    return statSync(new URL(path, import.meta.url)).mtimeMs;
  } catch {
    return -1;
  }
};
const bundle = mtime('../dist/bundle/main.js');
const { run } = await import(bundle >= 0 && bundle >= mtime('../dist/cli/main.js') ? '../dist/bundle/main.js' : '../dist/cli/main.js');

const bin = basename(process.argv[1] ?? 'specdrift').replace(/\.js$/, '');
process.exitCode = await run(process.argv.slice(2), { bin });
