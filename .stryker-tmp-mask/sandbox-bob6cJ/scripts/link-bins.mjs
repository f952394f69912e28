#!/usr/bin/env node
// `npm ci` in a clone (the `prepare` script): link this package's own bins into node_modules/.bin, so the README's
// `npx oasdiff v40 v41` runs the clone's CLI. npm links only dependencies' bins; the clone used to depend on itself
// (`"specdrift": "file:."`) for this, which put a self-dependency into the published package.
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { bin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const binDir = join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
for (const [name, target] of Object.entries(bin)) {
  const link = join(binDir, name);
  rmSync(link, { force: true });
  symlinkSync(relative(binDir, join(root, target)), link);
}
