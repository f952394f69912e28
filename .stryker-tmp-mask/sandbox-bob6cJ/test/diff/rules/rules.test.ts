/**
 * Every rule id: unique, kebab-case, documented in docs/rules.md, at the level policy.ts (hand-written, apart
 * from src/) gives it, and reported exactly as rule-fixtures.ts expects (id, level, location) by its own
 * fixture pair fixtures/rules/<rule-id>/{old,new}.yaml.
 */
// @ts-nocheck

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DOC_PATH, renderRulesDoc } from '../../../scripts/gen-rules-doc.js';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import { LEVELS } from '../../../src/diff/model.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { resolvePointer } from '../../../src/openapi/refs.js';
import { fixturePath, readSpec } from '../engine/helpers.js';
import { expectedLevels } from './policy.js';
import { expectedFindings, fixtureFor } from './rule-fixtures.js';
import { toYaml } from './yaml.js';

const root = fixturePath('rules');
const NOW = new Date('2026-01-01T00:00:00Z');

describe('rule definitions', () => {
  it('has more than 150 distinct, kebab-case rule ids', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(150);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it('gives every rule a level, a section and a one-line doc', () => {
    for (const r of ALL_RULES) {
      expect(LEVELS).toContain(r.level);
      expect(r.doc.length).toBeGreaterThan(10);
      expect(r.doc).not.toMatch(/\n|\{in\}/);
    }
  });

  it('gives every rule the level policy.ts writes down, and policy.ts names no other rule', () => {
    const policy = expectedLevels();
    const actual = new Map(ALL_RULES.map((r) => [r.id, r.level]));
    const disagreeing = [...actual].filter(([id, level]) => policy.has(id) && policy.get(id) !== level).map(([id, level]) => `${id}: ${level}, policy ${policy.get(id)}`);
    expect(disagreeing).toEqual([]);
    expect([...actual.keys()].filter((id) => !policy.has(id)), 'rules without a policy entry').toEqual([]);
    expect([...policy.keys()].filter((id) => !actual.has(id)), 'policy entries without a rule').toEqual([]);
    expect(policy.size).toBe(1118);
  });

  it('docs/rules.md is up to date (npx tsx scripts/gen-rules-doc.ts)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });
});

describe('rule fixtures', () => {
  it('has exactly one fixture directory per rule id', () => {
    const dirs = readdirSync(root).sort();
    expect(dirs).toEqual(ALL_RULES.map((r) => r.id).sort());
  });

  it('match their generator (npx tsx test/diff/rules/write-fixtures.ts)', () => {
    const stale = ALL_RULES.filter((r) => {
      const f = fixtureFor(r.id);
      if (!f) return true;
      const dir = join(root, r.id);
      return (
        !existsSync(join(dir, 'old.yaml')) ||
        readFileSync(join(dir, 'old.yaml'), 'utf8') !== toYaml(f.old) ||
        readFileSync(join(dir, 'new.yaml'), 'utf8') !== toYaml(f.new)
      );
    }).map((r) => r.id);
    expect(stale).toEqual([]);
  });

  it.each(ALL_RULES.map((r) => r.id))('%s is reported as rule-fixtures.ts expects', (id) => {
    const old = readSpec(join(root, id, 'old.yaml'));
    const neu = readSpec(join(root, id, 'new.yaml'));
    const report = diffSpecs(old, neu, { now: NOW });
    const expected = expectedFindings(id);
    expect(expected, `no expectation for ${id} in rule-fixtures.ts`).toBeDefined();
    const byKey = (a: { id: string; location: string }, b: { id: string; location: string }) =>
      `${a.id} ${a.location}`.localeCompare(`${b.id} ${b.location}`);
    // Exactly the expected findings: the rule's own (at its policy level) and the listed consequences.
    expect(report.changes.map(({ id, level, location }) => ({ id, level, location })).sort(byKey)).toEqual([...expected!].sort(byKey));
    for (const c of report.changes) {
      // Both pointers resolve in their own document.
      expect(resolvePointer(old, c.old?.pointer ?? '-'), `old pointer ${c.old?.pointer}`).toBeDefined();
      expect(resolvePointer(neu, c.new?.pointer ?? '-'), `new pointer ${c.new?.pointer}`).toBeDefined();
      expect(c.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(c.message.length).toBeGreaterThan(0);
    }
    // And the fixture pair is no change at all when compared with itself.
    expect(diffSpecs(old, old, { now: NOW }).changes).toEqual([]);
  });
});
