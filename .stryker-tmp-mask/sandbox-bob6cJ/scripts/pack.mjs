#!/usr/bin/env node
// Packs the tarball users install (`npm publish <tarball>`): builds dist/ and the bundle bin/ runs (dist/bundle), then packs a staging copy of the files
// `package.json` lists, under a manifest without `scripts` and `devDependencies`. A `prepare` script in the published
// manifest makes npm ≥ 11 warn about install scripts in every user's install, and it is only there to build dist/
// in a clone on `npm ci`.
// Usage: node scripts/pack.mjs [DEST_DIR]   (default: the current directory); prints the tarball's path.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dest = resolve(process.argv[2] ?? '.');
const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(`pack: ${command} ${args.join(' ')} failed\n${result.stderr}${result.stdout}`);
    process.exit(1);
  }
  return result.stdout;
}

run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], root);
run(process.execPath, [join(root, 'scripts', 'bundle.mjs')], root); // the package ships the bundle only (package.json files)
const [listing] = JSON.parse(run(npm[0], [...npm[1], 'pack', '--dry-run', '--json', '--ignore-scripts'], root));
const staging = mkdtempSync(join(tmpdir(), 'specdrift-pack-'));
try {
  for (const { path } of listing.files) {
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    cpSync(join(root, path), join(staging, path));
  }
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  delete manifest.scripts;
  delete manifest.devDependencies;
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(dest, { recursive: true });
  const [packed] = JSON.parse(run(npm[0], [...npm[1], 'pack', '--json', '--ignore-scripts', '--pack-destination', dest], staging));
  process.stdout.write(`${join(dest, packed.filename)}\n`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
