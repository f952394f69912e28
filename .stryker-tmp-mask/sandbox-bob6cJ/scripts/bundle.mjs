#!/usr/bin/env node
// `npm run build`, after tsc: bundle the CLI into dist/bundle/ with esbuild, so start-up reads a few files instead of
// ~100 modules (issue 12: `--help` in under 0.08 s). Dynamic `import()`s stay lazy as chunks of their own; the
// bundle's source maps point at src/ (bin/specdrift.js turns them on with --debug). bin/ runs the bundle only when it is
// at least as new as tsc's dist/cli/main.js, so `tsc -p tsconfig.build.json` alone (the tests' build) never runs a
// stale bundle. The output sits two levels below the package root like src/x/y.ts, so `import.meta.url`-relative
// paths (package.json, generators/) resolve the same in both builds.
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

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
  logLevel: 'warning',
  metafile: process.argv.includes('--metafile'),
}).then((result) => {
  if (result.metafile) process.stdout.write(JSON.stringify(result.metafile));
});
