/**
 * Plain-text lines (no colour) for `specdrift mask`: the CLI prints them to stderr or stdout.
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
import type { DetectedTag } from './detect.js';
import type { MaskReport } from './mask.js';
import { MASK_PLACES } from './walk.js';
const v = stryMutAct_9fa48("423") ? () => undefined : (stryCov_9fa48("423"), (() => {
  const v = (version: string) => stryMutAct_9fa48("424") ? `` : (stryCov_9fa48("424"), `v${version}`);
  return v;
})());
function placesLine(places: Record<string, number>): string {
  if (stryMutAct_9fa48("425")) {
    {}
  } else {
    stryCov_9fa48("425");
    const used = stryMutAct_9fa48("426") ? MASK_PLACES.map(p => `${p} ${places[p]}`) : (stryCov_9fa48("426"), MASK_PLACES.filter(stryMutAct_9fa48("427") ? () => undefined : (stryCov_9fa48("427"), p => stryMutAct_9fa48("431") ? places[p] <= 0 : stryMutAct_9fa48("430") ? places[p] >= 0 : stryMutAct_9fa48("429") ? false : stryMutAct_9fa48("428") ? true : (stryCov_9fa48("428", "429", "430", "431"), places[p] > 0))).map(stryMutAct_9fa48("432") ? () => undefined : (stryCov_9fa48("432"), p => stryMutAct_9fa48("433") ? `` : (stryCov_9fa48("433"), `${p} ${places[p]}`))));
    return stryMutAct_9fa48("434") ? `` : (stryCov_9fa48("434"), `  places: ${(stryMutAct_9fa48("438") ? used.length <= 0 : stryMutAct_9fa48("437") ? used.length >= 0 : stryMutAct_9fa48("436") ? false : stryMutAct_9fa48("435") ? true : (stryCov_9fa48("435", "436", "437", "438"), used.length > 0)) ? used.join(stryMutAct_9fa48("439") ? "" : (stryCov_9fa48("439"), ', ')) : stryMutAct_9fa48("440") ? "" : (stryCov_9fa48("440"), 'none')}`);
  }
}

/** What a mask or strip did: a headline, one line per spelling, one line of places. */
export function formatMaskReport(report: MaskReport): string[] {
  if (stryMutAct_9fa48("441")) {
    {}
  } else {
    stryCov_9fa48("441");
    const headline = (stryMutAct_9fa48("444") ? report.operation !== 'mask' : stryMutAct_9fa48("443") ? false : stryMutAct_9fa48("442") ? true : (stryCov_9fa48("442", "443", "444"), report.operation === (stryMutAct_9fa48("445") ? "" : (stryCov_9fa48("445"), 'mask')))) ? stryMutAct_9fa48("446") ? `` : (stryCov_9fa48("446"), `masked ${report.total} version tag${(stryMutAct_9fa48("449") ? report.total !== 1 : stryMutAct_9fa48("448") ? false : stryMutAct_9fa48("447") ? true : (stryCov_9fa48("447", "448", "449"), report.total === 1)) ? stryMutAct_9fa48("450") ? "Stryker was here!" : (stryCov_9fa48("450"), '') : stryMutAct_9fa48("451") ? "" : (stryCov_9fa48("451"), 's')}: ${v(report.from!)} → ${v(report.to!)}`) : stryMutAct_9fa48("452") ? `` : (stryCov_9fa48("452"), `stripped ${report.total} version tag${(stryMutAct_9fa48("455") ? report.total !== 1 : stryMutAct_9fa48("454") ? false : stryMutAct_9fa48("453") ? true : (stryCov_9fa48("453", "454", "455"), report.total === 1)) ? stryMutAct_9fa48("456") ? "Stryker was here!" : (stryCov_9fa48("456"), '') : stryMutAct_9fa48("457") ? "" : (stryCov_9fa48("457"), 's')}: ${stryMutAct_9fa48("460") ? report.versions.map(v).join(', ') && 'none found' : stryMutAct_9fa48("459") ? false : stryMutAct_9fa48("458") ? true : (stryCov_9fa48("458", "459", "460"), report.versions.map(v).join(stryMutAct_9fa48("461") ? "" : (stryCov_9fa48("461"), ', ')) || (stryMutAct_9fa48("462") ? "" : (stryCov_9fa48("462"), 'none found')))} (placeholder ${report.placeholder})`);
    const lines = stryMutAct_9fa48("463") ? [] : (stryCov_9fa48("463"), [headline]);
    if (stryMutAct_9fa48("466") ? report.total !== 0 : stryMutAct_9fa48("465") ? false : stryMutAct_9fa48("464") ? true : (stryCov_9fa48("464", "465", "466"), report.total === 0)) {
      if (stryMutAct_9fa48("467")) {
        {}
      } else {
        stryCov_9fa48("467");
        if (stryMutAct_9fa48("470") ? report.operation === 'mask' || report.from !== report.to : stryMutAct_9fa48("469") ? false : stryMutAct_9fa48("468") ? true : (stryCov_9fa48("468", "469", "470"), (stryMutAct_9fa48("472") ? report.operation !== 'mask' : stryMutAct_9fa48("471") ? true : (stryCov_9fa48("471", "472"), report.operation === (stryMutAct_9fa48("473") ? "" : (stryCov_9fa48("473"), 'mask')))) && (stryMutAct_9fa48("475") ? report.from === report.to : stryMutAct_9fa48("474") ? true : (stryCov_9fa48("474", "475"), report.from !== report.to)))) lines.push(stryMutAct_9fa48("476") ? `` : (stryCov_9fa48("476"), `  the document contains no ${v(report.from!)} tag`));
        return lines;
      }
    }
    const labels = report.forms.map(stryMutAct_9fa48("477") ? () => undefined : (stryCov_9fa48("477"), f => (stryMutAct_9fa48("480") ? f.replacement === undefined : stryMutAct_9fa48("479") ? false : stryMutAct_9fa48("478") ? true : (stryCov_9fa48("478", "479", "480"), f.replacement !== undefined)) ? stryMutAct_9fa48("481") ? `` : (stryCov_9fa48("481"), `${f.spelling} → ${f.replacement}`) : f.spelling));
    const width = stryMutAct_9fa48("482") ? Math.min(...labels.map(l => l.length)) : (stryCov_9fa48("482"), Math.max(...labels.map(stryMutAct_9fa48("483") ? () => undefined : (stryCov_9fa48("483"), l => l.length))));
    report.forms.forEach(stryMutAct_9fa48("484") ? () => undefined : (stryCov_9fa48("484"), (f, i) => lines.push(stryMutAct_9fa48("485") ? `` : (stryCov_9fa48("485"), `  ${labels[i].padEnd(width)}  ${f.count}`))));
    lines.push(placesLine(report.places));
    return lines;
  }
}

/** `specdrift mask --detect`: per version, its prefixes, forms with counts and one example each. */
export function formatDetectedTags(tags: DetectedTag[]): string[] {
  if (stryMutAct_9fa48("486")) {
    {}
  } else {
    stryCov_9fa48("486");
    if (stryMutAct_9fa48("489") ? tags.length !== 0 : stryMutAct_9fa48("488") ? false : stryMutAct_9fa48("487") ? true : (stryCov_9fa48("487", "488", "489"), tags.length === 0)) return stryMutAct_9fa48("490") ? [] : (stryCov_9fa48("490"), [stryMutAct_9fa48("491") ? "" : (stryCov_9fa48("491"), 'no version tags found')]);
    const lines: string[] = stryMutAct_9fa48("492") ? ["Stryker was here"] : (stryCov_9fa48("492"), []);
    for (const tag of tags) {
      if (stryMutAct_9fa48("493")) {
        {}
      } else {
        stryCov_9fa48("493");
        lines.push(stryMutAct_9fa48("494") ? `` : (stryCov_9fa48("494"), `${v(tag.version)}: ${tag.count} occurrence${(stryMutAct_9fa48("497") ? tag.count !== 1 : stryMutAct_9fa48("496") ? false : stryMutAct_9fa48("495") ? true : (stryCov_9fa48("495", "496", "497"), tag.count === 1)) ? stryMutAct_9fa48("498") ? "Stryker was here!" : (stryCov_9fa48("498"), '') : stryMutAct_9fa48("499") ? "" : (stryCov_9fa48("499"), 's')}, prefixes ${stryMutAct_9fa48("502") ? tag.prefixes.join(', ') && 'none' : stryMutAct_9fa48("501") ? false : stryMutAct_9fa48("500") ? true : (stryCov_9fa48("500", "501", "502"), tag.prefixes.join(stryMutAct_9fa48("503") ? "" : (stryCov_9fa48("503"), ', ')) || (stryMutAct_9fa48("504") ? "" : (stryCov_9fa48("504"), 'none')))}`));
        for (const f of tag.forms) {
          if (stryMutAct_9fa48("505")) {
            {}
          } else {
            stryCov_9fa48("505");
            const ex = f.examples[0];
            lines.push(stryMutAct_9fa48("506") ? `` : (stryCov_9fa48("506"), `  ${f.spelling} (${f.form}) ${f.count}${ex ? stryMutAct_9fa48("507") ? `` : (stryCov_9fa48("507"), `  e.g. ${stryMutAct_9fa48("510") ? ex.pointer && '/' : stryMutAct_9fa48("509") ? false : stryMutAct_9fa48("508") ? true : (stryCov_9fa48("508", "509", "510"), ex.pointer || (stryMutAct_9fa48("511") ? "" : (stryCov_9fa48("511"), '/')))}: ${JSON.stringify(ex.value)}`) : stryMutAct_9fa48("512") ? "Stryker was here!" : (stryCov_9fa48("512"), '')}`));
          }
        }
        lines.push(placesLine(tag.places));
      }
    }
    return lines;
  }
}