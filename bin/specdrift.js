#!/usr/bin/env node
// Both bins (`specdrift`, `oasdiff`) land here; `oasdiff A B` is shorthand for `specdrift diff A B`.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';

const args = process.argv.slice(2);
const bin = basename(process.argv[1] ?? 'specdrift').replace(/\.js$/, '');

// Stack traces (--debug only) point at src/ through the source maps; mapping costs start-up time, so only then.
if (args.includes('--debug')) process.setSourceMapsEnabled(true);

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
const fresh = bundle >= 0 && bundle >= mtime('../dist/cli/main.js');

/**
 * `--version` and `--help` alone are answered without loading the CLI (issue 12: start-up under 0.08 s): the version
 * from package.json, the help as the bundle rendered it at build time (dist/bundle/startup.json) for the width yargs
 * would wrap at here. Anything else, or a width the build did not render, goes through the CLI.
 */
function startupAnswer() {
  if (args.length !== 1) return undefined;
  const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
  if (args[0] === '--version' || args[0] === '-V') return `${read('../package.json').version}\n`;
  if ((args[0] !== '--help' && args[0] !== '-h') || !fresh) return undefined;
  try {
    const name = bin === 'oasdiff' ? 'oasdiff' : 'specdrift';
    return read('../dist/bundle/startup.json').help[`${name} ${Math.min(110, process.stdout.columns || 100)}`];
  } catch {
    return undefined; // an older build without the file: the CLI renders it
  }
}

const answer = startupAnswer();
if (answer !== undefined) {
  // `specdrift --help | head -1`: a reader that goes away is not an error (as in the CLI's run()).
  process.stdout.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
  process.stdout.write(answer);
} else {
  const { run } = await import(fresh ? '../dist/bundle/main.js' : '../dist/cli/main.js');
  process.exitCode = await run(args, { bin });
}
