/**
 * The `xml` keyword (name, namespace, prefix, attribute, wrapped): how a value is written in an XML body. It is
 * compared only where XML is on the wire (an `application/xml`, `text/xml` or `…+xml` body) or may be (a
 * component no operation uses); in JSON bodies, parameters and headers it changes nothing and is not reported.
 * Readers and writers both match elements by name and place, so each change breaks both directions, except the
 * prefix, which a namespace-aware parser ignores (the namespace is what counts) but a name-matching one does not.
 */
// @ts-nocheck

import type { Json, JsonObject } from '../../openapi/types.js';
import { isObject } from '../../openapi/types.js';
import { xmlMatters } from '../engine/wire.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { schemaRule, type SchemaCtx } from './define.js';
import { show } from './format.js';

/** Where the `xml` keyword can matter (parameters and headers are never XML). */
const XML_CONTEXTS: readonly SchemaCtx[] = ['request', 'response', 'schema', 'webhook-request', 'webhook-response'];

export const xmlNameChanged = schemaRule({
  what: 'xml-name-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'xml-name', polarity: '~', contexts: XML_CONTEXTS,
  doc: 'the XML element or attribute name (xml.name) of a {in} changed',
});
export const xmlNamespaceChanged = schemaRule({
  what: 'xml-namespace-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'xml-namespace', polarity: '~', contexts: XML_CONTEXTS,
  doc: 'the XML namespace (xml.namespace) of a {in} changed',
});
export const xmlPrefixChanged = schemaRule({
  what: 'xml-prefix-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'xml-prefix', polarity: '~', contexts: XML_CONTEXTS,
  doc: 'the XML namespace prefix (xml.prefix) of a {in} changed (namespace-aware parsers ignore it, name-matching ones do not)',
});
export const xmlAttributeChanged = schemaRule({
  what: 'xml-attribute-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'xml-attribute', polarity: '~', contexts: XML_CONTEXTS,
  doc: 'a {in} moved between an XML attribute and an element (xml.attribute)',
});
export const xmlWrappedChanged = schemaRule({
  what: 'xml-wrapped-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'xml-wrapped', polarity: '~', contexts: XML_CONTEXTS,
  doc: 'the items of an array {in} gained or lost their wrapping XML element (xml.wrapped)',
});

const xmlOf = (v: SchemaView): JsonObject => {
  const x = v.kw('xml');
  return isObject(x) ? x : {};
};

/** The name an element gets without xml.name, when the schema is written inline at a property (`…/properties/<name>`). */
function defaultName(v: SchemaView): string | undefined {
  const tokens = v.at.ptr.split('/');
  return tokens.length >= 2 && tokens[tokens.length - 2] === 'properties' ? tokens[tokens.length - 1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

const isArray = (v: SchemaView): boolean => v.types?.has('array') === true;

export const xmlCheck: SchemaCheck = {
  name: 'xml',
  rules: [xmlNameChanged, xmlNamespaceChanged, xmlPrefixChanged, xmlAttributeChanged, xmlWrappedChanged],
  check({ wire, old, new: neu, emit }) {
    if (!xmlMatters(wire)) return;
    const ox = xmlOf(old);
    const nx = xmlOf(neu);
    const ptr = (v: SchemaView, x: JsonObject, field: string) => (x[field] !== undefined ? `${v.kwPtr('xml')}/${field}` : v.kwPtr('xml'));
    const report = (rule: typeof xmlNameChanged, field: string, message: string, ov: Json, nv: Json) =>
      emit(rule, { detail: field, message, old: { pointer: ptr(old, ox, field), value: ov }, new: { pointer: ptr(neu, nx, field), value: nv } });
    const text = (x: JsonObject, field: string): string | null => (typeof x[field] === 'string' ? (x[field] as string) : null);

    // Not written means the default name (the property's): writing that same name down is no change.
    const on = text(ox, 'name');
    const nn = text(nx, 'name');
    const dflt = defaultName(neu) ?? defaultName(old);
    if ((on ?? dflt) !== (nn ?? dflt)) report(xmlNameChanged, 'name', `XML name changed from ${show(on ?? '(default)')} to ${show(nn ?? '(default)')}`, on, nn);
    for (const [rule, field] of [[xmlNamespaceChanged, 'namespace'], [xmlPrefixChanged, 'prefix']] as const) {
      const ov = text(ox, field);
      const nv = text(nx, field);
      if (ov !== nv) report(rule, field, `XML ${field} changed from ${show(ov ?? '(none)')} to ${show(nv ?? '(none)')}`, ov, nv);
    }
    const oa = ox.attribute === true;
    const na = nx.attribute === true;
    if (oa !== na) report(xmlAttributeChanged, 'attribute', na ? 'now an XML attribute (was an element)' : 'now an XML element (was an attribute)', oa, na);
    // `wrapped` only means something for arrays.
    const ow = ox.wrapped === true && isArray(old);
    const nw = nx.wrapped === true && isArray(neu);
    if (ow !== nw && (isArray(old) || isArray(neu))) report(xmlWrappedChanged, 'wrapped', nw ? 'array items now wrapped in an XML element' : 'array items no longer wrapped in an XML element', ow, nw);
  },
};
