/**
 * Masking rewrites one version's tags into another's; stripping removes tags altogether.
 * Both work on the parsed document (raw slurmrestd JSON escapes `/` as `\/`, so text tools miss
 * tags) and return a new document plus a report of what was rewritten where.
 */
import { ExitCode, SpecdriftError, usageError } from '../errors.js';
import type { JsonObject } from '../openapi/types.js';
import { detectVersionTags } from './detect.js';
import { formatBody, parseVersionTag, replaceTags, versionParts, type TagForm, type TagMatch, type TagReplacement } from './version.js';
import { MASK_PLACES, rewriteStrings, toPointer, type MaskPlace, type Trail } from './walk.js';

export interface MaskReport {
  operation: 'mask' | 'strip';
  /** mask: the version rewritten and the one written instead (normalised, e.g. `0.0.41`). */
  from?: string;
  to?: string;
  /** strip: the versions removed, and what stands in for a standalone tag. */
  versions: string[];
  placeholder?: string;
  /** Tag occurrences rewritten. */
  total: number;
  /** Per spelling found (`v0.0.41`, `dbv0.0.41`, `V0041`, `0.0.41`, …), most frequent first. */
  forms: { spelling: string; form: TagForm; count: number; replacement?: string }[];
  /** Per place; sums to `total`. */
  places: Record<MaskPlace, number>;
}

export interface MaskOptions {
  /** Version to rewrite: `v0.0.41`, `0.0.41`, `dbv0.0.41`, `v0041`, `v0_0_41`. */
  from: string;
  /** Version to write instead, same spellings accepted. */
  to: string;
  /**
   * Share the input's objects where nothing inside them changed (copy-on-write) instead of returning a deep copy:
   * for a caller that neither mutates the result nor the input (the diff pipeline; issue 12, memory).
   */
  shareUnchanged?: boolean;
}

export interface StripOptions {
  /** Stands in for a tag that is a path segment or a word of its own (`/slurm/vX/jobs`). Default `vX`. */
  placeholder?: string;
  /** Versions to strip (any accepted spelling). Default: every version detectVersionTags finds. */
  versions?: string[];
}

export const DEFAULT_STRIP_PLACEHOLDER = 'vX';

/** Counts rewritten tags by spelling and place. */
class Tally {
  private readonly forms = new Map<string, { spelling: string; form: TagForm; count: number; replacement?: string }>();
  private readonly places = Object.fromEntries(MASK_PLACES.map((p) => [p, 0])) as Record<MaskPlace, number>;
  private total = 0;

  add(t: TagMatch, place: MaskPlace, replacement?: string): void {
    let entry = this.forms.get(t.text);
    if (entry === undefined) {
      entry = { spelling: t.text, form: t.form, count: 0, ...(replacement !== undefined ? { replacement } : {}) };
      this.forms.set(t.text, entry);
    }
    entry.count++;
    this.places[place]++;
    this.total++;
  }

  report(fields: Pick<MaskReport, 'operation' | 'from' | 'to' | 'versions' | 'placeholder'>): MaskReport {
    const forms = [...this.forms.values()].sort((a, b) => b.count - a.count || a.spelling.localeCompare(b.spelling));
    return { ...fields, total: this.total, forms, places: { ...this.places } };
  }
}

const displayVersion = (v: string) => `v${v}`;

/**
 * A quick test that rules out most strings before the tag regex runs: every form of a version
 * (`v0.0.41`, `v0_0_41`, `v0041`, `0.0.41`) contains its patch number as written (`41`).
 */
function mayHoldTagOf(versions: string[]): (s: string) => boolean {
  const needles = [...new Set(versions.map((v) => String(versionParts(v).patch)))];
  return needles.length === 1 ? (s) => s.includes(needles[0]) : (s) => needles.some((n) => s.includes(n));
}

/**
 * Rewrites every tag of version `from` into `to`, in every form and place, keeping the prefix
 * (`v`/`V`/`dbv`) and form of each occurrence. Does not touch the root `openapi`/`swagger` field.
 * Throws SpecdriftError(usage) for an unparsable version, SpecdriftError(conflict) when two keys
 * of one object would collide or `to` cannot be written in a form the document uses.
 */
export function maskDocument(doc: JsonObject, opts: MaskOptions): { doc: JsonObject; report: MaskReport } {
  const from = parseVersionTag(opts.from, '--from');
  const to = parseVersionTag(opts.to, '--to');
  const tally = new Tally();
  const reportFields = { operation: 'mask' as const, from, to, versions: [from] };
  if (from === to) return { doc: structuredClone(doc), report: tally.report(reportFields) };

  const bodies: Record<TagForm, string | undefined> = {
    dotted: formatBody(to, 'dotted'),
    underscore: formatBody(to, 'underscore'),
    compact: formatBody(to, 'compact'),
    bare: formatBody(to, 'bare'),
  };
  const maskTag = (t: TagMatch, place: MaskPlace, trail: Trail): TagReplacement | undefined => {
    if (t.version !== from) return undefined;
    const body = bodies[t.form];
    if (body === undefined) {
      throw new SpecdriftError(
        `cannot mask ${t.text} at ${toPointer(trail) || '/'}: ${displayVersion(to)} has no 4-digit compact form`,
        ExitCode.conflict,
        { hint: 'compact tags (v0041) need a one-digit major and minor and a patch below 100; use --strip instead' },
      );
    }
    const text = t.db + t.v + body;
    tally.add(t, place, text);
    return { text };
  };
  const mayHold = mayHoldTagOf([from]);
  const rewrite = (s: string, place: MaskPlace, trail: Trail) => (mayHold(s) ? replaceTags(s, (t) => maskTag(t, place, trail)) : s);
  const masked = rewriteStrings(
    doc,
    rewrite,
    {
      describe: `masking ${displayVersion(from)} → ${displayVersion(to)}`,
      hint: `the document already has ${displayVersion(to)} names: slice it to one version first, or mask to a version it does not contain`,
    },
    { shareUnchanged: opts.shareUnchanged === true },
  );
  return { doc: masked, report: tally.report(reportFields) };
}

const isAlnum = (c: string | undefined) => c !== undefined && /^[A-Za-z0-9]$/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** Characters that join a tag to the rest of a name: `v0.0.41_job`, `slurm_v0041_get`, `slurm-v0.0.41`. */
const isJoiner = (c: string | undefined) => c === '_' || c === '-';
const followsEscapedSlash = (s: string, i: number) =>
  s.startsWith('~1', i - 2) || s.startsWith('%2F', i - 3) || s.startsWith('%2f', i - 3);

/**
 * How stripping rewrites one tag occurrence:
 * - a tag that is part of a name loses itself and one joining `_`/`-`: `v0.0.41_job` → `job`,
 *   `slurm_v0041_get_jobs` → `slurm_get_jobs`, `V0041Job` → `Job`; a `dbv` tag keeps its `db`
 *   so slurmdbd names stay distinct: `dbv0.0.41_diag` → `db_diag`;
 * - a standalone tag (path segment, whole value, word in prose) and every bare version becomes
 *   the placeholder: `/slurm/v0.0.41/jobs` → `/slurm/vX/jobs`, `dbv0.0.41` → `dbvX`.
 */
function stripReplacement(t: TagMatch, s: string, placeholder: string): TagReplacement {
  if (t.form === 'bare') return { text: placeholder };
  const start = t.index;
  const end = t.index + t.text.length;
  const attachedRight = isAlnum(s[end]) || (isJoiner(s[end]) && isAlnum(s[end + 1]));
  const attachedLeft =
    !followsEscapedSlash(s, start) && (isAlnum(s[start - 1]) || (isJoiner(s[start - 1]) && isAlnum(s[start - 2])));
  if (!attachedRight && !attachedLeft) return { text: t.db + placeholder };
  if (t.db) return { text: 'db' };
  if (attachedRight && !(isJoiner(s[end]) && isDigit(s[end + 1]))) return { text: '', eatRight: isJoiner(s[end]) };
  // attached on the left only, or its right joiner precedes a digit (eating that joiner could glue
  // numbers into a new tag: `1.2.v0.0.41-3` → `1.2.3`): eat the left joiner, if any
  return { text: '', eatLeft: isJoiner(s[start - 1]) };
}

/** Rejects placeholders that would change path depth, break JSON-pointer/URL escaping, or make a tag. */
function checkPlaceholder(placeholder: string): void {
  // digits are refused so that the placeholder can never form a version with the text around it
  if (placeholder === '' || /[/~%\s0-9]/.test(placeholder)) {
    throw usageError(
      `--placeholder: "${placeholder}" cannot stand in for a version tag`,
      'use a non-empty text without "/", "~", "%", spaces or digits, e.g. vX',
    );
  }
}

/**
 * Removes version tags: from names (`v0.0.40_job` → `job`, `slurm_v0040_get_jobs` → `slurm_get_jobs`)
 * and replaces standalone ones with the placeholder (`/slurm/v0.0.40/jobs` → `/slurm/vX/jobs`).
 * Throws SpecdriftError(conflict) when two keys of one object would collide (e.g. a document
 * holding both v0.0.40 and v0.0.41 schemas: strip one version at a time with `versions`, or slice first).
 */
export function stripDocument(doc: JsonObject, opts: StripOptions = {}): { doc: JsonObject; report: MaskReport } {
  const placeholder = opts.placeholder ?? DEFAULT_STRIP_PLACEHOLDER;
  checkPlaceholder(placeholder);
  const versions =
    opts.versions !== undefined
      ? [...new Set(opts.versions.map((v) => parseVersionTag(v, '--strip')))]
      : detectVersionTags(doc).map((t) => t.version);
  const wanted = new Set(versions);
  const tally = new Tally();
  const stripTag = (t: TagMatch, whole: string, place: MaskPlace): TagReplacement | undefined => {
    if (!wanted.has(t.version)) return undefined;
    tally.add(t, place);
    return stripReplacement(t, whole, placeholder);
  };
  const mayHold = mayHoldTagOf(versions);
  const rewrite = (s: string, place: MaskPlace) => (mayHold(s) ? replaceTags(s, (t, whole) => stripTag(t, whole, place)) : s);
  const names = versions.map(displayVersion).join(', ') || 'no version';
  const stripped =
    versions.length === 0
      ? structuredClone(doc)
      : rewriteStrings(doc, rewrite, {
          describe: `stripping ${names}`,
          hint:
            versions.length > 1
              ? 'the document holds several versions: slice it to one version first, or strip only one of them'
              : 'the document already has that name without a version tag: mask to another version instead of stripping',
        });
  return { doc: stripped, report: tally.report({ operation: 'strip', versions, placeholder }) };
}

/**
 * One text (a `--select` expression, a name) with every tag of `from` rewritten to `to` in its own form, as
 * maskDocument rewrites the document; a tag that `to` cannot be written in is left as it was.
 */
export function maskText(text: string, from: string, to: string): string {
  const f = parseVersionTag(from, '--from');
  const t = parseVersionTag(to, '--to');
  return replaceTags(text, (tag) => {
    const body = tag.version === f ? formatBody(t, tag.form) : undefined;
    return body === undefined ? undefined : { text: tag.db + tag.v + body };
  });
}
