/**
 * Evidence for a component rename: how alike a removed and an added named schema are. Hand-written: the
 * score has to read schemas the way the engine does ($ref resolved, allOf merged: SpecDoc.view), which no
 * generic JSON similarity library does.
 *
 * A schema is flattened into weighted facts, to RENAME_DEPTH levels of properties / items /
 * additionalProperties: its shape — the type at each place, which also says which properties exist —
 * weighs SHAPE_WEIGHT, each other constraint (format, each enum value, each required name, bounds, pattern,
 * default, nullable, …) weighs 1. The score is the weighted Jaccard index of the two fact sets: shared
 * weight over the weight of the union, 1 for identical schemas. Descriptions, titles and examples are not
 * facts. docs/diff.md ("Renamed components") states the thresholds.
 */
import type { Json } from '../../openapi/types.js';
import type { SpecDoc } from './doc.js';
import type { Located } from './types.js';

const RENAME_DEPTH = 4;
const SHAPE_WEIGHT = 3;
/** At or above: nearly identical (with similar names, a rename that also changed the schema). */
export const RENAME_MIN_SCORE = 0.7;
/** Bigram Dice at or above which two names are alike even when neither contains the other. */
export const RENAME_MIN_NAME_SIMILARITY = 0.8;

/** Keywords that constrain values, as facts (descriptions and other annotations are no evidence). */
const CONSTRAINTS = [
  'format', 'nullable', 'default', 'const', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
  'minLength', 'maxLength', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'readOnly', 'writeOnly', 'deprecated',
] as const;

export type Facts = Map<string, number>;

/** `depth`: how many levels of properties / items / additionalProperties to walk (0: the schema's own facts only). */
export function schemaFacts(doc: SpecDoc, at: Located, depth = RENAME_DEPTH): Facts {
  const facts: Facts = new Map();
  const walk = (here: Located, path: string, level: number): void => {
    const v = doc.view(here);
    facts.set(`${path} type ${v.types ? [...v.types].sort().join('|') : '*'}`, SHAPE_WEIGHT);
    for (const kw of CONSTRAINTS) {
      const value = v.kw(kw);
      if (value !== undefined) facts.set(`${path} ${kw} ${stable(value)}`, 1);
    }
    const values = v.kw('enum');
    if (Array.isArray(values)) for (const e of values) facts.set(`${path} enum ${stable(e)}`, 1);
    for (const name of v.required) facts.set(`${path} required ${name}`, 1);
    if (v.additionalProperties === false) facts.set(`${path} closed`, 1);
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) if (v[key]) facts.set(`${path} ${key} ${v[key]?.length}`, 1);
    if (level >= depth) return;
    for (const [name, p] of v.properties) walk(p, `${path}/${name}`, level + 1);
    if (v.items) walk(v.items, `${path}/[]`, level + 1);
    if (v.additionalProperties) walk(v.additionalProperties, `${path}/{}`, level + 1);
  };
  walk(at, '', 0);
  return facts;
}

const stable = (v: Json): string => JSON.stringify(v);

/**
 * Can two schemas score 1 (the same facts)? Their own facts (path `''`, keys starting with a space; deeper keys
 * start with `/`) are a part of the whole set, so they must be the same: a cheap test before the deep walk.
 */
export function sameFacts(a: Facts, b: Facts): boolean {
  if (a.size !== b.size) return false;
  for (const fact of a.keys()) if (!b.has(fact)) return false;
  return true;
}

/** Weighted Jaccard index of two fact sets, 0 … 1. */
export function similarity(a: Facts, b: Facts): number {
  let shared = 0;
  let union = 0;
  for (const [fact, w] of a) {
    union += w;
    if (b.has(fact)) shared += w;
  }
  for (const [fact, w] of b) if (!a.has(fact)) union += w;
  return union === 0 ? 1 : shared / union;
}

/** Dice coefficient of the names' character bigrams, 0 … 1 (`uint16_no_val` vs `uint16_no_val_struct`: 0.77). */
export function nameSimilarity(a: string, b: string): number {
  const grams = (s: string): Map<string, number> => {
    const m = new Map<string, number>();
    const t = s.toLowerCase();
    for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? (a === b ? 1 : 0) : (2 * shared) / total;
}

const bare = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Are two names alike enough for a changed schema to count as renamed (identical schemas need no such
 * evidence)? One contains the other, separators and case aside (`uint16_no_val` → `uint16_no_val_struct`,
 * `JobInfo` → `JobInformation`), or their bigram Dice is at least RENAME_MIN_NAME_SIMILARITY. A shared
 * prefix alone is not enough: `openapi_ping_array_resp` and `openapi_assocs_removed_resp` score 0.63.
 */
export function namesAlike(a: string, b: string): boolean {
  const x = bare(a);
  const y = bare(b);
  return (x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x))) || nameSimilarity(a, b) >= RENAME_MIN_NAME_SIMILARITY;
}
