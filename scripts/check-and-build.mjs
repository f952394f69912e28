#!/usr/bin/env node
// What `npm test` and `npm run test:integration` do before vitest: type-check everything (src/, test/, bench/) and
// build dist/ (tsc, then the esbuild bundle). The two are independent, so they run side by side — on the CI's two
// cores that takes about the longer of the two instead of their sum. Both always run to the end; each one's output
// is printed whole when it finishes (no interleaving), and any failure fails the script, so vitest never starts on a
// stale or broken build.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** Runs the steps one after another; resolves to the first failing step's name, or undefined. */
async function steps(list) {
  for (const [name, args] of list) {
    const code = await new Promise((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('error', (err) => output.push(Buffer.from(`${err.message}\n`)));
      child.on('close', (status) => {
        process.stdout.write(Buffer.concat(output));
        resolve(status ?? 1);
      });
    });
    if (code !== 0) return name;
  }
  return undefined;
}

const failed = (
  await Promise.all([
    steps([['type-check (tsc -p tsconfig.json)', [tsc, '-p', 'tsconfig.json']]]),
    steps([
      ['build (tsc -p tsconfig.build.json)', [tsc, '-p', 'tsconfig.build.json']],
      ['bundle (scripts/bundle.mjs)', [join(root, 'scripts', 'bundle.mjs')]],
    ]),
  ])
).filter(Boolean);
for (const name of failed) console.error(`check-and-build: ${name} failed`);
process.exitCode = failed.length ? 1 : 0;
