/**
 * Plain-text lines (no colour) for `specdrift mask`: the CLI prints them to stderr or stdout.
 */
import type { DetectedTag } from './detect.js';
import type { MaskReport } from './mask.js';
import { MASK_PLACES } from './walk.js';

const v = (version: string) => `v${version}`;

function placesLine(places: Record<string, number>): string {
  const used = MASK_PLACES.filter((p) => places[p] > 0).map((p) => `${p} ${places[p]}`);
  return `  places: ${used.length > 0 ? used.join(', ') : 'none'}`;
}

/** What a mask or strip did: a headline, one line per spelling, one line of places. */
export function formatMaskReport(report: MaskReport): string[] {
  const headline =
    report.operation === 'mask'
      ? `masked ${report.total} version tag${report.total === 1 ? '' : 's'}: ${v(report.from!)} → ${v(report.to!)}`
      : `stripped ${report.total} version tag${report.total === 1 ? '' : 's'}: ${report.versions.map(v).join(', ') || 'none found'} (placeholder ${report.placeholder})`;
  const lines = [headline];
  if (report.total === 0) {
    if (report.operation === 'mask' && report.from !== report.to) lines.push(`  the document contains no ${v(report.from!)} tag`);
    return lines;
  }
  const labels = report.forms.map((f) => (f.replacement !== undefined ? `${f.spelling} → ${f.replacement}` : f.spelling));
  const width = Math.max(...labels.map((l) => l.length));
  report.forms.forEach((f, i) => lines.push(`  ${labels[i].padEnd(width)}  ${f.count}`));
  lines.push(placesLine(report.places));
  return lines;
}

/** `specdrift mask --detect`: per version, its prefixes, forms with counts and one example each. */
export function formatDetectedTags(tags: DetectedTag[]): string[] {
  if (tags.length === 0) return ['no version tags found'];
  const lines: string[] = [];
  for (const tag of tags) {
    lines.push(`${v(tag.version)}: ${tag.count} occurrence${tag.count === 1 ? '' : 's'}, prefixes ${tag.prefixes.join(', ') || 'none'}`);
    for (const f of tag.forms) {
      const ex = f.examples[0];
      lines.push(`  ${f.spelling} (${f.form}) ${f.count}${ex ? `  e.g. ${ex.pointer || '/'}: ${JSON.stringify(ex.value)}` : ''}`);
    }
    lines.push(placesLine(tag.places));
  }
  return lines;
}
