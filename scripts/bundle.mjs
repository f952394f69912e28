#!/usr/bin/env node
// `npm run build`, after tsc: bundle the CLI into dist/bundle/ with esbuild, so start-up reads a few files instead of
// ~100 modules (issue 12: `--help` in under 0.08 s). Dynamic `import()`s stay lazy as chunks of their own; the
// bundle's source maps point at src/ (bin/specdrift.js turns them on with --debug). bin/ runs the bundle only when it is
// at least as new as tsc's dist/cli/main.js, so `tsc -p tsconfig.build.json` alone (the tests' build) never runs a
// stale bundle. The output sits two levels below the package root like src/x/y.ts, so `import.meta.url`-relative
// paths (package.json, generators/) resolve the same in both builds.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Start-up (issue 12), measured with --cpu-prof: yargs' ESM shim imports `assert`, whose error class loads stderr and
 * colour support before anything is printed, so `assert` loads only when yargs calls it; and yargs' package.json
 * look-up (for a version we switch off) starts at our package root instead of walking up from the working directory,
 * reading every directory listing on the way (and a stranger's package.json); and the help render yargs caches after
 * starting a command's handler is skipped (see below). yargs is pinned (exact version in
 * package.json); the build fails if its shim changes shape.
 */
const startupPlugin = {
  name: 'specdrift-startup',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert$/ }, (args) => (args.namespace === 'lazy-assert' ? { path: args.path, external: true } : { path: 'assert', namespace: 'lazy-assert' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-assert' }, () => ({
      contents: `const load = () => require('node:assert');
export const notStrictEqual = (...args) => load().notStrictEqual(...args);
export const strictEqual = (...args) => load().strictEqual(...args);`,
      loader: 'js',
    }));
    b.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const from = 'mainFilename: mainFilename || process.cwd(),';
      if (!source.includes(from)) throw new Error(`${args.path}: no "${from}" to point at the package root (yargs changed?)`);
      return { contents: source.replace(from, "mainFilename: fileURLToPath(new URL('../../package.json', import.meta.url)),"), loader: 'js', resolveDir: dirname(args.path) };
    });
    // yargs renders a command's whole help right after starting its handler, to have it ready should the handler
    // fail; our .fail() prints one line and never that help, so the render (~15 ms CPU on `diff`) is dropped.
    b.onLoad({ filter: /[\\/]yargs[\\/]build[\\/]lib[\\/]command\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const call = 'yargs.getInternalMethods().getUsageInstance().cacheHelpMessage();';
      if (source.split(call).length !== 2) throw new Error(`${args.path}: expected one "${call}" (yargs changed?)`);
      return { contents: source.replace(call, ''), loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

rmSync(join(root, 'dist', 'bundle'), { recursive: true, force: true }); // chunks are content-hashed: drop the old ones
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  sourcesContent: false, // positions are what stack traces need; the package ships no src/ to show
  // Only what users install is bundled; a dev dependency stays a runtime import (compat's generators find theirs).
  external: Object.keys(pkg.devDependencies ?? {}),
  // Bundled CommonJS packages `require()` Node's built-ins: give the ES module a real require.
  banner: { js: "import { createRequire as __specdriftRequire } from 'node:module'; const require = __specdriftRequire(import.meta.url);" },
  chunkNames: '[name]-[hash]',
  plugins: [startupPlugin],
  logLevel: 'warning',
  metafile: process.argv.includes('--metafile'),
}).then((result) => {
  if (result.metafile) process.stdout.write(JSON.stringify(result.metafile));
});

/**
 * `--help` alone, as each bin prints it at the widths bin/specdrift.js can meet without a terminal narrower than
 * yargs' wrap (100 for a pipe or file, 110 for a wide terminal): rendered now by the bundle itself, so bin/ prints
 * it without loading yargs or the CLI (issue 12: start-up). test/cli/startup.test.ts checks it against the CLI.
 */
const HELP_WIDTHS = [100, 110];
const { run } = await import(join(root, 'dist', 'bundle', 'main.js'));
const help = {};
for (const bin of ['specdrift', 'oasdiff']) {
  for (const width of HELP_WIDTHS) {
    const out = [];
    const { log } = console;
    const columns = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
    Object.defineProperty(process.stdout, 'columns', { value: width, configurable: true });
    console.log = (...parts) => void out.push(`${parts.map(String).join(' ')}\n`);
    try {
      const code = await run(['--help'], { bin });
      if (code !== 0) throw new Error(`${bin} --help exited ${code} while rendering the start-up help`);
    } finally {
      console.log = log;
      if (columns) Object.defineProperty(process.stdout, 'columns', columns);
      else delete process.stdout.columns;
    }
    help[`${bin} ${width}`] = out.join('');
  }
}
writeFileSync(join(root, 'dist', 'bundle', 'startup.json'), `${JSON.stringify({ help })}\n`);
