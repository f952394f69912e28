/**
 * Which version tags a document carries, and which mask `diff --mask auto` should apply.
 */
import { isObject, type JsonObject } from '../openapi/types.js';
import { compareVersions, findTags, type TagForm } from './version.js';
import { MASK_PLACES, toPointer, visitStrings, type MaskPlace } from './walk.js';

export interface TagExample {
  /** JSON pointer (into the input) of the key or string value holding the tag. */
  pointer: string;
  place: MaskPlace;
  /** The key or value, shortened around the tag when long. */
  value: string;
}

export interface DetectedForm {
  /** The tag as written: `v0.0.41`, `dbv0.0.41`, `V0041`, `v0_0_41`, `0.0.41`, … */
  spelling: string;
  form: TagForm;
  count: number;
  examples: TagExample[];
}

export interface DetectedTag {
  /** Normalised version, e.g. `0.0.41`. */
  version: string;
  /** Prefixes seen on prefixed forms, lower-cased: `v` (slurmctld), `dbv` (slurmdbd). */
  prefixes: ('v' | 'dbv')[];
  /** All occurrences, every form. */
  count: number;
  /** Most frequent first. */
  forms: DetectedForm[];
  places: Record<MaskPlace, number>;
}

const EXAMPLES_PER_FORM = 3;
const EXCERPT_CONTEXT = 30;

function excerpt(s: string, index: number, length: number): string {
  if (s.length <= length + 2 * EXCERPT_CONTEXT) return s;
  const from = Math.max(0, index - EXCERPT_CONTEXT);
  const to = Math.min(s.length, index + length + EXCERPT_CONTEXT);
  return (from > 0 ? '…' : '') + s.slice(from, to) + (to < s.length ? '…' : '');
}

/**
 * Lists the version tags in `doc`, oldest version first.
 * A version counts as present when it appears in dotted or underscore form (`v0.0.41`, `dbv0.0.41`,
 * `v0_0_41`); its compact (`v0041`) and bare (`0.0.41`) occurrences are then counted too. Compact
 * and bare spellings alone do not make a version present: `V2024` or `1.2.3` in prose are not tags.
 */
export function detectVersionTags(doc: JsonObject): DetectedTag[] {
  const byVersion = new Map<string, { forms: Map<string, DetectedForm>; places: Record<MaskPlace, number>; anchored: boolean }>();
  visitStrings(doc, (s, place, trail) => {
    for (const t of findTags(s)) {
      let entry = byVersion.get(t.version);
      if (entry === undefined) {
        entry = { forms: new Map(), places: Object.fromEntries(MASK_PLACES.map((p) => [p, 0])) as Record<MaskPlace, number>, anchored: false };
        byVersion.set(t.version, entry);
      }
      if (t.form === 'dotted' || t.form === 'underscore') entry.anchored = true;
      entry.places[place]++;
      let form = entry.forms.get(t.text);
      if (form === undefined) {
        form = { spelling: t.text, form: t.form, count: 0, examples: [] };
        entry.forms.set(t.text, form);
      }
      form.count++;
      if (form.examples.length < EXAMPLES_PER_FORM) {
        form.examples.push({ pointer: toPointer(trail), place, value: excerpt(s, t.index, t.text.length) });
      }
    }
  });
  const tags: DetectedTag[] = [];
  for (const [version, entry] of byVersion) {
    if (!entry.anchored) continue;
    const forms = [...entry.forms.values()].sort((a, b) => b.count - a.count || a.spelling.localeCompare(b.spelling));
    const prefixes = new Set<'v' | 'dbv'>();
    for (const f of forms) if (f.form !== 'bare') prefixes.add(f.spelling.startsWith('db') ? 'dbv' : 'v');
    tags.push({
      version,
      prefixes: [...prefixes].sort(),
      count: forms.reduce((n, f) => n + f.count, 0),
      forms,
      places: entry.places,
    });
  }
  return tags.sort((a, b) => compareVersions(a.version, b.version));
}

/** A version is dominant when it holds at least this share of a document's tag occurrences. */
export const DOMINANT_SHARE = 0.9;

/** Places that name API structure; tags found only in prose (descriptions, examples) do not version a spec. */
const STRUCTURAL_PLACES: readonly MaskPlace[] = ['keys', 'paths', 'refs', 'operationIds'];
const structuralCount = (t: DetectedTag) => STRUCTURAL_PLACES.reduce((n, p) => n + t.places[p], 0);

/**
 * Only what names the API's structure: path keys, operationIds and component names (refs mirror the names).
 * Detecting on this skeleton instead of every string keeps `diff --mask auto` cheap on 10 MB specs.
 */
function structuralSkeleton(doc: JsonObject): JsonObject {
  const paths: JsonObject = {};
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    const ops: JsonObject = {};
    if (isObject(item)) for (const [method, op] of Object.entries(item)) if (isObject(op) && typeof op.operationId === 'string') ops[method] = { operationId: op.operationId };
    paths[path] = ops;
  }
  const names = (group: unknown): JsonObject => Object.fromEntries(Object.keys(isObject(group as never) ? (group as JsonObject) : {}).map((k) => [k, {}]));
  const components: JsonObject = {};
  if (isObject(doc.components)) for (const [kind, group] of Object.entries(doc.components)) components[kind] = names(group);
  return { paths, components, definitions: names(doc.definitions) };
}

/** The version holding at least DOMINANT_SHARE of the structural tag occurrences (keys, paths, refs, operationIds). */
export function dominantVersion(tags: DetectedTag[]): string | undefined {
  const structural = tags.filter((t) => structuralCount(t) > 0);
  const total = structural.reduce((n, t) => n + structuralCount(t), 0);
  const top = [...structural].sort((a, b) => structuralCount(b) - structuralCount(a))[0];
  return top !== undefined && structuralCount(top) >= DOMINANT_SHARE * total ? top.version : undefined;
}

export type AutoMaskDecision =
  /** Mask the new document's `from` into the old document's `to` before diffing. */
  | { kind: 'mask'; from: string; to: string; reason: string }
  /** Nothing to mask: both sides carry the same tag, or one side carries none. */
  | { kind: 'none'; reason: string }
  /** A side carries several versions with none dominant (e.g. a combined multi-plugin spec): the user must pass --mask FROM:TO. */
  | { kind: 'ambiguous'; reason: string; oldVersions: string[]; newVersions: string[] };

const list = (tags: DetectedTag[]) => tags.map((t) => `v${t.version}`).join(', ');

/**
 * Decides `diff --mask auto`: when each document has one dominant version and they differ,
 * mask the new document's version into the old one's (so reports speak the old names).
 */
export function autoMaskPair(oldDoc: JsonObject, newDoc: JsonObject): AutoMaskDecision {
  const oldTags = detectVersionTags(structuralSkeleton(oldDoc));
  const newTags = detectVersionTags(structuralSkeleton(newDoc));
  if (oldTags.length === 0 || newTags.length === 0) {
    const reason =
      oldTags.length === newTags.length ? 'neither spec carries a version tag' : `the ${oldTags.length === 0 ? 'old' : 'new'} spec carries no version tag`;
    return { kind: 'none', reason };
  }
  const oldVersion = dominantVersion(oldTags);
  const newVersion = dominantVersion(newTags);
  if (oldVersion === undefined || newVersion === undefined) {
    const which = oldVersion === undefined ? `old spec carries ${list(oldTags)}` : `new spec carries ${list(newTags)}`;
    return {
      kind: 'ambiguous',
      reason: `${which} with none dominant; pass --mask FROM:TO`,
      oldVersions: oldTags.map((t) => t.version),
      newVersions: newTags.map((t) => t.version),
    };
  }
  if (oldVersion === newVersion) return { kind: 'none', reason: `both specs carry v${oldVersion}` };
  return { kind: 'mask', from: newVersion, to: oldVersion, reason: `new spec carries v${newVersion}, old spec v${oldVersion}` };
}
