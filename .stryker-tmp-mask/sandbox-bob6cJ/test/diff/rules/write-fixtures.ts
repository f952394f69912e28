/**
 * Writes fixtures/rules/<rule-id>/{old,new}.yaml from rule-fixtures.ts, and removes directories of rule ids
 * that no longer exist. Run: npx tsx test/diff/rules/write-fixtures.ts
 */
// @ts-nocheck

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { fixturePath } from '../engine/helpers.js';
import { fixtureFor } from './rule-fixtures.js';
import { toYaml } from './yaml.js';

const root = fixturePath('rules');
mkdirSync(root, { recursive: true });
const ids = new Set(ALL_RULES.map((r) => r.id));
const missing: string[] = [];
for (const id of ids) {
  const fixture = fixtureFor(id);
  if (!fixture) {
    missing.push(id);
    continue;
  }
  mkdirSync(join(root, id), { recursive: true });
  writeFileSync(join(root, id, 'old.yaml'), toYaml(fixture.old));
  writeFileSync(join(root, id, 'new.yaml'), toYaml(fixture.new));
}
for (const dir of readdirSync(root)) if (!ids.has(dir)) rmSync(join(root, dir), { recursive: true });
console.log(`wrote ${ids.size - missing.length} fixture pairs to ${root}`);
if (missing.length > 0) {
  console.error(`no fixture for: ${missing.join(', ')}`);
  process.exitCode = 1;
}
