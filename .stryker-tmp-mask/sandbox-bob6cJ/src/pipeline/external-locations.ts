/**
 * Changes inside content that came from another file (external `$ref`s bundled by source/external.ts) are located
 * in that file: `schemas/pet.yaml#/properties/owner/properties/id`, not at the place the bundler happened to
 * inline it (`#/paths/~1pets/post/responses/201/…`). The fingerprint follows the location, so it names the file too.
 */
// @ts-nocheck

import { fingerprintOf } from '../diff/engine/report.js';
import type { Change, DiffReport } from '../diff/model.js';

interface Site {
  pointer: string;
  ref: string;
}

/** The longest site whose pointer is `pointer` or an ancestor of it. */
function enclosing(sites: readonly Site[], pointer: string): Site | undefined {
  let best: Site | undefined;
  for (const s of sites) {
    if ((pointer === s.pointer || pointer.startsWith(s.pointer + '/')) && (!best || s.pointer.length > best.pointer.length)) best = s;
  }
  return best;
}

export function locateInReferencedFiles(report: DiffReport, oldSites: readonly Site[] = [], newSites: readonly Site[] = [], mask: (text: string) => string = (t) => t): DiffReport {
  if (oldSites.length === 0 && newSites.length === 0) return report;
  const masked = (sites: readonly Site[]) => sites.map((s) => ({ pointer: mask(s.pointer), ref: mask(s.ref) }));
  const o = masked(oldSites);
  const n = masked(newSites);
  const changes = report.changes.map((c): Change => {
    if (!c.location.startsWith('#/')) return c;
    const pointer = c.location.slice(1);
    const site = enclosing(n, pointer) ?? enclosing(o, pointer);
    if (!site) return c;
    const rest = pointer.slice(site.pointer.length);
    const location = rest === '' ? site.ref : site.ref.includes('#') ? site.ref + rest : `${site.ref}#${rest}`;
    return { ...c, location, fingerprint: fingerprintOf(c.id, location, c.fingerprint) };
  });
  return { ...report, changes };
}
