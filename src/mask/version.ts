/**
 * Version tags as Slurm writes them, and the one scanner every mask operation uses.
 *
 * A version is `MAJOR.MINOR.PATCH` (e.g. `0.0.41`). It appears in these forms:
 *   dotted      v0.0.41   V0.0.41   dbv0.0.41      paths, schema names, $refs, prose
 *   underscore  v0_0_41   V0_0_41   dbv0_0_41      generated module / package names
 *   compact     v0041     V0041     dbv0041        operationIds (slurm_v0041_get_jobs), type names (V0041Job)
 *   bare        0.0.41                             info.version, prose
 * Boundaries are documented in docs/mask.md; the regex below is their single definition.
 */
import { usageError } from '../errors.js';

export type TagForm = 'dotted' | 'underscore' | 'compact' | 'bare';

/** One tag occurrence found in a string. */
export interface TagMatch {
  /** The literal text matched, e.g. `dbv0.0.41`, `V0041`, `0.0.41`. */
  text: string;
  index: number;
  /** Normalised version, e.g. `0.0.41`. */
  version: string;
  form: TagForm;
  /** `db` when the tag is a slurmdbd one (`dbv0.0.41`), else empty. */
  db: '' | 'db';
  /** The `v` as written (`v` or `V`); empty for the bare form. */
  v: '' | 'v' | 'V';
}

// A component is `0` or has no leading zero, so `v0.0.041` is not a tag (and not a half-match of one).
const N = '(?:0|[1-9][0-9]*)';
// Left boundary of a prefixed tag: start, a non-alphanumeric character, or an escaped `/`
// (`~1` in JSON pointers, `%2F` in URLs), whose last character is alphanumeric.
const LEFT = '(?<=^|[^A-Za-z0-9]|~1|%2[Ff])';
// The bare form additionally may not follow a `.` (so `10.0.0.41` and `1.0.0.41` are not tags) or
// a `_` (a number glued into a name); after `~1` it is matched by its own alternative below.
const LEFT_BARE = '(?<=^|[^A-Za-z0-9._]|%2[Ff])';
// camelCase: a `V` after a lower-case letter (`slurmV0041GetJobs`), but not the `dbV` of a tag glued
// after a number (`v0.0.4dbV0.0.4`), for the same reason as the glued rule in END.
const CAMEL_LEFT = '(?<=[a-z])(?<![0-9]db)';
// Right boundary, the same for every form: no further digit and no further number part (`.5`, `_5`),
// so `v0.0.4` is not found in `v0.0.41`, and `v0.0.41` not in `v0.0.410`, `v0.0.41.2` or `v0.0.41_2`.
// And not glued to the start of another tag (`v0.0.4v0.0.5`, `V0041V0042Job`). Both rules make sure
// that removing a tag never turns the text around it into a new tag (strip stays idempotent).
const END = '(?![0-9]|[._][0-9])(?![vV][0-9]|db[vV][0-9])';

/**
 * Every tag of every version, in one precompiled global regex (hand-written because no library
 * knows Slurm's tag forms; kept in one place so all operations share the same boundaries).
 * Prefix: `v`/`V`/`dbv` after a boundary, or a camelCase `V` after a lower-case letter (`slurmV0041GetJobs`).
 */
export const TAG_PATTERN = new RegExp(
  [
    `(?:${LEFT}(?<db>db)?(?<v>[vV])|${CAMEL_LEFT}(?<camel>V))`,
    '(?:',
    `(?<dotted>${N}\\.${N}\\.${N})${END}`,
    `|(?<underscore>${N}_${N}_${N})${END}`,
    `|(?<compact>[0-9]{4})${END}`,
    ')',
    `|${LEFT_BARE}(?<bare>${N}\\.${N}\\.${N})${END}`,
    // `~1` is an escaped `/` in JSON pointers; matching it here (rather than in a lookbehind) makes
    // `#/paths/~10.0.41~1jobs` read as `/0.0.41/jobs`, not as the number `10.0.41`.
    `|~1(?<escapedBare>${N}\\.${N}\\.${N})${END}`,
  ].join(''),
  'g',
);

/** Turns a regex match into a TagMatch. */
function toTagMatch(m: RegExpExecArray): TagMatch {
  const g = m.groups!;
  const v = (g.v ?? g.camel ?? '') as TagMatch['v'];
  const db = (g.db ?? '') as TagMatch['db'];
  if (g.dotted !== undefined) return { text: m[0], index: m.index, version: g.dotted, form: 'dotted', db, v };
  if (g.underscore !== undefined) {
    return { text: m[0], index: m.index, version: g.underscore.replaceAll('_', '.'), form: 'underscore', db, v };
  }
  if (g.compact !== undefined) {
    const c = g.compact;
    return { text: m[0], index: m.index, version: `${c[0]}.${c[1]}.${Number(c.slice(2))}`, form: 'compact', db, v };
  }
  if (g.bare !== undefined) return { text: m[0], index: m.index, version: g.bare, form: 'bare', db: '', v: '' };
  return { text: g.escapedBare, index: m.index + 2, version: g.escapedBare, form: 'bare', db: '', v: '' };
}

/** Cheap pre-check: every tag contains a digit, most strings in a spec (types, formats, names) do not. */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** All tag occurrences in `s`, left to right, non-overlapping. */
export function findTags(s: string): TagMatch[] {
  if (!hasDigit(s)) return [];
  const found: TagMatch[] = [];
  TAG_PATTERN.lastIndex = 0;
  for (let m = TAG_PATTERN.exec(s); m !== null; m = TAG_PATTERN.exec(s)) found.push(toTagMatch(m));
  return found;
}

/**
 * Rewrites the tags in `s`: `replace` returns the new text for a match (or undefined to keep it),
 * and may claim one adjacent separator character by returning `{ text, eatLeft | eatRight }`.
 * Returns `s` itself when nothing changed.
 */
export function replaceTags(s: string, replace: (t: TagMatch, s: string) => TagReplacement | undefined): string {
  if (!hasDigit(s)) return s;
  TAG_PATTERN.lastIndex = 0;
  let m = TAG_PATTERN.exec(s);
  if (m === null) return s;
  let out = '';
  let copiedUpTo = 0; // s[0, copiedUpTo) has been dealt with
  let changed = false;
  for (; m !== null; m = TAG_PATTERN.exec(s)) {
    const t = toTagMatch(m);
    const r = replace(t, s);
    if (r === undefined) continue;
    let start = t.index;
    let end = t.index + t.text.length;
    if (r.eatLeft && start - 1 >= copiedUpTo) start -= 1;
    if (r.eatRight && end < s.length) end += 1;
    out += s.slice(copiedUpTo, start) + r.text;
    copiedUpTo = end;
    TAG_PATTERN.lastIndex = end;
    changed = true;
  }
  return changed ? out + s.slice(copiedUpTo) : s;
}

export interface TagReplacement {
  text: string;
  eatLeft?: boolean;
  eatRight?: boolean;
}

export interface VersionParts {
  major: number;
  minor: number;
  patch: number;
}

export function versionParts(version: string): VersionParts {
  const [major, minor, patch] = version.split('.').map(Number);
  return { major, minor, patch };
}

/** Compares `0.0.40` < `0.0.41` < `0.1.0` numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  return pa.major - pb.major || pa.minor - pb.minor || pa.patch - pb.patch;
}

/** The compact body (`0041`) of a version, or undefined when it has no 4-digit spelling (e.g. `0.0.100`, `1.10.0`). */
export function compactBody(version: string): string | undefined {
  const { major, minor, patch } = versionParts(version);
  if (major > 9 || minor > 9 || patch > 99) return undefined;
  return `${major}${minor}${String(patch).padStart(2, '0')}`;
}

/** The body of `version` in `form`, without prefix: `0.0.41`, `0_0_41`, `0041`. */
export function formatBody(version: string, form: TagForm): string | undefined {
  switch (form) {
    case 'dotted':
    case 'bare':
      return version;
    case 'underscore':
      return version.replaceAll('.', '_');
    case 'compact':
      return compactBody(version);
  }
}

const VERSION_ARGUMENT = new RegExp(
  `^(?:(?:db)?[vV])?(?<dotted>${N}\\.${N}\\.${N})$|^(?:db)?[vV](?<underscore>${N}_${N}_${N})$|^(?:db)?[vV](?<compact>[0-9]{4})$`,
);

/**
 * Parses a version argument as a user types it (`v0.0.41`, `0.0.41`, `dbv0.0.41`, `v0041`, `v0_0_41`)
 * into the normalised version `0.0.41`. The `db` prefix is accepted but not kept: masking a version
 * always covers its `v` and `dbv` tags together, so they stay distinct and parallel.
 * @param what names the argument in the error message, e.g. `--from`.
 */
export function parseVersionTag(text: string, what = 'version'): string {
  const m = VERSION_ARGUMENT.exec(text.trim());
  if (m === null) {
    throw usageError(
      `${what}: "${text}" is not a version tag`,
      'write it like v0.0.41 (also accepted: 0.0.41, dbv0.0.41, v0041, v0_0_41)',
    );
  }
  const g = m.groups!;
  if (g.dotted !== undefined) return g.dotted;
  if (g.underscore !== undefined) return g.underscore.replaceAll('_', '.');
  return `${g.compact[0]}.${g.compact[1]}.${Number(g.compact.slice(2))}`;
}
