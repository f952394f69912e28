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
// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
const N = stryMutAct_9fa48("513") ? "" : (stryCov_9fa48("513"), '(?:0|[1-9][0-9]*)');
// Left boundary of a prefixed tag: start, a non-alphanumeric character, or an escaped `/`
// (`~1` in JSON pointers, `%2F` in URLs), whose last character is alphanumeric.
const LEFT = stryMutAct_9fa48("514") ? "" : (stryCov_9fa48("514"), '(?<=^|[^A-Za-z0-9]|~1|%2[Ff])');
// The bare form additionally may not follow a `.` (so `10.0.0.41` and `1.0.0.41` are not tags) or
// a `_` (a number glued into a name); after `~1` it is matched by its own alternative below.
const LEFT_BARE = stryMutAct_9fa48("515") ? "" : (stryCov_9fa48("515"), '(?<=^|[^A-Za-z0-9._]|%2[Ff])');
// camelCase: a `V` after a lower-case letter (`slurmV0041GetJobs`), but not the `dbV` of a tag glued
// after a number (`v0.0.4dbV0.0.4`), for the same reason as the glued rule in END.
const CAMEL_LEFT = stryMutAct_9fa48("516") ? "" : (stryCov_9fa48("516"), '(?<=[a-z])(?<![0-9]db)');
// Right boundary, the same for every form: no further digit and no further number part (`.5`, `_5`),
// so `v0.0.4` is not found in `v0.0.41`, and `v0.0.41` not in `v0.0.410`, `v0.0.41.2` or `v0.0.41_2`.
// And not glued to the start of another tag (`v0.0.4v0.0.5`, `V0041V0042Job`). Both rules make sure
// that removing a tag never turns the text around it into a new tag (strip stays idempotent).
const END = stryMutAct_9fa48("517") ? "" : (stryCov_9fa48("517"), '(?![0-9]|[._][0-9])(?![vV][0-9]|db[vV][0-9])');

/**
 * Every tag of every version, in one precompiled global regex (hand-written because no library
 * knows Slurm's tag forms; kept in one place so all operations share the same boundaries).
 * Prefix: `v`/`V`/`dbv` after a boundary, or a camelCase `V` after a lower-case letter (`slurmV0041GetJobs`).
 */
export const TAG_PATTERN = new RegExp((stryMutAct_9fa48("518") ? [] : (stryCov_9fa48("518"), [stryMutAct_9fa48("519") ? `` : (stryCov_9fa48("519"), `(?:${LEFT}(?<db>db)?(?<v>[vV])|${CAMEL_LEFT}(?<camel>V))`), stryMutAct_9fa48("520") ? "" : (stryCov_9fa48("520"), '(?:'), stryMutAct_9fa48("521") ? `` : (stryCov_9fa48("521"), `(?<dotted>${N}\\.${N}\\.${N})${END}`), stryMutAct_9fa48("522") ? `` : (stryCov_9fa48("522"), `|(?<underscore>${N}_${N}_${N})${END}`), stryMutAct_9fa48("523") ? `` : (stryCov_9fa48("523"), `|(?<compact>[0-9]{4})${END}`), stryMutAct_9fa48("524") ? "" : (stryCov_9fa48("524"), ')'), stryMutAct_9fa48("525") ? `` : (stryCov_9fa48("525"), `|${LEFT_BARE}(?<bare>${N}\\.${N}\\.${N})${END}`), // `~1` is an escaped `/` in JSON pointers; matching it here (rather than in a lookbehind) makes
// `#/paths/~10.0.41~1jobs` read as `/0.0.41/jobs`, not as the number `10.0.41`.
stryMutAct_9fa48("526") ? `` : (stryCov_9fa48("526"), `|~1(?<escapedBare>${N}\\.${N}\\.${N})${END}`)])).join(stryMutAct_9fa48("527") ? "Stryker was here!" : (stryCov_9fa48("527"), '')), stryMutAct_9fa48("528") ? "" : (stryCov_9fa48("528"), 'g'));

/** Turns a regex match into a TagMatch. */
function toTagMatch(m: RegExpExecArray): TagMatch {
  if (stryMutAct_9fa48("529")) {
    {}
  } else {
    stryCov_9fa48("529");
    const g = m.groups!;
    const v = (g.v ?? g.camel ?? '') as TagMatch['v'];
    const db = (g.db ?? '') as TagMatch['db'];
    if (stryMutAct_9fa48("532") ? g.dotted === undefined : stryMutAct_9fa48("531") ? false : stryMutAct_9fa48("530") ? true : (stryCov_9fa48("530", "531", "532"), g.dotted !== undefined)) return stryMutAct_9fa48("533") ? {} : (stryCov_9fa48("533"), {
      text: m[0],
      index: m.index,
      version: g.dotted,
      form: stryMutAct_9fa48("534") ? "" : (stryCov_9fa48("534"), 'dotted'),
      db,
      v
    });
    if (stryMutAct_9fa48("537") ? g.underscore === undefined : stryMutAct_9fa48("536") ? false : stryMutAct_9fa48("535") ? true : (stryCov_9fa48("535", "536", "537"), g.underscore !== undefined)) {
      if (stryMutAct_9fa48("538")) {
        {}
      } else {
        stryCov_9fa48("538");
        return stryMutAct_9fa48("539") ? {} : (stryCov_9fa48("539"), {
          text: m[0],
          index: m.index,
          version: g.underscore.replaceAll(stryMutAct_9fa48("540") ? "" : (stryCov_9fa48("540"), '_'), stryMutAct_9fa48("541") ? "" : (stryCov_9fa48("541"), '.')),
          form: stryMutAct_9fa48("542") ? "" : (stryCov_9fa48("542"), 'underscore'),
          db,
          v
        });
      }
    }
    if (stryMutAct_9fa48("545") ? g.compact === undefined : stryMutAct_9fa48("544") ? false : stryMutAct_9fa48("543") ? true : (stryCov_9fa48("543", "544", "545"), g.compact !== undefined)) {
      if (stryMutAct_9fa48("546")) {
        {}
      } else {
        stryCov_9fa48("546");
        const c = g.compact;
        return stryMutAct_9fa48("547") ? {} : (stryCov_9fa48("547"), {
          text: m[0],
          index: m.index,
          version: stryMutAct_9fa48("548") ? `` : (stryCov_9fa48("548"), `${c[0]}.${c[1]}.${Number(stryMutAct_9fa48("549") ? c : (stryCov_9fa48("549"), c.slice(2)))}`),
          form: stryMutAct_9fa48("550") ? "" : (stryCov_9fa48("550"), 'compact'),
          db,
          v
        });
      }
    }
    if (stryMutAct_9fa48("553") ? g.bare === undefined : stryMutAct_9fa48("552") ? false : stryMutAct_9fa48("551") ? true : (stryCov_9fa48("551", "552", "553"), g.bare !== undefined)) return stryMutAct_9fa48("554") ? {} : (stryCov_9fa48("554"), {
      text: m[0],
      index: m.index,
      version: g.bare,
      form: stryMutAct_9fa48("555") ? "" : (stryCov_9fa48("555"), 'bare'),
      db: stryMutAct_9fa48("556") ? "Stryker was here!" : (stryCov_9fa48("556"), ''),
      v: stryMutAct_9fa48("557") ? "Stryker was here!" : (stryCov_9fa48("557"), '')
    });
    return stryMutAct_9fa48("558") ? {} : (stryCov_9fa48("558"), {
      text: g.escapedBare,
      index: stryMutAct_9fa48("559") ? m.index - 2 : (stryCov_9fa48("559"), m.index + 2),
      version: g.escapedBare,
      form: stryMutAct_9fa48("560") ? "" : (stryCov_9fa48("560"), 'bare'),
      db: stryMutAct_9fa48("561") ? "Stryker was here!" : (stryCov_9fa48("561"), ''),
      v: stryMutAct_9fa48("562") ? "Stryker was here!" : (stryCov_9fa48("562"), '')
    });
  }
}

/** Cheap pre-check: every tag contains a digit, most strings in a spec (types, formats, names) do not. */
function hasDigit(s: string): boolean {
  if (stryMutAct_9fa48("563")) {
    {}
  } else {
    stryCov_9fa48("563");
    for (let i = 0; stryMutAct_9fa48("566") ? i >= s.length : stryMutAct_9fa48("565") ? i <= s.length : stryMutAct_9fa48("564") ? false : (stryCov_9fa48("564", "565", "566"), i < s.length); stryMutAct_9fa48("567") ? i-- : (stryCov_9fa48("567"), i++)) {
      if (stryMutAct_9fa48("568")) {
        {}
      } else {
        stryCov_9fa48("568");
        const c = s.charCodeAt(i);
        if (stryMutAct_9fa48("571") ? c >= 48 || c <= 57 : stryMutAct_9fa48("570") ? false : stryMutAct_9fa48("569") ? true : (stryCov_9fa48("569", "570", "571"), (stryMutAct_9fa48("574") ? c < 48 : stryMutAct_9fa48("573") ? c > 48 : stryMutAct_9fa48("572") ? true : (stryCov_9fa48("572", "573", "574"), c >= 48)) && (stryMutAct_9fa48("577") ? c > 57 : stryMutAct_9fa48("576") ? c < 57 : stryMutAct_9fa48("575") ? true : (stryCov_9fa48("575", "576", "577"), c <= 57)))) return stryMutAct_9fa48("578") ? false : (stryCov_9fa48("578"), true);
      }
    }
    return stryMutAct_9fa48("579") ? true : (stryCov_9fa48("579"), false);
  }
}

/** All tag occurrences in `s`, left to right, non-overlapping. */
export function findTags(s: string): TagMatch[] {
  if (stryMutAct_9fa48("580")) {
    {}
  } else {
    stryCov_9fa48("580");
    if (stryMutAct_9fa48("583") ? false : stryMutAct_9fa48("582") ? true : stryMutAct_9fa48("581") ? hasDigit(s) : (stryCov_9fa48("581", "582", "583"), !hasDigit(s))) return stryMutAct_9fa48("584") ? ["Stryker was here"] : (stryCov_9fa48("584"), []);
    const found: TagMatch[] = stryMutAct_9fa48("585") ? ["Stryker was here"] : (stryCov_9fa48("585"), []);
    TAG_PATTERN.lastIndex = 0;
    for (let m = TAG_PATTERN.exec(s); stryMutAct_9fa48("587") ? m === null : stryMutAct_9fa48("586") ? false : (stryCov_9fa48("586", "587"), m !== null); m = TAG_PATTERN.exec(s)) found.push(toTagMatch(m));
    return found;
  }
}

/**
 * Rewrites the tags in `s`: `replace` returns the new text for a match (or undefined to keep it),
 * and may claim one adjacent separator character by returning `{ text, eatLeft | eatRight }`.
 * Returns `s` itself when nothing changed.
 */
export function replaceTags(s: string, replace: (t: TagMatch, s: string) => TagReplacement | undefined): string {
  if (stryMutAct_9fa48("588")) {
    {}
  } else {
    stryCov_9fa48("588");
    if (stryMutAct_9fa48("591") ? false : stryMutAct_9fa48("590") ? true : stryMutAct_9fa48("589") ? hasDigit(s) : (stryCov_9fa48("589", "590", "591"), !hasDigit(s))) return s;
    TAG_PATTERN.lastIndex = 0;
    let m = TAG_PATTERN.exec(s);
    if (stryMutAct_9fa48("594") ? m !== null : stryMutAct_9fa48("593") ? false : stryMutAct_9fa48("592") ? true : (stryCov_9fa48("592", "593", "594"), m === null)) return s;
    let out = stryMutAct_9fa48("595") ? "Stryker was here!" : (stryCov_9fa48("595"), '');
    let copiedUpTo = 0; // s[0, copiedUpTo) has been dealt with
    let changed = stryMutAct_9fa48("596") ? true : (stryCov_9fa48("596"), false);
    for (; stryMutAct_9fa48("598") ? m === null : stryMutAct_9fa48("597") ? false : (stryCov_9fa48("597", "598"), m !== null); m = TAG_PATTERN.exec(s)) {
      if (stryMutAct_9fa48("599")) {
        {}
      } else {
        stryCov_9fa48("599");
        const t = toTagMatch(m);
        const r = replace(t, s);
        if (stryMutAct_9fa48("602") ? r !== undefined : stryMutAct_9fa48("601") ? false : stryMutAct_9fa48("600") ? true : (stryCov_9fa48("600", "601", "602"), r === undefined)) continue;
        let start = t.index;
        let end = stryMutAct_9fa48("603") ? t.index - t.text.length : (stryCov_9fa48("603"), t.index + t.text.length);
        if (stryMutAct_9fa48("606") ? r.eatLeft || start - 1 >= copiedUpTo : stryMutAct_9fa48("605") ? false : stryMutAct_9fa48("604") ? true : (stryCov_9fa48("604", "605", "606"), r.eatLeft && (stryMutAct_9fa48("609") ? start - 1 < copiedUpTo : stryMutAct_9fa48("608") ? start - 1 > copiedUpTo : stryMutAct_9fa48("607") ? true : (stryCov_9fa48("607", "608", "609"), (stryMutAct_9fa48("610") ? start + 1 : (stryCov_9fa48("610"), start - 1)) >= copiedUpTo)))) stryMutAct_9fa48("611") ? start += 1 : (stryCov_9fa48("611"), start -= 1);
        if (stryMutAct_9fa48("614") ? r.eatRight || end < s.length : stryMutAct_9fa48("613") ? false : stryMutAct_9fa48("612") ? true : (stryCov_9fa48("612", "613", "614"), r.eatRight && (stryMutAct_9fa48("617") ? end >= s.length : stryMutAct_9fa48("616") ? end <= s.length : stryMutAct_9fa48("615") ? true : (stryCov_9fa48("615", "616", "617"), end < s.length)))) stryMutAct_9fa48("618") ? end -= 1 : (stryCov_9fa48("618"), end += 1);
        stryMutAct_9fa48("619") ? out -= s.slice(copiedUpTo, start) + r.text : (stryCov_9fa48("619"), out += stryMutAct_9fa48("620") ? s.slice(copiedUpTo, start) - r.text : (stryCov_9fa48("620"), (stryMutAct_9fa48("621") ? s : (stryCov_9fa48("621"), s.slice(copiedUpTo, start))) + r.text));
        copiedUpTo = end;
        TAG_PATTERN.lastIndex = end;
        changed = stryMutAct_9fa48("622") ? false : (stryCov_9fa48("622"), true);
      }
    }
    return changed ? stryMutAct_9fa48("623") ? out - s.slice(copiedUpTo) : (stryCov_9fa48("623"), out + (stryMutAct_9fa48("624") ? s : (stryCov_9fa48("624"), s.slice(copiedUpTo)))) : s;
  }
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
  if (stryMutAct_9fa48("625")) {
    {}
  } else {
    stryCov_9fa48("625");
    const [major, minor, patch] = version.split(stryMutAct_9fa48("626") ? "" : (stryCov_9fa48("626"), '.')).map(Number);
    return stryMutAct_9fa48("627") ? {} : (stryCov_9fa48("627"), {
      major,
      minor,
      patch
    });
  }
}

/** Compares `0.0.40` < `0.0.41` < `0.1.0` numerically. */
export function compareVersions(a: string, b: string): number {
  if (stryMutAct_9fa48("628")) {
    {}
  } else {
    stryCov_9fa48("628");
    const pa = versionParts(a);
    const pb = versionParts(b);
    return stryMutAct_9fa48("631") ? (pa.major - pb.major || pa.minor - pb.minor) && pa.patch - pb.patch : stryMutAct_9fa48("630") ? false : stryMutAct_9fa48("629") ? true : (stryCov_9fa48("629", "630", "631"), (stryMutAct_9fa48("633") ? pa.major - pb.major && pa.minor - pb.minor : stryMutAct_9fa48("632") ? false : (stryCov_9fa48("632", "633"), (stryMutAct_9fa48("634") ? pa.major + pb.major : (stryCov_9fa48("634"), pa.major - pb.major)) || (stryMutAct_9fa48("635") ? pa.minor + pb.minor : (stryCov_9fa48("635"), pa.minor - pb.minor)))) || (stryMutAct_9fa48("636") ? pa.patch + pb.patch : (stryCov_9fa48("636"), pa.patch - pb.patch)));
  }
}

/** The compact body (`0041`) of a version, or undefined when it has no 4-digit spelling (e.g. `0.0.100`, `1.10.0`). */
export function compactBody(version: string): string | undefined {
  if (stryMutAct_9fa48("637")) {
    {}
  } else {
    stryCov_9fa48("637");
    const {
      major,
      minor,
      patch
    } = versionParts(version);
    if (stryMutAct_9fa48("640") ? (major > 9 || minor > 9) && patch > 99 : stryMutAct_9fa48("639") ? false : stryMutAct_9fa48("638") ? true : (stryCov_9fa48("638", "639", "640"), (stryMutAct_9fa48("642") ? major > 9 && minor > 9 : stryMutAct_9fa48("641") ? false : (stryCov_9fa48("641", "642"), (stryMutAct_9fa48("645") ? major <= 9 : stryMutAct_9fa48("644") ? major >= 9 : stryMutAct_9fa48("643") ? false : (stryCov_9fa48("643", "644", "645"), major > 9)) || (stryMutAct_9fa48("648") ? minor <= 9 : stryMutAct_9fa48("647") ? minor >= 9 : stryMutAct_9fa48("646") ? false : (stryCov_9fa48("646", "647", "648"), minor > 9)))) || (stryMutAct_9fa48("651") ? patch <= 99 : stryMutAct_9fa48("650") ? patch >= 99 : stryMutAct_9fa48("649") ? false : (stryCov_9fa48("649", "650", "651"), patch > 99)))) return undefined;
    return stryMutAct_9fa48("652") ? `` : (stryCov_9fa48("652"), `${major}${minor}${String(patch).padStart(2, stryMutAct_9fa48("653") ? "" : (stryCov_9fa48("653"), '0'))}`);
  }
}

/** The body of `version` in `form`, without prefix: `0.0.41`, `0_0_41`, `0041`. */
export function formatBody(version: string, form: TagForm): string | undefined {
  if (stryMutAct_9fa48("654")) {
    {}
  } else {
    stryCov_9fa48("654");
    switch (form) {
      case stryMutAct_9fa48("655") ? "" : (stryCov_9fa48("655"), 'dotted'):
      case stryMutAct_9fa48("657") ? "" : (stryCov_9fa48("657"), 'bare'):
        if (stryMutAct_9fa48("656")) {} else {
          stryCov_9fa48("656");
          return version;
        }
      case stryMutAct_9fa48("659") ? "" : (stryCov_9fa48("659"), 'underscore'):
        if (stryMutAct_9fa48("658")) {} else {
          stryCov_9fa48("658");
          return version.replaceAll(stryMutAct_9fa48("660") ? "" : (stryCov_9fa48("660"), '.'), stryMutAct_9fa48("661") ? "" : (stryCov_9fa48("661"), '_'));
        }
      case stryMutAct_9fa48("663") ? "" : (stryCov_9fa48("663"), 'compact'):
        if (stryMutAct_9fa48("662")) {} else {
          stryCov_9fa48("662");
          return compactBody(version);
        }
    }
  }
}
const VERSION_ARGUMENT = new RegExp(stryMutAct_9fa48("664") ? `` : (stryCov_9fa48("664"), `^(?:(?:db)?[vV])?(?<dotted>${N}\\.${N}\\.${N})$|^(?:db)?[vV](?<underscore>${N}_${N}_${N})$|^(?:db)?[vV](?<compact>[0-9]{4})$`));

/**
 * Parses a version argument as a user types it (`v0.0.41`, `0.0.41`, `dbv0.0.41`, `v0041`, `v0_0_41`)
 * into the normalised version `0.0.41`. The `db` prefix is accepted but not kept: masking a version
 * always covers its `v` and `dbv` tags together, so they stay distinct and parallel.
 * @param what names the argument in the error message, e.g. `--from`.
 */
export function parseVersionTag(text: string, what = stryMutAct_9fa48("665") ? "" : (stryCov_9fa48("665"), 'version')): string {
  if (stryMutAct_9fa48("666")) {
    {}
  } else {
    stryCov_9fa48("666");
    const m = VERSION_ARGUMENT.exec(stryMutAct_9fa48("667") ? text : (stryCov_9fa48("667"), text.trim()));
    if (stryMutAct_9fa48("670") ? m !== null : stryMutAct_9fa48("669") ? false : stryMutAct_9fa48("668") ? true : (stryCov_9fa48("668", "669", "670"), m === null)) {
      if (stryMutAct_9fa48("671")) {
        {}
      } else {
        stryCov_9fa48("671");
        throw usageError(stryMutAct_9fa48("672") ? `` : (stryCov_9fa48("672"), `${what}: "${text}" is not a version tag`), stryMutAct_9fa48("673") ? "" : (stryCov_9fa48("673"), 'write it like v0.0.41 (also accepted: 0.0.41, dbv0.0.41, v0041, v0_0_41)'));
      }
    }
    const g = m.groups!;
    if (stryMutAct_9fa48("676") ? g.dotted === undefined : stryMutAct_9fa48("675") ? false : stryMutAct_9fa48("674") ? true : (stryCov_9fa48("674", "675", "676"), g.dotted !== undefined)) return g.dotted;
    if (stryMutAct_9fa48("679") ? g.underscore === undefined : stryMutAct_9fa48("678") ? false : stryMutAct_9fa48("677") ? true : (stryCov_9fa48("677", "678", "679"), g.underscore !== undefined)) return g.underscore.replaceAll(stryMutAct_9fa48("680") ? "" : (stryCov_9fa48("680"), '_'), stryMutAct_9fa48("681") ? "" : (stryCov_9fa48("681"), '.'));
    return stryMutAct_9fa48("682") ? `` : (stryCov_9fa48("682"), `${g.compact[0]}.${g.compact[1]}.${Number(stryMutAct_9fa48("683") ? g.compact : (stryCov_9fa48("683"), g.compact.slice(2)))}`);
  }
}