/**
 * How a body's values are serialised, which decides what a schema change does on the wire (docs/diff.md,
 * "Form and XML bodies"). JSON keeps types: `5` and `"5"` differ. In an `application/x-www-form-urlencoded` body
 * every value is text (`id=5`), in `multipart/form-data` every scalar part is a `text/plain` part (unless the
 * Encoding Object gives it another contentType), and in XML every scalar is element or attribute text: there,
 * as in query parameters, integer → digits-only string is no change and integer → any string is a widening.
 * Only XML reads the `xml` keyword (element names, attributes, wrapping, namespaces).
 *
 * A compared pair carries its wire (the comparer memoises per context and wire):
 * - `json`: types as JSON (every other media type too);
 * - `any`: a schema compared without a direction (a component no operation uses): types as JSON, and the `xml`
 *   keyword compared, since nothing says which media types will carry it;
 * - `xml`: scalars as text, `xml` keyword compared; the same for everything below;
 * - `text`: scalars as text; the same for everything below (a form-urlencoded body below its root);
 * - `part`: one multipart part: a scalar is text, an array's items are parts too, an object's insides are JSON;
 * - `form:a,b` / `multipart:a,b`: the body's root object; its properties are `text` / `part`, except the listed
 *   ones, whose Encoding Object names a non-text contentType (`application/json`) on either side: those are JSON.
 */
// @ts-nocheck

import { isObject, type JsonObject } from '../../openapi/types.js';
import type { SchemaCtx } from '../rules/define.js';

export type Wire = string;
export const JSON_WIRE: Wire = 'json';
export const ANY_WIRE: Wire = 'any';

const bare = (mediaType: string): string => mediaType.split(';')[0].trim().toLowerCase();

/** Is this media type XML (`application/xml`, `text/xml`, `…+xml`)? */
export const isXmlMedia = (mediaType: string): boolean => {
  const m = bare(mediaType);
  return m === 'application/xml' || m === 'text/xml' || m.endsWith('+xml');
};

/** The form media types whose Encoding Object and text serialisation apply. */
export const formKind = (mediaType: string): 'form' | 'multipart' | undefined => {
  const m = bare(mediaType);
  return m === 'application/x-www-form-urlencoded' ? 'form' : m === 'multipart/form-data' ? 'multipart' : undefined;
};

/** Names of properties whose encoding contentType (either side) is not text: their parts are compared as JSON. */
function nonTextParts(...encodings: (JsonObject | undefined)[]): string[] {
  const out = new Set<string>();
  for (const encoding of encodings) {
    if (!encoding) continue;
    for (const [name, e] of Object.entries(encoding)) {
      if (isObject(e) && typeof e.contentType === 'string' && !e.contentType.trim().toLowerCase().startsWith('text/')) out.add(name);
    }
  }
  return [...out].sort();
}

/** The wire of a body's root schema for a media type and the Encoding Objects of both sides. */
export function bodyWire(mediaType: string, oldEncoding: JsonObject | undefined, newEncoding: JsonObject | undefined): Wire {
  if (isXmlMedia(mediaType)) return 'xml';
  const kind = formKind(mediaType);
  if (kind === undefined) return JSON_WIRE;
  return `${kind}:${nonTextParts(oldEncoding, newEncoding).join(',')}`;
}

/** How a nested schema is reached from its parent: a named property, array items / extra properties, or another sub-schema (a branch, `not`, …). */
export type Edge = { kind: 'property'; name: string } | { kind: 'items' } | { kind: 'other' };

/** The wire of a nested schema. Branches (allOf/oneOf/anyOf, if/then/else, …) describe the same value: same wire. */
export function childWire(wire: Wire, edge: Edge): Wire {
  if (edge.kind === 'other' || wire === JSON_WIRE || wire === ANY_WIRE || wire === 'xml' || wire === 'text') return wire;
  const root = /^(form|multipart):(.*)$/.exec(wire);
  if (root) {
    const inner = root[1] === 'form' ? 'text' : 'part';
    if (edge.kind === 'property' && root[2].split(',').includes(edge.name)) return JSON_WIRE;
    return inner;
  }
  // `part`: the items of an array part are parts themselves; an object part is JSON.
  return edge.kind === 'items' ? 'part' : JSON_WIRE;
}

/** Are plain scalars compared as the text they accept (see compareAsText in rules/schema-type.ts)? */
export const scalarsAsText = (ctx: SchemaCtx, wire: Wire): boolean => ctx === 'parameter' || ctx === 'header' || wire === 'xml' || wire === 'text' || wire === 'part';

/** Does the `xml` keyword shape the wire here? In XML bodies, and where the media type is unknown (`any`). */
export const xmlMatters = (wire: Wire): boolean => wire === 'xml' || wire === ANY_WIRE;

/** Does this pair's position decide its children's wire (so the identical-schema fast path cannot be used)? */
export const positional = (wire: Wire): boolean => wire === 'part' || wire.includes(':');
