/**
 * Content negotiation for the reference server: which documented media type answers a request's `Accept`,
 * and how a value is written in it (JSON, YAML, text). Accept parsing is hand-written (~30 lines): the
 * well-kept parser (negotiator) is not a dependency, and only type/subtype/q are needed here.
 */
// @ts-nocheck

import { stringify as toYaml } from 'yaml';
import { stringifyLossless } from '../lossless.js';
import { isJsonMediaType, parseMediaType } from '../exchange/media.js';

interface AcceptRange {
  type: string;
  subtype: string;
  q: number;
}

/** Ranges of an Accept header, or undefined when there is none (anything goes). */
export function parseAccept(header: string | undefined): AcceptRange[] | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const ranges: AcceptRange[] = [];
  for (const part of header.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim());
    const [type, subtype] = range.toLowerCase().split('/');
    if (!type || !subtype) continue;
    const qParam = params.find((p) => /^q=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    ranges.push({ type, subtype, q: Number.isFinite(q) ? q : 0 });
  }
  return ranges;
}

/** The quality `ranges` give a concrete media type: the most specific matching range wins (RFC 9110 §12.5.1). */
function qualityOf(ranges: AcceptRange[], essence: string): number {
  const [type, subtype] = essence.split('/');
  let best: { specificity: number; q: number } | undefined;
  for (const r of ranges) {
    const specificity = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
    if (specificity >= 0 && (!best || specificity > best.specificity)) best = { specificity, q: r.q };
  }
  return best?.q ?? 0;
}

/** The concrete Content-Type to send for a documented key (`application/*` and `*\/*` become JSON). */
export const concreteType = (key: string): string => (key.includes('*') ? 'application/json' : key.split(';')[0].trim());

/**
 * The documented media type key to answer with: the acceptable one with the highest quality, JSON first on a
 * tie, then document order. Undefined when `Accept` excludes them all (406). No documented types: ''.
 */
export function chooseMediaKey(documented: string[], acceptHeader: string | undefined): string | undefined {
  if (documented.length === 0) return '';
  const ranges = parseAccept(acceptHeader);
  const isJson = (key: string) => {
    const media = parseMediaType(concreteType(key));
    return media !== undefined && isJsonMediaType(media);
  };
  let best: { key: string; score: number } | undefined;
  documented.forEach((key, i) => {
    const q = ranges === undefined ? 1 : key.includes('*') ? Math.max(...ranges.map((r) => r.q), 0) : qualityOf(ranges, concreteType(key).toLowerCase());
    if (q <= 0) return;
    const score = q * 1e6 + (isJson(key) ? 1e3 : 0) - i;
    if (!best || score > best.score) best = { key, score };
  });
  return best?.key;
}

const YAML_TYPES = new Set(['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml']);
export const isYamlType = (essence: string): boolean => YAML_TYPES.has(essence) || essence.endsWith('+yaml');

/** A value written in the media type: JSON for JSON types (and unknown ones), YAML for YAML types, text as is. */
export function renderBody(contentType: string, value: unknown): string | Buffer {
  if (Buffer.isBuffer(value)) return value;
  const media = parseMediaType(contentType);
  if (media && isYamlType(media.essence)) return typeof value === 'string' ? value : toYaml(value);
  if (media && !isJsonMediaType(media) && typeof value === 'string') return value;
  return stringifyLossless(value); // exact int64 samples above 2^53 (--sample-large-integers) are bigints
}
