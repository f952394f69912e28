/**
 * The Encoding Object of a form request body (`application/x-www-form-urlencoded`, `multipart/form-data`): how
 * each property is written on the wire. Compared by effective value (the OpenAPI defaults filled in), so that
 * writing a default down is no change. Which fields apply follows the specification: `contentType` to both form
 * types, `headers` to multipart only, `style` / `explode` / `allowReserved` to form-urlencoded (and, from 3.1,
 * to multipart too); a field the media type ignores changes nothing.
 */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { ptrJoin, type SpecDoc } from '../engine/doc.js';
import type { Emit, Located } from '../engine/types.js';
import { formKind } from '../engine/wire.js';
import { rule } from './define.js';

export const requestBodyEncodingContentTypeChanged = rule(
  'request-body-encoding-content-type-changed', 'breaking', 'changed', 'paths',
  'the contentType of a form or multipart request body property changed (clients send the part as before)',
);
export const requestBodyEncodingStyleChanged = rule(
  'request-body-encoding-style-changed', 'breaking', 'changed', 'paths',
  'the serialisation style of a form request body property changed',
);
export const requestBodyEncodingExplodeChanged = rule(
  'request-body-encoding-explode-changed', 'breaking', 'changed', 'paths',
  'the explode setting of a form request body property changed',
);
export const requestBodyEncodingAllowReservedSet = rule(
  'request-body-encoding-allow-reserved-set', 'info', 'changed', 'paths',
  'a form request body property now allows reserved characters unencoded (percent-encoded ones still work)',
);
export const requestBodyEncodingAllowReservedRemoved = rule(
  'request-body-encoding-allow-reserved-removed', 'warning', 'changed', 'paths',
  'a form request body property no longer allows reserved characters unencoded (clients sending them raw may be misread)',
);
export const requestBodyEncodingHeaderAdded = rule(
  'request-body-encoding-header-added', 'info', 'added', 'paths',
  'an optional header was documented for a multipart request body part',
);
export const requestBodyEncodingRequiredHeaderAdded = rule(
  'request-body-encoding-required-header-added', 'breaking', 'added', 'paths',
  'a required header was added to a multipart request body part (clients do not send it)',
);
export const requestBodyEncodingHeaderRemoved = rule(
  'request-body-encoding-header-removed', 'info', 'removed', 'paths',
  'a header of a multipart request body part was removed (the API no longer reads it)',
);

/** The effective contentType of a part (OpenAPI 3.0 defaults, by the property's type), as a sorted list. */
function contentTypes(doc: SpecDoc, encoding: JsonObject | undefined, property: Located | undefined): string | undefined {
  const written = encoding?.contentType;
  if (typeof written === 'string') {
    return written
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter((t) => t !== '')
      .sort()
      .join(', ');
  }
  if (!property) return undefined;
  let view = doc.view(property);
  // An array's parts are its items: their type decides.
  if (view.types?.size === 1 && view.types.has('array') && view.items) view = doc.view(view.items);
  const types = view.types;
  if (types === undefined || types.size !== 1) return undefined;
  const type = [...types][0];
  if (type === 'object') return 'application/json';
  if (type === 'string' && (view.kw('format') === 'binary' || view.kw('contentEncoding') !== undefined || view.kw('contentMediaType') !== undefined)) return 'application/octet-stream';
  return type === 'array' ? undefined : 'text/plain';
}

/** Part headers, keyed lower case (`Content-Type` is described by contentType and ignored here). */
function partHeaders(doc: SpecDoc, encoding: JsonObject | undefined, at: string): Map<string, { name: string; required: boolean; ptr: string }> {
  const out = new Map<string, { name: string; required: boolean; ptr: string }>();
  const headers = encoding?.headers;
  if (!isObject(headers)) return out;
  for (const [name, raw] of Object.entries(headers)) {
    if (!isObject(raw) || name.toLowerCase() === 'content-type') continue;
    const ptr = ptrJoin(ptrJoin(at, 'headers'), name);
    const header = doc.resolve({ node: raw, ptr });
    out.set(name.toLowerCase(), { name, required: header.node.required === true, ptr });
  }
  return out;
}

/** One side of a form body: its Encoding Object entries and schema properties. */
export interface FormSide {
  doc: SpecDoc;
  media: Located;
}

/**
 * Compares the Encoding Objects of one request body media type (`mediaType` the new key; both sides matched
 * by media type already). `label` names the body in messages (`request body`).
 */
export function compareRequestBodyEncoding(o: FormSide, n: FormSide, mediaType: string, label: string, emit: Emit): void {
  const kind = formKind(mediaType);
  if (kind === undefined) return;
  const encodingOf = (s: FormSide): JsonObject => (isObject(s.media.node.encoding) ? s.media.node.encoding : {});
  const oEnc = encodingOf(o);
  const nEnc = encodingOf(n);
  const schemaOf = (s: FormSide) => s.doc.child(s.media, 'schema');
  const oSchema = schemaOf(o);
  const nSchema = schemaOf(n);
  const propertiesOf = (s: FormSide, schema: Located | undefined) => (schema ? s.doc.view(schema).properties : new Map<string, Located>());
  const oProps = propertiesOf(o, oSchema);
  const nProps = propertiesOf(n, nSchema);
  // OpenAPI 3.0 ignores style / explode / allowReserved in multipart bodies; 3.1 applies them there too.
  const is30 = (doc: SpecDoc) => typeof doc.root.openapi === 'string' && doc.root.openapi.startsWith('3.0');
  const serialised = kind === 'form' || !(is30(o.doc) || is30(n.doc));
  const names = new Set([...Object.keys(oEnc), ...Object.keys(nEnc)]);
  const oBase = `${o.media.ptr}/encoding`;
  const nBase = `${n.media.ptr}/encoding`;
  for (const name of [...names].sort()) {
    const oe = isObject(oEnc[name]) ? (oEnc[name] as JsonObject) : undefined;
    const ne = isObject(nEnc[name]) ? (nEnc[name] as JsonObject) : undefined;
    const oAt = oe ? ptrJoin(oBase, name) : o.media.ptr;
    const nAt = ne ? ptrJoin(nBase, name) : n.media.ptr;
    const side = (at: string, field: string, enc: JsonObject | undefined, value: Json) => ({ pointer: enc && enc[field] !== undefined ? `${at}/${field}` : at, value });
    const report = (def: typeof requestBodyEncodingStyleChanged, field: string, what: string, ov: Json, nv: Json, detail = `${mediaType} ${name}`) =>
      emit(def, { detail, message: `${label} ${mediaType} property '${name}' ${what}`, old: side(oAt, field, oe, ov), new: side(nAt, field, ne, nv) });

    const oType = contentTypes(o.doc, oe, oProps.get(name));
    const nType = contentTypes(n.doc, ne, nProps.get(name));
    if (oType !== nType && oType !== undefined && nType !== undefined) {
      report(requestBodyEncodingContentTypeChanged, 'contentType', `contentType changed from ${oType} to ${nType}`, oType, nType);
    }
    if (serialised) {
      const style = (e: JsonObject | undefined) => (typeof e?.style === 'string' ? e.style : 'form');
      const explode = (e: JsonObject | undefined) => (typeof e?.explode === 'boolean' ? e.explode : style(e) === 'form');
      const reserved = (e: JsonObject | undefined) => e?.allowReserved === true;
      if (style(oe) !== style(ne)) report(requestBodyEncodingStyleChanged, 'style', `style changed from ${style(oe)} to ${style(ne)}`, style(oe), style(ne));
      if (explode(oe) !== explode(ne)) report(requestBodyEncodingExplodeChanged, 'explode', `explode changed from ${explode(oe)} to ${explode(ne)}`, explode(oe), explode(ne));
      if (reserved(oe) !== reserved(ne)) {
        const set = reserved(ne);
        report(set ? requestBodyEncodingAllowReservedSet : requestBodyEncodingAllowReservedRemoved, 'allowReserved', `${set ? 'now allows' : 'no longer allows'} reserved characters unencoded`, reserved(oe), set);
      }
    }
    if (kind !== 'multipart') continue;
    const oh = partHeaders(o.doc, oe, oAt);
    const nh = partHeaders(n.doc, ne, nAt);
    for (const [key, h] of nh) {
      if (oh.has(key)) continue;
      emit(h.required ? requestBodyEncodingRequiredHeaderAdded : requestBodyEncodingHeaderAdded, {
        detail: `${mediaType} ${name} ${key}`,
        message: `${label} ${mediaType} part '${name}': ${h.required ? 'required' : 'optional'} header '${h.name}' added`,
        old: { pointer: oAt },
        new: { pointer: h.ptr },
      });
    }
    for (const [key, h] of oh) {
      if (nh.has(key)) continue;
      emit(requestBodyEncodingHeaderRemoved, {
        detail: `${mediaType} ${name} ${key}`,
        message: `${label} ${mediaType} part '${name}': header '${h.name}' removed`,
        old: { pointer: h.ptr },
        new: { pointer: nAt },
      });
    }
  }
}
