/**
 * Which version tags a document carries, and which mask `diff --mask auto` should apply.
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
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    if (stryMutAct_9fa48("4") ? s.length > length + 2 * EXCERPT_CONTEXT : stryMutAct_9fa48("3") ? s.length < length + 2 * EXCERPT_CONTEXT : stryMutAct_9fa48("2") ? false : stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1", "2", "3", "4"), s.length <= (stryMutAct_9fa48("5") ? length - 2 * EXCERPT_CONTEXT : (stryCov_9fa48("5"), length + (stryMutAct_9fa48("6") ? 2 / EXCERPT_CONTEXT : (stryCov_9fa48("6"), 2 * EXCERPT_CONTEXT)))))) return s;
    const from = stryMutAct_9fa48("7") ? Math.min(0, index - EXCERPT_CONTEXT) : (stryCov_9fa48("7"), Math.max(0, stryMutAct_9fa48("8") ? index + EXCERPT_CONTEXT : (stryCov_9fa48("8"), index - EXCERPT_CONTEXT)));
    const to = stryMutAct_9fa48("9") ? Math.max(s.length, index + length + EXCERPT_CONTEXT) : (stryCov_9fa48("9"), Math.min(s.length, stryMutAct_9fa48("10") ? index + length - EXCERPT_CONTEXT : (stryCov_9fa48("10"), (stryMutAct_9fa48("11") ? index - length : (stryCov_9fa48("11"), index + length)) + EXCERPT_CONTEXT)));
    return stryMutAct_9fa48("12") ? (from > 0 ? '…' : '') + s.slice(from, to) - (to < s.length ? '…' : '') : (stryCov_9fa48("12"), (stryMutAct_9fa48("13") ? (from > 0 ? '…' : '') - s.slice(from, to) : (stryCov_9fa48("13"), ((stryMutAct_9fa48("17") ? from <= 0 : stryMutAct_9fa48("16") ? from >= 0 : stryMutAct_9fa48("15") ? false : stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14", "15", "16", "17"), from > 0)) ? stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), '…') : stryMutAct_9fa48("19") ? "Stryker was here!" : (stryCov_9fa48("19"), '')) + (stryMutAct_9fa48("20") ? s : (stryCov_9fa48("20"), s.slice(from, to))))) + ((stryMutAct_9fa48("24") ? to >= s.length : stryMutAct_9fa48("23") ? to <= s.length : stryMutAct_9fa48("22") ? false : stryMutAct_9fa48("21") ? true : (stryCov_9fa48("21", "22", "23", "24"), to < s.length)) ? stryMutAct_9fa48("25") ? "" : (stryCov_9fa48("25"), '…') : stryMutAct_9fa48("26") ? "Stryker was here!" : (stryCov_9fa48("26"), '')));
  }
}

/**
 * Lists the version tags in `doc`, oldest version first.
 * A version counts as present when it appears in dotted or underscore form (`v0.0.41`, `dbv0.0.41`,
 * `v0_0_41`); its compact (`v0041`) and bare (`0.0.41`) occurrences are then counted too. Compact
 * and bare spellings alone do not make a version present: `V2024` or `1.2.3` in prose are not tags.
 */
export function detectVersionTags(doc: JsonObject): DetectedTag[] {
  if (stryMutAct_9fa48("27")) {
    {}
  } else {
    stryCov_9fa48("27");
    const byVersion = new Map<string, {
      forms: Map<string, DetectedForm>;
      places: Record<MaskPlace, number>;
      anchored: boolean;
    }>();
    visitStrings(doc, (s, place, trail) => {
      if (stryMutAct_9fa48("28")) {
        {}
      } else {
        stryCov_9fa48("28");
        for (const t of findTags(s)) {
          if (stryMutAct_9fa48("29")) {
            {}
          } else {
            stryCov_9fa48("29");
            let entry = byVersion.get(t.version);
            if (stryMutAct_9fa48("32") ? entry !== undefined : stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31", "32"), entry === undefined)) {
              if (stryMutAct_9fa48("33")) {
                {}
              } else {
                stryCov_9fa48("33");
                entry = stryMutAct_9fa48("34") ? {} : (stryCov_9fa48("34"), {
                  forms: new Map(),
                  places: Object.fromEntries(MASK_PLACES.map(p => [p, 0])) as Record<MaskPlace, number>,
                  anchored: stryMutAct_9fa48("35") ? true : (stryCov_9fa48("35"), false)
                });
                byVersion.set(t.version, entry);
              }
            }
            if (stryMutAct_9fa48("38") ? t.form === 'dotted' && t.form === 'underscore' : stryMutAct_9fa48("37") ? false : stryMutAct_9fa48("36") ? true : (stryCov_9fa48("36", "37", "38"), (stryMutAct_9fa48("40") ? t.form !== 'dotted' : stryMutAct_9fa48("39") ? false : (stryCov_9fa48("39", "40"), t.form === (stryMutAct_9fa48("41") ? "" : (stryCov_9fa48("41"), 'dotted')))) || (stryMutAct_9fa48("43") ? t.form !== 'underscore' : stryMutAct_9fa48("42") ? false : (stryCov_9fa48("42", "43"), t.form === (stryMutAct_9fa48("44") ? "" : (stryCov_9fa48("44"), 'underscore')))))) entry.anchored = stryMutAct_9fa48("45") ? false : (stryCov_9fa48("45"), true);
            stryMutAct_9fa48("46") ? entry.places[place]-- : (stryCov_9fa48("46"), entry.places[place]++);
            let form = entry.forms.get(t.text);
            if (stryMutAct_9fa48("49") ? form !== undefined : stryMutAct_9fa48("48") ? false : stryMutAct_9fa48("47") ? true : (stryCov_9fa48("47", "48", "49"), form === undefined)) {
              if (stryMutAct_9fa48("50")) {
                {}
              } else {
                stryCov_9fa48("50");
                form = stryMutAct_9fa48("51") ? {} : (stryCov_9fa48("51"), {
                  spelling: t.text,
                  form: t.form,
                  count: 0,
                  examples: stryMutAct_9fa48("52") ? ["Stryker was here"] : (stryCov_9fa48("52"), [])
                });
                entry.forms.set(t.text, form);
              }
            }
            stryMutAct_9fa48("53") ? form.count-- : (stryCov_9fa48("53"), form.count++);
            if (stryMutAct_9fa48("57") ? form.examples.length >= EXAMPLES_PER_FORM : stryMutAct_9fa48("56") ? form.examples.length <= EXAMPLES_PER_FORM : stryMutAct_9fa48("55") ? false : stryMutAct_9fa48("54") ? true : (stryCov_9fa48("54", "55", "56", "57"), form.examples.length < EXAMPLES_PER_FORM)) {
              if (stryMutAct_9fa48("58")) {
                {}
              } else {
                stryCov_9fa48("58");
                form.examples.push(stryMutAct_9fa48("59") ? {} : (stryCov_9fa48("59"), {
                  pointer: toPointer(trail),
                  place,
                  value: excerpt(s, t.index, t.text.length)
                }));
              }
            }
          }
        }
      }
    });
    const tags: DetectedTag[] = stryMutAct_9fa48("60") ? ["Stryker was here"] : (stryCov_9fa48("60"), []);
    for (const [version, entry] of byVersion) {
      if (stryMutAct_9fa48("61")) {
        {}
      } else {
        stryCov_9fa48("61");
        if (stryMutAct_9fa48("64") ? false : stryMutAct_9fa48("63") ? true : stryMutAct_9fa48("62") ? entry.anchored : (stryCov_9fa48("62", "63", "64"), !entry.anchored)) continue;
        const forms = stryMutAct_9fa48("65") ? [...entry.forms.values()] : (stryCov_9fa48("65"), (stryMutAct_9fa48("66") ? [] : (stryCov_9fa48("66"), [...entry.forms.values()])).sort(stryMutAct_9fa48("67") ? () => undefined : (stryCov_9fa48("67"), (a, b) => stryMutAct_9fa48("70") ? b.count - a.count && a.spelling.localeCompare(b.spelling) : stryMutAct_9fa48("69") ? false : stryMutAct_9fa48("68") ? true : (stryCov_9fa48("68", "69", "70"), (stryMutAct_9fa48("71") ? b.count + a.count : (stryCov_9fa48("71"), b.count - a.count)) || a.spelling.localeCompare(b.spelling)))));
        const prefixes = new Set<'v' | 'dbv'>();
        for (const f of forms) if (stryMutAct_9fa48("74") ? f.form === 'bare' : stryMutAct_9fa48("73") ? false : stryMutAct_9fa48("72") ? true : (stryCov_9fa48("72", "73", "74"), f.form !== (stryMutAct_9fa48("75") ? "" : (stryCov_9fa48("75"), 'bare')))) prefixes.add((stryMutAct_9fa48("76") ? f.spelling.endsWith('db') : (stryCov_9fa48("76"), f.spelling.startsWith(stryMutAct_9fa48("77") ? "" : (stryCov_9fa48("77"), 'db')))) ? stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), 'dbv') : stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), 'v'));
        tags.push(stryMutAct_9fa48("80") ? {} : (stryCov_9fa48("80"), {
          version,
          prefixes: stryMutAct_9fa48("81") ? [...prefixes] : (stryCov_9fa48("81"), (stryMutAct_9fa48("82") ? [] : (stryCov_9fa48("82"), [...prefixes])).sort()),
          count: forms.reduce(stryMutAct_9fa48("83") ? () => undefined : (stryCov_9fa48("83"), (n, f) => stryMutAct_9fa48("84") ? n - f.count : (stryCov_9fa48("84"), n + f.count)), 0),
          forms,
          places: entry.places
        }));
      }
    }
    return stryMutAct_9fa48("85") ? tags : (stryCov_9fa48("85"), tags.sort(stryMutAct_9fa48("86") ? () => undefined : (stryCov_9fa48("86"), (a, b) => compareVersions(a.version, b.version))));
  }
}

/** A version is dominant when it holds at least this share of a document's tag occurrences. */
export const DOMINANT_SHARE = 0.9;

/** Places that name API structure; tags found only in prose (descriptions, examples) do not version a spec. */
const STRUCTURAL_PLACES: readonly MaskPlace[] = stryMutAct_9fa48("87") ? [] : (stryCov_9fa48("87"), [stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), 'keys'), stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), 'paths'), stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'refs'), stryMutAct_9fa48("91") ? "" : (stryCov_9fa48("91"), 'operationIds')]);
const structuralCount = stryMutAct_9fa48("92") ? () => undefined : (stryCov_9fa48("92"), (() => {
  const structuralCount = (t: DetectedTag) => STRUCTURAL_PLACES.reduce(stryMutAct_9fa48("93") ? () => undefined : (stryCov_9fa48("93"), (n, p) => stryMutAct_9fa48("94") ? n - t.places[p] : (stryCov_9fa48("94"), n + t.places[p])), 0);
  return structuralCount;
})());

/**
 * Only what names the API's structure: path keys, operationIds and component names (refs mirror the names).
 * Detecting on this skeleton instead of every string keeps `diff --mask auto` cheap on 10 MB specs.
 */
function structuralSkeleton(doc: JsonObject): JsonObject {
  if (stryMutAct_9fa48("95")) {
    {}
  } else {
    stryCov_9fa48("95");
    const paths: JsonObject = {};
    for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
      if (stryMutAct_9fa48("96")) {
        {}
      } else {
        stryCov_9fa48("96");
        const ops: JsonObject = {};
        if (stryMutAct_9fa48("98") ? false : stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97", "98"), isObject(item))) for (const [method, op] of Object.entries(item)) if (stryMutAct_9fa48("101") ? isObject(op) || typeof op.operationId === 'string' : stryMutAct_9fa48("100") ? false : stryMutAct_9fa48("99") ? true : (stryCov_9fa48("99", "100", "101"), isObject(op) && (stryMutAct_9fa48("103") ? typeof op.operationId !== 'string' : stryMutAct_9fa48("102") ? true : (stryCov_9fa48("102", "103"), typeof op.operationId === (stryMutAct_9fa48("104") ? "" : (stryCov_9fa48("104"), 'string')))))) ops[method] = stryMutAct_9fa48("105") ? {} : (stryCov_9fa48("105"), {
          operationId: op.operationId
        });
        paths[path] = ops;
      }
    }
    const names = stryMutAct_9fa48("106") ? () => undefined : (stryCov_9fa48("106"), (() => {
      const names = (group: unknown): JsonObject => Object.fromEntries(Object.keys(isObject(group as never) ? group as JsonObject : {}).map(stryMutAct_9fa48("107") ? () => undefined : (stryCov_9fa48("107"), k => stryMutAct_9fa48("108") ? [] : (stryCov_9fa48("108"), [k, {}]))));
      return names;
    })());
    const components: JsonObject = {};
    if (stryMutAct_9fa48("110") ? false : stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109", "110"), isObject(doc.components))) for (const [kind, group] of Object.entries(doc.components)) components[kind] = names(group);
    return stryMutAct_9fa48("111") ? {} : (stryCov_9fa48("111"), {
      paths,
      components,
      definitions: names(doc.definitions)
    });
  }
}

/** The version holding at least DOMINANT_SHARE of the structural tag occurrences (keys, paths, refs, operationIds). */
export function dominantVersion(tags: DetectedTag[]): string | undefined {
  if (stryMutAct_9fa48("112")) {
    {}
  } else {
    stryCov_9fa48("112");
    const structural = stryMutAct_9fa48("113") ? tags : (stryCov_9fa48("113"), tags.filter(stryMutAct_9fa48("114") ? () => undefined : (stryCov_9fa48("114"), t => stryMutAct_9fa48("118") ? structuralCount(t) <= 0 : stryMutAct_9fa48("117") ? structuralCount(t) >= 0 : stryMutAct_9fa48("116") ? false : stryMutAct_9fa48("115") ? true : (stryCov_9fa48("115", "116", "117", "118"), structuralCount(t) > 0))));
    const total = structural.reduce(stryMutAct_9fa48("119") ? () => undefined : (stryCov_9fa48("119"), (n, t) => stryMutAct_9fa48("120") ? n - structuralCount(t) : (stryCov_9fa48("120"), n + structuralCount(t))), 0);
    const top = stryMutAct_9fa48("121") ? [...structural][0] : (stryCov_9fa48("121"), (stryMutAct_9fa48("122") ? [] : (stryCov_9fa48("122"), [...structural])).sort(stryMutAct_9fa48("123") ? () => undefined : (stryCov_9fa48("123"), (a, b) => stryMutAct_9fa48("124") ? structuralCount(b) + structuralCount(a) : (stryCov_9fa48("124"), structuralCount(b) - structuralCount(a))))[0]);
    return (stryMutAct_9fa48("127") ? top !== undefined || structuralCount(top) >= DOMINANT_SHARE * total : stryMutAct_9fa48("126") ? false : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126", "127"), (stryMutAct_9fa48("129") ? top === undefined : stryMutAct_9fa48("128") ? true : (stryCov_9fa48("128", "129"), top !== undefined)) && (stryMutAct_9fa48("132") ? structuralCount(top) < DOMINANT_SHARE * total : stryMutAct_9fa48("131") ? structuralCount(top) > DOMINANT_SHARE * total : stryMutAct_9fa48("130") ? true : (stryCov_9fa48("130", "131", "132"), structuralCount(top) >= (stryMutAct_9fa48("133") ? DOMINANT_SHARE / total : (stryCov_9fa48("133"), DOMINANT_SHARE * total)))))) ? top.version : undefined;
  }
}
export type AutoMaskDecision = /** Mask the new document's `from` into the old document's `to` before diffing. */
{
  kind: 'mask';
  from: string;
  to: string;
  reason: string;
}
/** Nothing to mask: both sides carry the same tag, or one side carries none. */ | {
  kind: 'none';
  reason: string;
}
/** A side carries several versions with none dominant (e.g. a combined multi-plugin spec): the user must pass --mask FROM:TO. */ | {
  kind: 'ambiguous';
  reason: string;
  oldVersions: string[];
  newVersions: string[];
};
const list = stryMutAct_9fa48("134") ? () => undefined : (stryCov_9fa48("134"), (() => {
  const list = (tags: DetectedTag[]) => tags.map(stryMutAct_9fa48("135") ? () => undefined : (stryCov_9fa48("135"), t => stryMutAct_9fa48("136") ? `` : (stryCov_9fa48("136"), `v${t.version}`))).join(stryMutAct_9fa48("137") ? "" : (stryCov_9fa48("137"), ', '));
  return list;
})());

/**
 * Decides `diff --mask auto`: when each document has one dominant version and they differ,
 * mask the new document's version into the old one's (so reports speak the old names).
 */
export function autoMaskPair(oldDoc: JsonObject, newDoc: JsonObject): AutoMaskDecision {
  if (stryMutAct_9fa48("138")) {
    {}
  } else {
    stryCov_9fa48("138");
    const oldTags = detectVersionTags(structuralSkeleton(oldDoc));
    const newTags = detectVersionTags(structuralSkeleton(newDoc));
    if (stryMutAct_9fa48("141") ? oldTags.length === 0 && newTags.length === 0 : stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141"), (stryMutAct_9fa48("143") ? oldTags.length !== 0 : stryMutAct_9fa48("142") ? false : (stryCov_9fa48("142", "143"), oldTags.length === 0)) || (stryMutAct_9fa48("145") ? newTags.length !== 0 : stryMutAct_9fa48("144") ? false : (stryCov_9fa48("144", "145"), newTags.length === 0)))) {
      if (stryMutAct_9fa48("146")) {
        {}
      } else {
        stryCov_9fa48("146");
        const reason = (stryMutAct_9fa48("149") ? oldTags.length !== newTags.length : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), oldTags.length === newTags.length)) ? stryMutAct_9fa48("150") ? "" : (stryCov_9fa48("150"), 'neither spec carries a version tag') : stryMutAct_9fa48("151") ? `` : (stryCov_9fa48("151"), `the ${(stryMutAct_9fa48("154") ? oldTags.length !== 0 : stryMutAct_9fa48("153") ? false : stryMutAct_9fa48("152") ? true : (stryCov_9fa48("152", "153", "154"), oldTags.length === 0)) ? stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), 'old') : stryMutAct_9fa48("156") ? "" : (stryCov_9fa48("156"), 'new')} spec carries no version tag`);
        return stryMutAct_9fa48("157") ? {} : (stryCov_9fa48("157"), {
          kind: stryMutAct_9fa48("158") ? "" : (stryCov_9fa48("158"), 'none'),
          reason
        });
      }
    }
    const oldVersion = dominantVersion(oldTags);
    const newVersion = dominantVersion(newTags);
    if (stryMutAct_9fa48("161") ? oldVersion === undefined && newVersion === undefined : stryMutAct_9fa48("160") ? false : stryMutAct_9fa48("159") ? true : (stryCov_9fa48("159", "160", "161"), (stryMutAct_9fa48("163") ? oldVersion !== undefined : stryMutAct_9fa48("162") ? false : (stryCov_9fa48("162", "163"), oldVersion === undefined)) || (stryMutAct_9fa48("165") ? newVersion !== undefined : stryMutAct_9fa48("164") ? false : (stryCov_9fa48("164", "165"), newVersion === undefined)))) {
      if (stryMutAct_9fa48("166")) {
        {}
      } else {
        stryCov_9fa48("166");
        const which = (stryMutAct_9fa48("169") ? oldVersion !== undefined : stryMutAct_9fa48("168") ? false : stryMutAct_9fa48("167") ? true : (stryCov_9fa48("167", "168", "169"), oldVersion === undefined)) ? stryMutAct_9fa48("170") ? `` : (stryCov_9fa48("170"), `old spec carries ${list(oldTags)}`) : stryMutAct_9fa48("171") ? `` : (stryCov_9fa48("171"), `new spec carries ${list(newTags)}`);
        return stryMutAct_9fa48("172") ? {} : (stryCov_9fa48("172"), {
          kind: stryMutAct_9fa48("173") ? "" : (stryCov_9fa48("173"), 'ambiguous'),
          reason: stryMutAct_9fa48("174") ? `` : (stryCov_9fa48("174"), `${which} with none dominant; pass --mask FROM:TO`),
          oldVersions: oldTags.map(stryMutAct_9fa48("175") ? () => undefined : (stryCov_9fa48("175"), t => t.version)),
          newVersions: newTags.map(stryMutAct_9fa48("176") ? () => undefined : (stryCov_9fa48("176"), t => t.version))
        });
      }
    }
    if (stryMutAct_9fa48("179") ? oldVersion !== newVersion : stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178", "179"), oldVersion === newVersion)) return stryMutAct_9fa48("180") ? {} : (stryCov_9fa48("180"), {
      kind: stryMutAct_9fa48("181") ? "" : (stryCov_9fa48("181"), 'none'),
      reason: stryMutAct_9fa48("182") ? `` : (stryCov_9fa48("182"), `both specs carry v${oldVersion}`)
    });
    return stryMutAct_9fa48("183") ? {} : (stryCov_9fa48("183"), {
      kind: stryMutAct_9fa48("184") ? "" : (stryCov_9fa48("184"), 'mask'),
      from: newVersion,
      to: oldVersion,
      reason: stryMutAct_9fa48("185") ? `` : (stryCov_9fa48("185"), `new spec carries v${newVersion}, old spec v${oldVersion}`)
    });
  }
}