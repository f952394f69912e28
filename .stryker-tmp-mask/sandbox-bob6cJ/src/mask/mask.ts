/**
 * Masking rewrites one version's tags into another's; stripping removes tags altogether.
 * Both work on the parsed document (raw slurmrestd JSON escapes `/` as `\/`, so text tools miss
 * tags) and return a new document plus a report of what was rewritten where.
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
  forms: {
    spelling: string;
    form: TagForm;
    count: number;
    replacement?: string;
  }[];
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
export const DEFAULT_STRIP_PLACEHOLDER = stryMutAct_9fa48("186") ? "" : (stryCov_9fa48("186"), 'vX');

/** Counts rewritten tags by spelling and place. */
class Tally {
  private readonly forms = new Map<string, {
    spelling: string;
    form: TagForm;
    count: number;
    replacement?: string;
  }>();
  private readonly places = Object.fromEntries(MASK_PLACES.map(p => [p, 0])) as Record<MaskPlace, number>;
  private total = 0;
  add(t: TagMatch, place: MaskPlace, replacement?: string): void {
    if (stryMutAct_9fa48("187")) {
      {}
    } else {
      stryCov_9fa48("187");
      let entry = this.forms.get(t.text);
      if (stryMutAct_9fa48("190") ? entry !== undefined : stryMutAct_9fa48("189") ? false : stryMutAct_9fa48("188") ? true : (stryCov_9fa48("188", "189", "190"), entry === undefined)) {
        if (stryMutAct_9fa48("191")) {
          {}
        } else {
          stryCov_9fa48("191");
          entry = stryMutAct_9fa48("192") ? {} : (stryCov_9fa48("192"), {
            spelling: t.text,
            form: t.form,
            count: 0,
            ...((stryMutAct_9fa48("195") ? replacement === undefined : stryMutAct_9fa48("194") ? false : stryMutAct_9fa48("193") ? true : (stryCov_9fa48("193", "194", "195"), replacement !== undefined)) ? stryMutAct_9fa48("196") ? {} : (stryCov_9fa48("196"), {
              replacement
            }) : {})
          });
          this.forms.set(t.text, entry);
        }
      }
      stryMutAct_9fa48("197") ? entry.count-- : (stryCov_9fa48("197"), entry.count++);
      stryMutAct_9fa48("198") ? this.places[place]-- : (stryCov_9fa48("198"), this.places[place]++);
      stryMutAct_9fa48("199") ? this.total-- : (stryCov_9fa48("199"), this.total++);
    }
  }
  report(fields: Pick<MaskReport, 'operation' | 'from' | 'to' | 'versions' | 'placeholder'>): MaskReport {
    if (stryMutAct_9fa48("200")) {
      {}
    } else {
      stryCov_9fa48("200");
      const forms = stryMutAct_9fa48("201") ? [...this.forms.values()] : (stryCov_9fa48("201"), (stryMutAct_9fa48("202") ? [] : (stryCov_9fa48("202"), [...this.forms.values()])).sort(stryMutAct_9fa48("203") ? () => undefined : (stryCov_9fa48("203"), (a, b) => stryMutAct_9fa48("206") ? b.count - a.count && a.spelling.localeCompare(b.spelling) : stryMutAct_9fa48("205") ? false : stryMutAct_9fa48("204") ? true : (stryCov_9fa48("204", "205", "206"), (stryMutAct_9fa48("207") ? b.count + a.count : (stryCov_9fa48("207"), b.count - a.count)) || a.spelling.localeCompare(b.spelling)))));
      return stryMutAct_9fa48("208") ? {} : (stryCov_9fa48("208"), {
        ...fields,
        total: this.total,
        forms,
        places: stryMutAct_9fa48("209") ? {} : (stryCov_9fa48("209"), {
          ...this.places
        })
      });
    }
  }
}
const displayVersion = stryMutAct_9fa48("210") ? () => undefined : (stryCov_9fa48("210"), (() => {
  const displayVersion = (v: string) => stryMutAct_9fa48("211") ? `` : (stryCov_9fa48("211"), `v${v}`);
  return displayVersion;
})());

/**
 * A quick test that rules out most strings before the tag regex runs: every form of a version
 * (`v0.0.41`, `v0_0_41`, `v0041`, `0.0.41`) contains its patch number as written (`41`).
 */
function mayHoldTagOf(versions: string[]): (s: string) => boolean {
  if (stryMutAct_9fa48("212")) {
    {}
  } else {
    stryCov_9fa48("212");
    const needles = stryMutAct_9fa48("213") ? [] : (stryCov_9fa48("213"), [...new Set(versions.map(stryMutAct_9fa48("214") ? () => undefined : (stryCov_9fa48("214"), v => String(versionParts(v).patch))))]);
    return (stryMutAct_9fa48("217") ? needles.length !== 1 : stryMutAct_9fa48("216") ? false : stryMutAct_9fa48("215") ? true : (stryCov_9fa48("215", "216", "217"), needles.length === 1)) ? stryMutAct_9fa48("218") ? () => undefined : (stryCov_9fa48("218"), s => s.includes(needles[0])) : stryMutAct_9fa48("219") ? () => undefined : (stryCov_9fa48("219"), s => stryMutAct_9fa48("220") ? needles.every(n => s.includes(n)) : (stryCov_9fa48("220"), needles.some(stryMutAct_9fa48("221") ? () => undefined : (stryCov_9fa48("221"), n => s.includes(n)))));
  }
}

/**
 * Rewrites every tag of version `from` into `to`, in every form and place, keeping the prefix
 * (`v`/`V`/`dbv`) and form of each occurrence. Does not touch the root `openapi`/`swagger` field.
 * Throws SpecdriftError(usage) for an unparsable version, SpecdriftError(conflict) when two keys
 * of one object would collide or `to` cannot be written in a form the document uses.
 */
export function maskDocument(doc: JsonObject, opts: MaskOptions): {
  doc: JsonObject;
  report: MaskReport;
} {
  if (stryMutAct_9fa48("222")) {
    {}
  } else {
    stryCov_9fa48("222");
    const from = parseVersionTag(opts.from, stryMutAct_9fa48("223") ? "" : (stryCov_9fa48("223"), '--from'));
    const to = parseVersionTag(opts.to, stryMutAct_9fa48("224") ? "" : (stryCov_9fa48("224"), '--to'));
    const tally = new Tally();
    const reportFields = stryMutAct_9fa48("225") ? {} : (stryCov_9fa48("225"), {
      operation: 'mask' as const,
      from,
      to,
      versions: stryMutAct_9fa48("226") ? [] : (stryCov_9fa48("226"), [from])
    });
    if (stryMutAct_9fa48("229") ? from !== to : stryMutAct_9fa48("228") ? false : stryMutAct_9fa48("227") ? true : (stryCov_9fa48("227", "228", "229"), from === to)) return stryMutAct_9fa48("230") ? {} : (stryCov_9fa48("230"), {
      doc: structuredClone(doc),
      report: tally.report(reportFields)
    });
    const bodies: Record<TagForm, string | undefined> = stryMutAct_9fa48("231") ? {} : (stryCov_9fa48("231"), {
      dotted: formatBody(to, stryMutAct_9fa48("232") ? "" : (stryCov_9fa48("232"), 'dotted')),
      underscore: formatBody(to, stryMutAct_9fa48("233") ? "" : (stryCov_9fa48("233"), 'underscore')),
      compact: formatBody(to, stryMutAct_9fa48("234") ? "" : (stryCov_9fa48("234"), 'compact')),
      bare: formatBody(to, stryMutAct_9fa48("235") ? "" : (stryCov_9fa48("235"), 'bare'))
    });
    const maskTag = (t: TagMatch, place: MaskPlace, trail: Trail): TagReplacement | undefined => {
      if (stryMutAct_9fa48("236")) {
        {}
      } else {
        stryCov_9fa48("236");
        if (stryMutAct_9fa48("239") ? t.version === from : stryMutAct_9fa48("238") ? false : stryMutAct_9fa48("237") ? true : (stryCov_9fa48("237", "238", "239"), t.version !== from)) return undefined;
        const body = bodies[t.form];
        if (stryMutAct_9fa48("242") ? body !== undefined : stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241", "242"), body === undefined)) {
          if (stryMutAct_9fa48("243")) {
            {}
          } else {
            stryCov_9fa48("243");
            throw new SpecdriftError(stryMutAct_9fa48("244") ? `` : (stryCov_9fa48("244"), `cannot mask ${t.text} at ${stryMutAct_9fa48("247") ? toPointer(trail) && '/' : stryMutAct_9fa48("246") ? false : stryMutAct_9fa48("245") ? true : (stryCov_9fa48("245", "246", "247"), toPointer(trail) || (stryMutAct_9fa48("248") ? "" : (stryCov_9fa48("248"), '/')))}: ${displayVersion(to)} has no 4-digit compact form`), ExitCode.conflict, stryMutAct_9fa48("249") ? {} : (stryCov_9fa48("249"), {
              hint: stryMutAct_9fa48("250") ? "" : (stryCov_9fa48("250"), 'compact tags (v0041) need a one-digit major and minor and a patch below 100; use --strip instead')
            }));
          }
        }
        const text = stryMutAct_9fa48("251") ? t.db + t.v - body : (stryCov_9fa48("251"), (stryMutAct_9fa48("252") ? t.db - t.v : (stryCov_9fa48("252"), t.db + t.v)) + body);
        tally.add(t, place, text);
        return stryMutAct_9fa48("253") ? {} : (stryCov_9fa48("253"), {
          text
        });
      }
    };
    const mayHold = mayHoldTagOf(stryMutAct_9fa48("254") ? [] : (stryCov_9fa48("254"), [from]));
    const rewrite = stryMutAct_9fa48("255") ? () => undefined : (stryCov_9fa48("255"), (() => {
      const rewrite = (s: string, place: MaskPlace, trail: Trail) => mayHold(s) ? replaceTags(s, stryMutAct_9fa48("256") ? () => undefined : (stryCov_9fa48("256"), t => maskTag(t, place, trail))) : s;
      return rewrite;
    })());
    const masked = rewriteStrings(doc, rewrite, stryMutAct_9fa48("257") ? {} : (stryCov_9fa48("257"), {
      describe: stryMutAct_9fa48("258") ? `` : (stryCov_9fa48("258"), `masking ${displayVersion(from)} → ${displayVersion(to)}`),
      hint: stryMutAct_9fa48("259") ? `` : (stryCov_9fa48("259"), `the document already has ${displayVersion(to)} names: slice it to one version first, or mask to a version it does not contain`)
    }), stryMutAct_9fa48("260") ? {} : (stryCov_9fa48("260"), {
      shareUnchanged: stryMutAct_9fa48("263") ? opts.shareUnchanged !== true : stryMutAct_9fa48("262") ? false : stryMutAct_9fa48("261") ? true : (stryCov_9fa48("261", "262", "263"), opts.shareUnchanged === (stryMutAct_9fa48("264") ? false : (stryCov_9fa48("264"), true)))
    }));
    return stryMutAct_9fa48("265") ? {} : (stryCov_9fa48("265"), {
      doc: masked,
      report: tally.report(reportFields)
    });
  }
}
const isAlnum = stryMutAct_9fa48("266") ? () => undefined : (stryCov_9fa48("266"), (() => {
  const isAlnum = (c: string | undefined) => stryMutAct_9fa48("269") ? c !== undefined || /^[A-Za-z0-9]$/.test(c) : stryMutAct_9fa48("268") ? false : stryMutAct_9fa48("267") ? true : (stryCov_9fa48("267", "268", "269"), (stryMutAct_9fa48("271") ? c === undefined : stryMutAct_9fa48("270") ? true : (stryCov_9fa48("270", "271"), c !== undefined)) && (stryMutAct_9fa48("274") ? /^[^A-Za-z0-9]$/ : stryMutAct_9fa48("273") ? /^[A-Za-z0-9]/ : stryMutAct_9fa48("272") ? /[A-Za-z0-9]$/ : (stryCov_9fa48("272", "273", "274"), /^[A-Za-z0-9]$/)).test(c));
  return isAlnum;
})());
const isDigit = stryMutAct_9fa48("275") ? () => undefined : (stryCov_9fa48("275"), (() => {
  const isDigit = (c: string | undefined) => stryMutAct_9fa48("278") ? c !== undefined && c >= '0' || c <= '9' : stryMutAct_9fa48("277") ? false : stryMutAct_9fa48("276") ? true : (stryCov_9fa48("276", "277", "278"), (stryMutAct_9fa48("280") ? c !== undefined || c >= '0' : stryMutAct_9fa48("279") ? true : (stryCov_9fa48("279", "280"), (stryMutAct_9fa48("282") ? c === undefined : stryMutAct_9fa48("281") ? true : (stryCov_9fa48("281", "282"), c !== undefined)) && (stryMutAct_9fa48("285") ? c < '0' : stryMutAct_9fa48("284") ? c > '0' : stryMutAct_9fa48("283") ? true : (stryCov_9fa48("283", "284", "285"), c >= (stryMutAct_9fa48("286") ? "" : (stryCov_9fa48("286"), '0')))))) && (stryMutAct_9fa48("289") ? c > '9' : stryMutAct_9fa48("288") ? c < '9' : stryMutAct_9fa48("287") ? true : (stryCov_9fa48("287", "288", "289"), c <= (stryMutAct_9fa48("290") ? "" : (stryCov_9fa48("290"), '9')))));
  return isDigit;
})());
/** Characters that join a tag to the rest of a name: `v0.0.41_job`, `slurm_v0041_get`, `slurm-v0.0.41`. */
const isJoiner = stryMutAct_9fa48("291") ? () => undefined : (stryCov_9fa48("291"), (() => {
  const isJoiner = (c: string | undefined) => stryMutAct_9fa48("294") ? c === '_' && c === '-' : stryMutAct_9fa48("293") ? false : stryMutAct_9fa48("292") ? true : (stryCov_9fa48("292", "293", "294"), (stryMutAct_9fa48("296") ? c !== '_' : stryMutAct_9fa48("295") ? false : (stryCov_9fa48("295", "296"), c === (stryMutAct_9fa48("297") ? "" : (stryCov_9fa48("297"), '_')))) || (stryMutAct_9fa48("299") ? c !== '-' : stryMutAct_9fa48("298") ? false : (stryCov_9fa48("298", "299"), c === (stryMutAct_9fa48("300") ? "" : (stryCov_9fa48("300"), '-')))));
  return isJoiner;
})());
const followsEscapedSlash = stryMutAct_9fa48("301") ? () => undefined : (stryCov_9fa48("301"), (() => {
  const followsEscapedSlash = (s: string, i: number) => stryMutAct_9fa48("304") ? (s.startsWith('~1', i - 2) || s.startsWith('%2F', i - 3)) && s.startsWith('%2f', i - 3) : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304"), (stryMutAct_9fa48("306") ? s.startsWith('~1', i - 2) && s.startsWith('%2F', i - 3) : stryMutAct_9fa48("305") ? false : (stryCov_9fa48("305", "306"), (stryMutAct_9fa48("307") ? s.endsWith('~1', i - 2) : (stryCov_9fa48("307"), s.startsWith(stryMutAct_9fa48("308") ? "" : (stryCov_9fa48("308"), '~1'), stryMutAct_9fa48("309") ? i + 2 : (stryCov_9fa48("309"), i - 2)))) || (stryMutAct_9fa48("310") ? s.endsWith('%2F', i - 3) : (stryCov_9fa48("310"), s.startsWith(stryMutAct_9fa48("311") ? "" : (stryCov_9fa48("311"), '%2F'), stryMutAct_9fa48("312") ? i + 3 : (stryCov_9fa48("312"), i - 3)))))) || (stryMutAct_9fa48("313") ? s.endsWith('%2f', i - 3) : (stryCov_9fa48("313"), s.startsWith(stryMutAct_9fa48("314") ? "" : (stryCov_9fa48("314"), '%2f'), stryMutAct_9fa48("315") ? i + 3 : (stryCov_9fa48("315"), i - 3)))));
  return followsEscapedSlash;
})());

/**
 * How stripping rewrites one tag occurrence:
 * - a tag that is part of a name loses itself and one joining `_`/`-`: `v0.0.41_job` → `job`,
 *   `slurm_v0041_get_jobs` → `slurm_get_jobs`, `V0041Job` → `Job`; a `dbv` tag keeps its `db`
 *   so slurmdbd names stay distinct: `dbv0.0.41_diag` → `db_diag`;
 * - a standalone tag (path segment, whole value, word in prose) and every bare version becomes
 *   the placeholder: `/slurm/v0.0.41/jobs` → `/slurm/vX/jobs`, `dbv0.0.41` → `dbvX`.
 */
function stripReplacement(t: TagMatch, s: string, placeholder: string): TagReplacement {
  if (stryMutAct_9fa48("316")) {
    {}
  } else {
    stryCov_9fa48("316");
    if (stryMutAct_9fa48("319") ? t.form !== 'bare' : stryMutAct_9fa48("318") ? false : stryMutAct_9fa48("317") ? true : (stryCov_9fa48("317", "318", "319"), t.form === (stryMutAct_9fa48("320") ? "" : (stryCov_9fa48("320"), 'bare')))) return stryMutAct_9fa48("321") ? {} : (stryCov_9fa48("321"), {
      text: placeholder
    });
    const start = t.index;
    const end = stryMutAct_9fa48("322") ? t.index - t.text.length : (stryCov_9fa48("322"), t.index + t.text.length);
    const attachedRight = stryMutAct_9fa48("325") ? isAlnum(s[end]) && isJoiner(s[end]) && isAlnum(s[end + 1]) : stryMutAct_9fa48("324") ? false : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324", "325"), isAlnum(s[end]) || (stryMutAct_9fa48("327") ? isJoiner(s[end]) || isAlnum(s[end + 1]) : stryMutAct_9fa48("326") ? false : (stryCov_9fa48("326", "327"), isJoiner(s[end]) && isAlnum(s[stryMutAct_9fa48("328") ? end - 1 : (stryCov_9fa48("328"), end + 1)]))));
    const attachedLeft = stryMutAct_9fa48("331") ? !followsEscapedSlash(s, start) || isAlnum(s[start - 1]) || isJoiner(s[start - 1]) && isAlnum(s[start - 2]) : stryMutAct_9fa48("330") ? false : stryMutAct_9fa48("329") ? true : (stryCov_9fa48("329", "330", "331"), (stryMutAct_9fa48("332") ? followsEscapedSlash(s, start) : (stryCov_9fa48("332"), !followsEscapedSlash(s, start))) && (stryMutAct_9fa48("334") ? isAlnum(s[start - 1]) && isJoiner(s[start - 1]) && isAlnum(s[start - 2]) : stryMutAct_9fa48("333") ? true : (stryCov_9fa48("333", "334"), isAlnum(s[stryMutAct_9fa48("335") ? start + 1 : (stryCov_9fa48("335"), start - 1)]) || (stryMutAct_9fa48("337") ? isJoiner(s[start - 1]) || isAlnum(s[start - 2]) : stryMutAct_9fa48("336") ? false : (stryCov_9fa48("336", "337"), isJoiner(s[stryMutAct_9fa48("338") ? start + 1 : (stryCov_9fa48("338"), start - 1)]) && isAlnum(s[stryMutAct_9fa48("339") ? start + 2 : (stryCov_9fa48("339"), start - 2)]))))));
    if (stryMutAct_9fa48("342") ? !attachedRight || !attachedLeft : stryMutAct_9fa48("341") ? false : stryMutAct_9fa48("340") ? true : (stryCov_9fa48("340", "341", "342"), (stryMutAct_9fa48("343") ? attachedRight : (stryCov_9fa48("343"), !attachedRight)) && (stryMutAct_9fa48("344") ? attachedLeft : (stryCov_9fa48("344"), !attachedLeft)))) return stryMutAct_9fa48("345") ? {} : (stryCov_9fa48("345"), {
      text: stryMutAct_9fa48("346") ? t.db - placeholder : (stryCov_9fa48("346"), t.db + placeholder)
    });
    if (stryMutAct_9fa48("348") ? false : stryMutAct_9fa48("347") ? true : (stryCov_9fa48("347", "348"), t.db)) return stryMutAct_9fa48("349") ? {} : (stryCov_9fa48("349"), {
      text: stryMutAct_9fa48("350") ? "" : (stryCov_9fa48("350"), 'db')
    });
    if (stryMutAct_9fa48("353") ? attachedRight || !(isJoiner(s[end]) && isDigit(s[end + 1])) : stryMutAct_9fa48("352") ? false : stryMutAct_9fa48("351") ? true : (stryCov_9fa48("351", "352", "353"), attachedRight && (stryMutAct_9fa48("354") ? isJoiner(s[end]) && isDigit(s[end + 1]) : (stryCov_9fa48("354"), !(stryMutAct_9fa48("357") ? isJoiner(s[end]) || isDigit(s[end + 1]) : stryMutAct_9fa48("356") ? false : stryMutAct_9fa48("355") ? true : (stryCov_9fa48("355", "356", "357"), isJoiner(s[end]) && isDigit(s[stryMutAct_9fa48("358") ? end - 1 : (stryCov_9fa48("358"), end + 1)]))))))) return stryMutAct_9fa48("359") ? {} : (stryCov_9fa48("359"), {
      text: stryMutAct_9fa48("360") ? "Stryker was here!" : (stryCov_9fa48("360"), ''),
      eatRight: isJoiner(s[end])
    });
    // attached on the left only, or its right joiner precedes a digit (eating that joiner could glue
    // numbers into a new tag: `1.2.v0.0.41-3` → `1.2.3`): eat the left joiner, if any
    return stryMutAct_9fa48("361") ? {} : (stryCov_9fa48("361"), {
      text: stryMutAct_9fa48("362") ? "Stryker was here!" : (stryCov_9fa48("362"), ''),
      eatLeft: isJoiner(s[stryMutAct_9fa48("363") ? start + 1 : (stryCov_9fa48("363"), start - 1)])
    });
  }
}

/** Rejects placeholders that would change path depth, break JSON-pointer/URL escaping, or make a tag. */
function checkPlaceholder(placeholder: string): void {
  if (stryMutAct_9fa48("364")) {
    {}
  } else {
    stryCov_9fa48("364");
    // digits are refused so that the placeholder can never form a version with the text around it
    if (stryMutAct_9fa48("367") ? placeholder === '' && /[/~%\s0-9]/.test(placeholder) : stryMutAct_9fa48("366") ? false : stryMutAct_9fa48("365") ? true : (stryCov_9fa48("365", "366", "367"), (stryMutAct_9fa48("369") ? placeholder !== '' : stryMutAct_9fa48("368") ? false : (stryCov_9fa48("368", "369"), placeholder === (stryMutAct_9fa48("370") ? "Stryker was here!" : (stryCov_9fa48("370"), '')))) || (stryMutAct_9fa48("372") ? /[/~%\S0-9]/ : stryMutAct_9fa48("371") ? /[^/~%\s0-9]/ : (stryCov_9fa48("371", "372"), /[/~%\s0-9]/)).test(placeholder))) {
      if (stryMutAct_9fa48("373")) {
        {}
      } else {
        stryCov_9fa48("373");
        throw usageError(stryMutAct_9fa48("374") ? `` : (stryCov_9fa48("374"), `--placeholder: "${placeholder}" cannot stand in for a version tag`), stryMutAct_9fa48("375") ? "" : (stryCov_9fa48("375"), 'use a non-empty text without "/", "~", "%", spaces or digits, e.g. vX'));
      }
    }
  }
}

/**
 * Removes version tags: from names (`v0.0.40_job` → `job`, `slurm_v0040_get_jobs` → `slurm_get_jobs`)
 * and replaces standalone ones with the placeholder (`/slurm/v0.0.40/jobs` → `/slurm/vX/jobs`).
 * Throws SpecdriftError(conflict) when two keys of one object would collide (e.g. a document
 * holding both v0.0.40 and v0.0.41 schemas: strip one version at a time with `versions`, or slice first).
 */
export function stripDocument(doc: JsonObject, opts: StripOptions = {}): {
  doc: JsonObject;
  report: MaskReport;
} {
  if (stryMutAct_9fa48("376")) {
    {}
  } else {
    stryCov_9fa48("376");
    const placeholder = stryMutAct_9fa48("377") ? opts.placeholder && DEFAULT_STRIP_PLACEHOLDER : (stryCov_9fa48("377"), opts.placeholder ?? DEFAULT_STRIP_PLACEHOLDER);
    checkPlaceholder(placeholder);
    const versions = (stryMutAct_9fa48("380") ? opts.versions === undefined : stryMutAct_9fa48("379") ? false : stryMutAct_9fa48("378") ? true : (stryCov_9fa48("378", "379", "380"), opts.versions !== undefined)) ? stryMutAct_9fa48("381") ? [] : (stryCov_9fa48("381"), [...new Set(opts.versions.map(stryMutAct_9fa48("382") ? () => undefined : (stryCov_9fa48("382"), v => parseVersionTag(v, stryMutAct_9fa48("383") ? "" : (stryCov_9fa48("383"), '--strip')))))]) : detectVersionTags(doc).map(stryMutAct_9fa48("384") ? () => undefined : (stryCov_9fa48("384"), t => t.version));
    const wanted = new Set(versions);
    const tally = new Tally();
    const stripTag = (t: TagMatch, whole: string, place: MaskPlace): TagReplacement | undefined => {
      if (stryMutAct_9fa48("385")) {
        {}
      } else {
        stryCov_9fa48("385");
        if (stryMutAct_9fa48("388") ? false : stryMutAct_9fa48("387") ? true : stryMutAct_9fa48("386") ? wanted.has(t.version) : (stryCov_9fa48("386", "387", "388"), !wanted.has(t.version))) return undefined;
        tally.add(t, place);
        return stripReplacement(t, whole, placeholder);
      }
    };
    const mayHold = mayHoldTagOf(versions);
    const rewrite = stryMutAct_9fa48("389") ? () => undefined : (stryCov_9fa48("389"), (() => {
      const rewrite = (s: string, place: MaskPlace) => mayHold(s) ? replaceTags(s, stryMutAct_9fa48("390") ? () => undefined : (stryCov_9fa48("390"), (t, whole) => stripTag(t, whole, place))) : s;
      return rewrite;
    })());
    const names = stryMutAct_9fa48("393") ? versions.map(displayVersion).join(', ') && 'no version' : stryMutAct_9fa48("392") ? false : stryMutAct_9fa48("391") ? true : (stryCov_9fa48("391", "392", "393"), versions.map(displayVersion).join(stryMutAct_9fa48("394") ? "" : (stryCov_9fa48("394"), ', ')) || (stryMutAct_9fa48("395") ? "" : (stryCov_9fa48("395"), 'no version')));
    const stripped = (stryMutAct_9fa48("398") ? versions.length !== 0 : stryMutAct_9fa48("397") ? false : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397", "398"), versions.length === 0)) ? structuredClone(doc) : rewriteStrings(doc, rewrite, stryMutAct_9fa48("399") ? {} : (stryCov_9fa48("399"), {
      describe: stryMutAct_9fa48("400") ? `` : (stryCov_9fa48("400"), `stripping ${names}`),
      hint: (stryMutAct_9fa48("404") ? versions.length <= 1 : stryMutAct_9fa48("403") ? versions.length >= 1 : stryMutAct_9fa48("402") ? false : stryMutAct_9fa48("401") ? true : (stryCov_9fa48("401", "402", "403", "404"), versions.length > 1)) ? stryMutAct_9fa48("405") ? "" : (stryCov_9fa48("405"), 'the document holds several versions: slice it to one version first, or strip only one of them') : stryMutAct_9fa48("406") ? "" : (stryCov_9fa48("406"), 'the document already has that name without a version tag: mask to another version instead of stripping')
    }));
    return stryMutAct_9fa48("407") ? {} : (stryCov_9fa48("407"), {
      doc: stripped,
      report: tally.report(stryMutAct_9fa48("408") ? {} : (stryCov_9fa48("408"), {
        operation: stryMutAct_9fa48("409") ? "" : (stryCov_9fa48("409"), 'strip'),
        versions,
        placeholder
      }))
    });
  }
}

/**
 * One text (a `--select` expression, a name) with every tag of `from` rewritten to `to` in its own form, as
 * maskDocument rewrites the document; a tag that `to` cannot be written in is left as it was.
 */
export function maskText(text: string, from: string, to: string): string {
  if (stryMutAct_9fa48("410")) {
    {}
  } else {
    stryCov_9fa48("410");
    const f = parseVersionTag(from, stryMutAct_9fa48("411") ? "" : (stryCov_9fa48("411"), '--from'));
    const t = parseVersionTag(to, stryMutAct_9fa48("412") ? "" : (stryCov_9fa48("412"), '--to'));
    return replaceTags(text, tag => {
      if (stryMutAct_9fa48("413")) {
        {}
      } else {
        stryCov_9fa48("413");
        const body = (stryMutAct_9fa48("416") ? tag.version !== f : stryMutAct_9fa48("415") ? false : stryMutAct_9fa48("414") ? true : (stryCov_9fa48("414", "415", "416"), tag.version === f)) ? formatBody(t, tag.form) : undefined;
        return (stryMutAct_9fa48("419") ? body !== undefined : stryMutAct_9fa48("418") ? false : stryMutAct_9fa48("417") ? true : (stryCov_9fa48("417", "418", "419"), body === undefined)) ? undefined : stryMutAct_9fa48("420") ? {} : (stryCov_9fa48("420"), {
          text: stryMutAct_9fa48("421") ? tag.db + tag.v - body : (stryCov_9fa48("421"), (stryMutAct_9fa48("422") ? tag.db - tag.v : (stryCov_9fa48("422"), tag.db + tag.v)) + body)
        });
      }
    });
  }
}