/**
 * Walks every object key and string value of a document, telling each one's place
 * (what the mask report counts by) and where it is (a JSON pointer into the input).
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
import { ExitCode, SpecdriftError } from '../errors.js';
import type { Json, JsonObject } from '../openapi/types.js';
import { pointerFromTokens } from '../openapi/refs.js';
export type MaskPlace = 'keys' | 'paths' | 'refs' | 'operationIds' | 'tags' | 'strings' | 'info.version';
export const MASK_PLACES: readonly MaskPlace[] = stryMutAct_9fa48("684") ? [] : (stryCov_9fa48("684"), [stryMutAct_9fa48("685") ? "" : (stryCov_9fa48("685"), 'keys'), stryMutAct_9fa48("686") ? "" : (stryCov_9fa48("686"), 'paths'), stryMutAct_9fa48("687") ? "" : (stryCov_9fa48("687"), 'refs'), stryMutAct_9fa48("688") ? "" : (stryCov_9fa48("688"), 'operationIds'), stryMutAct_9fa48("689") ? "" : (stryCov_9fa48("689"), 'tags'), stryMutAct_9fa48("690") ? "" : (stryCov_9fa48("690"), 'strings'), stryMutAct_9fa48("691") ? "" : (stryCov_9fa48("691"), 'info.version')]);

/** Position of the current string: the keys/indices leading to it, in the input document. */
export type Trail = readonly (string | number)[];
export const toPointer = stryMutAct_9fa48("692") ? () => undefined : (stryCov_9fa48("692"), (() => {
  const toPointer = (trail: Trail): string => pointerFromTokens(trail);
  return toPointer;
})());

/** Place of the object key `trail[trail.length - 1]`. */
export function placeOfKey(trail: Trail): MaskPlace {
  if (stryMutAct_9fa48("693")) {
    {}
  } else {
    stryCov_9fa48("693");
    return (stryMutAct_9fa48("696") ? trail.length === 2 || trail[0] === 'paths' : stryMutAct_9fa48("695") ? false : stryMutAct_9fa48("694") ? true : (stryCov_9fa48("694", "695", "696"), (stryMutAct_9fa48("698") ? trail.length !== 2 : stryMutAct_9fa48("697") ? true : (stryCov_9fa48("697", "698"), trail.length === 2)) && (stryMutAct_9fa48("700") ? trail[0] !== 'paths' : stryMutAct_9fa48("699") ? true : (stryCov_9fa48("699", "700"), trail[0] === (stryMutAct_9fa48("701") ? "" : (stryCov_9fa48("701"), 'paths')))))) ? stryMutAct_9fa48("702") ? "" : (stryCov_9fa48("702"), 'paths') : stryMutAct_9fa48("703") ? "" : (stryCov_9fa48("703"), 'keys');
  }
}

/** Place of the string value at `trail`, or undefined for values that are never a version tag. */
export function placeOfValue(trail: Trail): MaskPlace | undefined {
  if (stryMutAct_9fa48("704")) {
    {}
  } else {
    stryCov_9fa48("704");
    const n = trail.length;
    const last = trail[stryMutAct_9fa48("705") ? n + 1 : (stryCov_9fa48("705"), n - 1)];
    if (stryMutAct_9fa48("708") ? n === 1 || last === 'openapi' || last === 'swagger' : stryMutAct_9fa48("707") ? false : stryMutAct_9fa48("706") ? true : (stryCov_9fa48("706", "707", "708"), (stryMutAct_9fa48("710") ? n !== 1 : stryMutAct_9fa48("709") ? true : (stryCov_9fa48("709", "710"), n === 1)) && (stryMutAct_9fa48("712") ? last === 'openapi' && last === 'swagger' : stryMutAct_9fa48("711") ? true : (stryCov_9fa48("711", "712"), (stryMutAct_9fa48("714") ? last !== 'openapi' : stryMutAct_9fa48("713") ? false : (stryCov_9fa48("713", "714"), last === (stryMutAct_9fa48("715") ? "" : (stryCov_9fa48("715"), 'openapi')))) || (stryMutAct_9fa48("717") ? last !== 'swagger' : stryMutAct_9fa48("716") ? false : (stryCov_9fa48("716", "717"), last === (stryMutAct_9fa48("718") ? "" : (stryCov_9fa48("718"), 'swagger')))))))) return undefined; // the format's version, not the API's
    if (stryMutAct_9fa48("721") ? n === 2 && trail[0] === 'info' || last === 'version' : stryMutAct_9fa48("720") ? false : stryMutAct_9fa48("719") ? true : (stryCov_9fa48("719", "720", "721"), (stryMutAct_9fa48("723") ? n === 2 || trail[0] === 'info' : stryMutAct_9fa48("722") ? true : (stryCov_9fa48("722", "723"), (stryMutAct_9fa48("725") ? n !== 2 : stryMutAct_9fa48("724") ? true : (stryCov_9fa48("724", "725"), n === 2)) && (stryMutAct_9fa48("727") ? trail[0] !== 'info' : stryMutAct_9fa48("726") ? true : (stryCov_9fa48("726", "727"), trail[0] === (stryMutAct_9fa48("728") ? "" : (stryCov_9fa48("728"), 'info')))))) && (stryMutAct_9fa48("730") ? last !== 'version' : stryMutAct_9fa48("729") ? true : (stryCov_9fa48("729", "730"), last === (stryMutAct_9fa48("731") ? "" : (stryCov_9fa48("731"), 'version')))))) return stryMutAct_9fa48("732") ? "" : (stryCov_9fa48("732"), 'info.version');
    if (stryMutAct_9fa48("735") ? last === '$ref' && last === 'operationRef' : stryMutAct_9fa48("734") ? false : stryMutAct_9fa48("733") ? true : (stryCov_9fa48("733", "734", "735"), (stryMutAct_9fa48("737") ? last !== '$ref' : stryMutAct_9fa48("736") ? false : (stryCov_9fa48("736", "737"), last === (stryMutAct_9fa48("738") ? "" : (stryCov_9fa48("738"), '$ref')))) || (stryMutAct_9fa48("740") ? last !== 'operationRef' : stryMutAct_9fa48("739") ? false : (stryCov_9fa48("739", "740"), last === (stryMutAct_9fa48("741") ? "" : (stryCov_9fa48("741"), 'operationRef')))))) return stryMutAct_9fa48("742") ? "" : (stryCov_9fa48("742"), 'refs');
    if (stryMutAct_9fa48("745") ? n >= 3 && trail[n - 2] === 'mapping' || trail[n - 3] === 'discriminator' : stryMutAct_9fa48("744") ? false : stryMutAct_9fa48("743") ? true : (stryCov_9fa48("743", "744", "745"), (stryMutAct_9fa48("747") ? n >= 3 || trail[n - 2] === 'mapping' : stryMutAct_9fa48("746") ? true : (stryCov_9fa48("746", "747"), (stryMutAct_9fa48("750") ? n < 3 : stryMutAct_9fa48("749") ? n > 3 : stryMutAct_9fa48("748") ? true : (stryCov_9fa48("748", "749", "750"), n >= 3)) && (stryMutAct_9fa48("752") ? trail[n - 2] !== 'mapping' : stryMutAct_9fa48("751") ? true : (stryCov_9fa48("751", "752"), trail[stryMutAct_9fa48("753") ? n + 2 : (stryCov_9fa48("753"), n - 2)] === (stryMutAct_9fa48("754") ? "" : (stryCov_9fa48("754"), 'mapping')))))) && (stryMutAct_9fa48("756") ? trail[n - 3] !== 'discriminator' : stryMutAct_9fa48("755") ? true : (stryCov_9fa48("755", "756"), trail[stryMutAct_9fa48("757") ? n + 3 : (stryCov_9fa48("757"), n - 3)] === (stryMutAct_9fa48("758") ? "" : (stryCov_9fa48("758"), 'discriminator')))))) return stryMutAct_9fa48("759") ? "" : (stryCov_9fa48("759"), 'refs');
    if (stryMutAct_9fa48("762") ? last !== 'operationId' : stryMutAct_9fa48("761") ? false : stryMutAct_9fa48("760") ? true : (stryCov_9fa48("760", "761", "762"), last === (stryMutAct_9fa48("763") ? "" : (stryCov_9fa48("763"), 'operationId')))) return stryMutAct_9fa48("764") ? "" : (stryCov_9fa48("764"), 'operationIds');
    if (stryMutAct_9fa48("767") ? typeof last === 'number' || trail[n - 2] === 'tags' : stryMutAct_9fa48("766") ? false : stryMutAct_9fa48("765") ? true : (stryCov_9fa48("765", "766", "767"), (stryMutAct_9fa48("769") ? typeof last !== 'number' : stryMutAct_9fa48("768") ? true : (stryCov_9fa48("768", "769"), typeof last === (stryMutAct_9fa48("770") ? "" : (stryCov_9fa48("770"), 'number')))) && (stryMutAct_9fa48("772") ? trail[n - 2] !== 'tags' : stryMutAct_9fa48("771") ? true : (stryCov_9fa48("771", "772"), trail[stryMutAct_9fa48("773") ? n + 2 : (stryCov_9fa48("773"), n - 2)] === (stryMutAct_9fa48("774") ? "" : (stryCov_9fa48("774"), 'tags')))))) return stryMutAct_9fa48("775") ? "" : (stryCov_9fa48("775"), 'tags');
    if (stryMutAct_9fa48("778") ? n === 3 && trail[0] === 'tags' || last === 'name' : stryMutAct_9fa48("777") ? false : stryMutAct_9fa48("776") ? true : (stryCov_9fa48("776", "777", "778"), (stryMutAct_9fa48("780") ? n === 3 || trail[0] === 'tags' : stryMutAct_9fa48("779") ? true : (stryCov_9fa48("779", "780"), (stryMutAct_9fa48("782") ? n !== 3 : stryMutAct_9fa48("781") ? true : (stryCov_9fa48("781", "782"), n === 3)) && (stryMutAct_9fa48("784") ? trail[0] !== 'tags' : stryMutAct_9fa48("783") ? true : (stryCov_9fa48("783", "784"), trail[0] === (stryMutAct_9fa48("785") ? "" : (stryCov_9fa48("785"), 'tags')))))) && (stryMutAct_9fa48("787") ? last !== 'name' : stryMutAct_9fa48("786") ? true : (stryCov_9fa48("786", "787"), last === (stryMutAct_9fa48("788") ? "" : (stryCov_9fa48("788"), 'name')))))) return stryMutAct_9fa48("789") ? "" : (stryCov_9fa48("789"), 'tags');
    return stryMutAct_9fa48("790") ? "" : (stryCov_9fa48("790"), 'strings');
  }
}

/** Calls `visit` for every key and string value (depth first, document order). Read-only. */
export function visitStrings(doc: Json, visit: (s: string, place: MaskPlace, trail: Trail) => void): void {
  if (stryMutAct_9fa48("791")) {
    {}
  } else {
    stryCov_9fa48("791");
    const trail: (string | number)[] = stryMutAct_9fa48("792") ? ["Stryker was here"] : (stryCov_9fa48("792"), []);
    const walk = (value: Json): void => {
      if (stryMutAct_9fa48("793")) {
        {}
      } else {
        stryCov_9fa48("793");
        if (stryMutAct_9fa48("796") ? typeof value !== 'string' : stryMutAct_9fa48("795") ? false : stryMutAct_9fa48("794") ? true : (stryCov_9fa48("794", "795", "796"), typeof value === (stryMutAct_9fa48("797") ? "" : (stryCov_9fa48("797"), 'string')))) {
          if (stryMutAct_9fa48("798")) {
            {}
          } else {
            stryCov_9fa48("798");
            const place = placeOfValue(trail);
            if (stryMutAct_9fa48("801") ? place === undefined : stryMutAct_9fa48("800") ? false : stryMutAct_9fa48("799") ? true : (stryCov_9fa48("799", "800", "801"), place !== undefined)) visit(value, place, trail);
          }
        } else if (stryMutAct_9fa48("803") ? false : stryMutAct_9fa48("802") ? true : (stryCov_9fa48("802", "803"), Array.isArray(value))) {
          if (stryMutAct_9fa48("804")) {
            {}
          } else {
            stryCov_9fa48("804");
            for (let i = 0; stryMutAct_9fa48("807") ? i >= value.length : stryMutAct_9fa48("806") ? i <= value.length : stryMutAct_9fa48("805") ? false : (stryCov_9fa48("805", "806", "807"), i < value.length); stryMutAct_9fa48("808") ? i-- : (stryCov_9fa48("808"), i++)) {
              if (stryMutAct_9fa48("809")) {
                {}
              } else {
                stryCov_9fa48("809");
                trail.push(i);
                walk(value[i]);
                trail.pop();
              }
            }
          }
        } else if (stryMutAct_9fa48("812") ? value !== null || typeof value === 'object' : stryMutAct_9fa48("811") ? false : stryMutAct_9fa48("810") ? true : (stryCov_9fa48("810", "811", "812"), (stryMutAct_9fa48("814") ? value === null : stryMutAct_9fa48("813") ? true : (stryCov_9fa48("813", "814"), value !== null)) && (stryMutAct_9fa48("816") ? typeof value !== 'object' : stryMutAct_9fa48("815") ? true : (stryCov_9fa48("815", "816"), typeof value === (stryMutAct_9fa48("817") ? "" : (stryCov_9fa48("817"), 'object')))))) {
          if (stryMutAct_9fa48("818")) {
            {}
          } else {
            stryCov_9fa48("818");
            for (const key of Object.keys(value)) {
              if (stryMutAct_9fa48("819")) {
                {}
              } else {
                stryCov_9fa48("819");
                trail.push(key);
                visit(key, placeOfKey(trail), trail);
                walk(value[key]);
                trail.pop();
              }
            }
          }
        }
      }
    };
    walk(doc);
  }
}

/**
 * Returns a deep copy of `doc` with every key and string value passed through `rewrite`; with `shareUnchanged`,
 * objects and arrays with nothing rewritten inside are the input's own (copy-on-write: a masked 10 MB spec then
 * costs only the parts that carry a tag).
 * Throws SpecdriftError(conflict) when two keys of one object would become equal.
 * @param conflict names the operation in the conflict message (`masking v0.0.41 → v0.0.40`) and says what to do.
 */
export function rewriteStrings(doc: JsonObject, rewrite: (s: string, place: MaskPlace, trail: Trail) => string, conflict: {
  describe: string;
  hint: string;
}, opts: {
  shareUnchanged?: boolean;
} = {}): JsonObject {
  if (stryMutAct_9fa48("820")) {
    {}
  } else {
    stryCov_9fa48("820");
    const share = stryMutAct_9fa48("823") ? opts.shareUnchanged !== true : stryMutAct_9fa48("822") ? false : stryMutAct_9fa48("821") ? true : (stryCov_9fa48("821", "822", "823"), opts.shareUnchanged === (stryMutAct_9fa48("824") ? false : (stryCov_9fa48("824"), true)));
    const trail: (string | number)[] = stryMutAct_9fa48("825") ? ["Stryker was here"] : (stryCov_9fa48("825"), []);
    const walk = (value: Json): Json => {
      if (stryMutAct_9fa48("826")) {
        {}
      } else {
        stryCov_9fa48("826");
        if (stryMutAct_9fa48("829") ? typeof value !== 'string' : stryMutAct_9fa48("828") ? false : stryMutAct_9fa48("827") ? true : (stryCov_9fa48("827", "828", "829"), typeof value === (stryMutAct_9fa48("830") ? "" : (stryCov_9fa48("830"), 'string')))) {
          if (stryMutAct_9fa48("831")) {
            {}
          } else {
            stryCov_9fa48("831");
            const place = placeOfValue(trail);
            return (stryMutAct_9fa48("834") ? place !== undefined : stryMutAct_9fa48("833") ? false : stryMutAct_9fa48("832") ? true : (stryCov_9fa48("832", "833", "834"), place === undefined)) ? value : rewrite(value, place, trail);
          }
        }
        if (stryMutAct_9fa48("836") ? false : stryMutAct_9fa48("835") ? true : (stryCov_9fa48("835", "836"), Array.isArray(value))) {
          if (stryMutAct_9fa48("837")) {
            {}
          } else {
            stryCov_9fa48("837");
            let out: Json[] | undefined = share ? undefined : stryMutAct_9fa48("838") ? new Array() : (stryCov_9fa48("838"), new Array(value.length));
            for (let i = 0; stryMutAct_9fa48("841") ? i >= value.length : stryMutAct_9fa48("840") ? i <= value.length : stryMutAct_9fa48("839") ? false : (stryCov_9fa48("839", "840", "841"), i < value.length); stryMutAct_9fa48("842") ? i-- : (stryCov_9fa48("842"), i++)) {
              if (stryMutAct_9fa48("843")) {
                {}
              } else {
                stryCov_9fa48("843");
                trail.push(i);
                const copy = walk(value[i]);
                trail.pop();
                if (stryMutAct_9fa48("846") ? out !== undefined : stryMutAct_9fa48("845") ? false : stryMutAct_9fa48("844") ? true : (stryCov_9fa48("844", "845", "846"), out === undefined)) {
                  if (stryMutAct_9fa48("847")) {
                    {}
                  } else {
                    stryCov_9fa48("847");
                    if (stryMutAct_9fa48("850") ? copy !== value[i] : stryMutAct_9fa48("849") ? false : stryMutAct_9fa48("848") ? true : (stryCov_9fa48("848", "849", "850"), copy === value[i])) continue;
                    out = stryMutAct_9fa48("851") ? value : (stryCov_9fa48("851"), value.slice(0, i)); // the first change: copy what came before it
                  }
                }
                out[i] = copy;
              }
            }
            return stryMutAct_9fa48("852") ? out && value : (stryCov_9fa48("852"), out ?? value);
          }
        }
        if (stryMutAct_9fa48("855") ? value !== null || typeof value === 'object' : stryMutAct_9fa48("854") ? false : stryMutAct_9fa48("853") ? true : (stryCov_9fa48("853", "854", "855"), (stryMutAct_9fa48("857") ? value === null : stryMutAct_9fa48("856") ? true : (stryCov_9fa48("856", "857"), value !== null)) && (stryMutAct_9fa48("859") ? typeof value !== 'object' : stryMutAct_9fa48("858") ? true : (stryCov_9fa48("858", "859"), typeof value === (stryMutAct_9fa48("860") ? "" : (stryCov_9fa48("860"), 'object')))))) {
          if (stryMutAct_9fa48("861")) {
            {}
          } else {
            stryCov_9fa48("861");
            let out: JsonObject | undefined = share ? undefined : {};
            let renamedFrom: Map<string, string> | undefined; // new key → original key, for the conflict message
            const keys = Object.keys(value);
            for (let k = 0; stryMutAct_9fa48("864") ? k >= keys.length : stryMutAct_9fa48("863") ? k <= keys.length : stryMutAct_9fa48("862") ? false : (stryCov_9fa48("862", "863", "864"), k < keys.length); stryMutAct_9fa48("865") ? k-- : (stryCov_9fa48("865"), k++)) {
              if (stryMutAct_9fa48("866")) {
                {}
              } else {
                stryCov_9fa48("866");
                const key = keys[k];
                trail.push(key);
                const newKey = rewrite(key, placeOfKey(trail), trail);
                // Shared so far means nothing changed before this key (so no clash either: input keys are unique).
                if (stryMutAct_9fa48("869") ? out === undefined || newKey !== key : stryMutAct_9fa48("868") ? false : stryMutAct_9fa48("867") ? true : (stryCov_9fa48("867", "868", "869"), (stryMutAct_9fa48("871") ? out !== undefined : stryMutAct_9fa48("870") ? true : (stryCov_9fa48("870", "871"), out === undefined)) && (stryMutAct_9fa48("873") ? newKey === key : stryMutAct_9fa48("872") ? true : (stryCov_9fa48("872", "873"), newKey !== key)))) out = copyFirst(value, keys, k);
                // input keys are unique, so a clash needs a rewritten key: with an earlier key or an earlier rewrite
                if (stryMutAct_9fa48("876") ? out !== undefined || Object.hasOwn(out, newKey) : stryMutAct_9fa48("875") ? false : stryMutAct_9fa48("874") ? true : (stryCov_9fa48("874", "875", "876"), (stryMutAct_9fa48("878") ? out === undefined : stryMutAct_9fa48("877") ? true : (stryCov_9fa48("877", "878"), out !== undefined)) && Object.hasOwn(out, newKey))) {
                  if (stryMutAct_9fa48("879")) {
                    {}
                  } else {
                    stryCov_9fa48("879");
                    const clash = stryMutAct_9fa48("880") ? renamedFrom?.get(newKey) && newKey : (stryCov_9fa48("880"), (stryMutAct_9fa48("881") ? renamedFrom.get(newKey) : (stryCov_9fa48("881"), renamedFrom?.get(newKey))) ?? newKey);
                    trail.pop();
                    throw new SpecdriftError(stryMutAct_9fa48("882") ? `` : (stryCov_9fa48("882"), `${conflict.describe} would merge keys "${clash}" and "${key}" into "${newKey}" at ${stryMutAct_9fa48("885") ? toPointer(trail) && '/' : stryMutAct_9fa48("884") ? false : stryMutAct_9fa48("883") ? true : (stryCov_9fa48("883", "884", "885"), toPointer(trail) || (stryMutAct_9fa48("886") ? "" : (stryCov_9fa48("886"), '/')))}`), ExitCode.conflict, stryMutAct_9fa48("887") ? {} : (stryCov_9fa48("887"), {
                      hint: conflict.hint
                    }));
                  }
                }
                if (stryMutAct_9fa48("890") ? newKey === key : stryMutAct_9fa48("889") ? false : stryMutAct_9fa48("888") ? true : (stryCov_9fa48("888", "889", "890"), newKey !== key)) (stryMutAct_9fa48("891") ? renamedFrom &&= new Map() : (stryCov_9fa48("891"), renamedFrom ??= new Map())).set(newKey, key);
                const copy = walk(value[key]);
                if (stryMutAct_9fa48("894") ? out !== undefined : stryMutAct_9fa48("893") ? false : stryMutAct_9fa48("892") ? true : (stryCov_9fa48("892", "893", "894"), out === undefined)) {
                  if (stryMutAct_9fa48("895")) {
                    {}
                  } else {
                    stryCov_9fa48("895");
                    if (stryMutAct_9fa48("898") ? copy !== value[key] : stryMutAct_9fa48("897") ? false : stryMutAct_9fa48("896") ? true : (stryCov_9fa48("896", "897", "898"), copy === value[key])) {
                      if (stryMutAct_9fa48("899")) {
                        {}
                      } else {
                        stryCov_9fa48("899");
                        trail.pop();
                        continue;
                      }
                    }
                    out = copyFirst(value, keys, k);
                  }
                }
                setKey(out, newKey, copy);
                trail.pop();
              }
            }
            return stryMutAct_9fa48("900") ? out && value : (stryCov_9fa48("900"), out ?? value);
          }
        }
        return value;
      }
    };
    return walk(doc) as JsonObject;
  }
}

/** A new object with the first `count` of `keys` of `value`, unchanged. */
function copyFirst(value: JsonObject, keys: readonly string[], count: number): JsonObject {
  if (stryMutAct_9fa48("901")) {
    {}
  } else {
    stryCov_9fa48("901");
    const out: JsonObject = {};
    for (let j = 0; stryMutAct_9fa48("904") ? j >= count : stryMutAct_9fa48("903") ? j <= count : stryMutAct_9fa48("902") ? false : (stryCov_9fa48("902", "903", "904"), j < count); stryMutAct_9fa48("905") ? j-- : (stryCov_9fa48("905"), j++)) setKey(out, keys[j], value[keys[j]]);
    return out;
  }
}

/** `out[key] = value`, also for "__proto__" (assigning that would set the prototype instead of adding a key). */
function setKey(out: JsonObject, key: string, value: Json): void {
  if (stryMutAct_9fa48("906")) {
    {}
  } else {
    stryCov_9fa48("906");
    if (stryMutAct_9fa48("909") ? key !== '__proto__' : stryMutAct_9fa48("908") ? false : stryMutAct_9fa48("907") ? true : (stryCov_9fa48("907", "908", "909"), key === (stryMutAct_9fa48("910") ? "" : (stryCov_9fa48("910"), '__proto__')))) Object.defineProperty(out, key, stryMutAct_9fa48("911") ? {} : (stryCov_9fa48("911"), {
      value,
      enumerable: stryMutAct_9fa48("912") ? false : (stryCov_9fa48("912"), true),
      writable: stryMutAct_9fa48("913") ? false : (stryCov_9fa48("913"), true),
      configurable: stryMutAct_9fa48("914") ? false : (stryCov_9fa48("914"), true)
    }));else out[key] = value;
  }
}