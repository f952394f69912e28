/**
 * Runs seeded one-edit mutations against the diff engine and collects every edit whose report is not
 * exactly what the hand-written table expects (missed, reported twice, misplaced, or at another level).
 */
// @ts-nocheck

import fc from 'fast-check';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change, Level } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { editPool, type ExpectedFinding, type Expectation } from './edits.js';
import { buildModel, componentUse, type DocModel } from './model.js';
import { childPointer } from '../../../src/openapi/refs.js';
import { ORPHAN, PENDING } from './expectations.js';

export interface Miss {
  edit: string;
  problem: string;
  expected: string[];
  got: string[];
}

export interface MutationRun {
  edits: number;
  perKind: Record<string, number>;
  misses: Miss[];
  /** Kinds the document offered (some may not have been drawn in a small run). */
  kinds: string[];
  /**
   * Per PENDING item (expectations.ts): how many edits it concerns, and their misses when expected at
   * issue 8's level instead of today's.
   */
  atIssueLevel: Record<string, { edits: number; misses: Miss[] }>;
}

const RANK: Record<Level, number> = { info: 0, warning: 1, breaking: 2 };

/** Is `pointer` the node at `place` or inside it? */
export const inside = (pointer: string | undefined, place: string): boolean => pointer !== undefined && (pointer === place || pointer.startsWith(`${place}/`));

const useKey = (u: { id: string; level: Level }): string => `${u.level} ${u.id}`;
const show = (c: Change): string =>
  `${c.level} ${c.id}${c.alsoAs?.length ? ` (also as ${c.alsoAs.map(useKey).join(', ')})` : ''} @ ${c.location} (old ${c.old?.pointer ?? '-'}, new ${c.new?.pointer ?? '-'}): ${c.message}`;

/** What is wrong with `found` (the changes the edit added to the baseline), or undefined when nothing is. */
export function judge(exp: Expectation, found: Change[], sameDoc: boolean): string | undefined {
  const placed = (c: Change): boolean =>
    exp.place === undefined ||
    inside(c.new?.pointer, exp.place) ||
    (sameDoc && inside(c.old?.pointer, exp.place)) ||
    (exp.opLocation !== undefined && c.location === exp.opLocation);
  // Findings at a fixed location elsewhere (orphaned components) are matched first, exactly.
  const rest = [...found];
  for (const e of exp.findings.filter((f) => f.location !== undefined)) {
    const i = rest.findIndex((c) => c.id === e.id && c.level === e.level && c.location === e.location);
    if (i === -1) return `missed ${e.id} at ${e.location}`;
    rest.splice(i, 1);
  }
  const here = exp.findings.filter((f) => f.location === undefined);
  if (here.length === 0) return rest.length === 0 ? undefined : 'expected no finding';
  const misplaced = rest.filter((c) => !placed(c));
  if (misplaced.length > 0) return `not at the edited place ${exp.opLocation ?? ''} ${exp.place ?? ''}`;
  // Issue 8, item 11: the uses of one schema change (same rule in several directions) are ONE finding:
  // the most severe use's id and level, the other uses in `alsoAs`. Each group is matched exactly once.
  const groups = new Map<string, ExpectedFinding[]>();
  here.forEach((e, i) => {
    const key = e.what ?? `#${i}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  });
  if (rest.length === groups.size) {
    const left = [...rest];
    const ok = [...groups.values()].every((g) => {
      const i = left.findIndex((c) => matchesUses(g, c));
      if (i === -1) return false;
      left.splice(i, 1);
      return true;
    });
    if (ok) return undefined;
  }
  if (rest.length < groups.size) return 'missed';
  if (rest.length > groups.size) return 'reported more than once';
  return 'wrong rule or level';
}

/** Is `c` the one finding for the uses `g`: led by a most severe use, every other use in `alsoAs`, nothing else? */
function matchesUses(g: ExpectedFinding[], c: Change): boolean {
  const worst = g.reduce((a, e) => (RANK[e.level] > RANK[a] ? e.level : a), 'info' as Level);
  if (c.level !== worst) return false;
  const want = g.map(useKey).sort();
  const got = [c, ...(c.alsoAs ?? [])].map(useKey).sort();
  if (want.join('\n') !== got.join('\n')) return false;
  return g.every((e) => e.messageIncludes === undefined || c.message.includes(e.messageIncludes));
}

export interface RunOptions {
  edits: number;
  seed: number;
}

/** Applies `opts.edits` seeded edits to copies of `newDoc`, one at a time, and diffs each against `oldDoc`. */
export async function runMutations(oldDoc: JsonObject, newDoc: JsonObject, opts: RunOptions, models?: { old: DocModel; new: DocModel }): Promise<MutationRun> {
  const oldModel = models?.old ?? buildModel(oldDoc);
  const newModel = models?.new ?? buildModel(newDoc);
  const pool = editPool(newModel);
  const newUse = componentUse(newDoc);
  const sameDoc = oldDoc === newDoc;
  const baseline = diffSpecs(oldDoc, newDoc);
  const baseFingerprints = new Set(baseline.changes.map((c) => c.fingerprint));
  const draws = fc.sample(fc.record({ kind: fc.constantFrom(...pool.kinds), target: fc.nat(), detail: fc.nat() }), { seed: opts.seed, numRuns: opts.edits });
  const perKind: Record<string, number> = {};
  const misses: Miss[] = [];
  const atIssueLevel: MutationRun['atIssueLevel'] = Object.fromEntries(PENDING.map((p) => [p.item, { edits: 0, misses: [] }]));
  let edits = 0;
  for (const d of draws) {
    // Long runs on 1 MB documents: let the test runner's worker answer its RPCs now and then.
    if (edits % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
    const edit = pool.make(d.kind, d.target, d.detail);
    const mutated = structuredClone(newDoc);
    edit.apply(mutated);
    // Other edits leave every `$ref` and component as it was (walking a 1 MB document per edit is not free).
    const after = { doc: mutated, use: edit.touchesComponents ? componentUse(mutated) : newUse };
    /** The expectation, with the given PENDING items at issue 8's level. */
    const expectation = (issue: readonly string[]): Expectation => {
      const exp = edit.expect(oldModel, after, new Set(issue));
      // Components the edit left unused, which the old document does not have: an unused component was added.
      for (const name of after.use.unused) {
        if (!newModel.components.includes(name) || newModel.unused.has(name) || oldModel.components.includes(name)) continue;
        exp.findings.push({ id: ORPHAN.id, level: ORPHAN.level, location: `#${childPointer('/components/schemas', name)}` });
      }
      return exp;
    };
    const exp = expectation([]);
    const report = diffSpecs(oldDoc, mutated);
    const now = new Set(report.changes.map((c) => c.fingerprint));
    const found = report.changes.filter((c) => !baseFingerprints.has(c.fingerprint));
    const lost = baseline.changes.filter((c) => !now.has(c.fingerprint));
    edits++;
    perKind[edit.kind] = (perKind[edit.kind] ?? 0) + 1;
    const check = (e: Expectation): Miss | undefined => {
      const problem = lost.length > 0 ? `baseline changes vanished: ${lost.map(show).join('; ')}` : judge(e, found, sameDoc);
      return problem === undefined ? undefined : { edit: edit.label, problem, expected: e.findings.map((f) => `${f.level} ${f.id}${f.location ? ` @ ${f.location}` : ''}`), got: found.map(show) };
    };
    const miss = check(exp);
    if (miss) misses.push(miss);
    for (const item of new Set(exp.findings.map((f) => f.pending).filter((x): x is string => x !== undefined))) {
      atIssueLevel[item].edits++;
      const m = check(expectation([item]));
      if (m) atIssueLevel[item].misses.push(m);
    }
  }
  return { edits, perKind, misses, kinds: pool.kinds, atIssueLevel };
}
