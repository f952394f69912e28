/** Security schemes (`components.securitySchemes`): how a client authenticates. */
// @ts-nocheck

import { isObject, type JsonObject } from '../../openapi/types.js';
import type { Emit, Located } from '../engine/types.js';
import { rule } from './define.js';
import { show } from './format.js';

export const securitySchemeAdded = rule('api-security-scheme-added', 'info', 'added', 'security', 'a security scheme was added');
export const securitySchemeRemoved = rule('api-security-scheme-removed', 'warning', 'removed', 'security', 'a security scheme was removed');
export const securitySchemeTypeChanged = rule('api-security-scheme-type-changed', 'breaking', 'changed', 'security', 'the type of a security scheme changed (e.g. apiKey → http)');
export const securitySchemeInChanged = rule('api-security-scheme-in-changed', 'breaking', 'changed', 'security', 'where an apiKey is sent changed (header / query / cookie)');
export const securitySchemeNameChanged = rule('api-security-scheme-name-changed', 'breaking', 'changed', 'security', 'the header/query/cookie name of an apiKey changed');
export const securitySchemeSchemeChanged = rule('api-security-scheme-scheme-changed', 'breaking', 'changed', 'security', 'the HTTP authentication scheme changed (e.g. basic → bearer)');
export const securitySchemeBearerFormatChanged = rule('api-security-scheme-bearer-format-changed', 'info', 'changed', 'security', 'the bearer token format hint changed');
export const securitySchemeOpenIdConnectUrlChanged = rule('api-security-scheme-open-id-connect-url-changed', 'warning', 'changed', 'security', 'the OpenID Connect discovery URL changed');

const FIELDS = [
  ['type', securitySchemeTypeChanged],
  ['in', securitySchemeInChanged],
  ['name', securitySchemeNameChanged],
  ['scheme', securitySchemeSchemeChanged],
  ['bearerFormat', securitySchemeBearerFormatChanged],
  ['openIdConnectUrl', securitySchemeOpenIdConnectUrlChanged],
] as const;

const lower = (v: unknown) => (typeof v === 'string' && v !== '' ? v.toLowerCase() : v);

export function securitySchemeFieldsCheck(name: string, o: Located, n: Located, emit: Emit): void {
  for (const [field, def] of FIELDS) {
    // HTTP auth scheme names are case-insensitive (RFC 7235)
    const ov = field === 'scheme' ? lower(o.node[field]) : o.node[field];
    const nv = field === 'scheme' ? lower(n.node[field]) : n.node[field];
    if (ov === nv) continue;
    emit(def, {
      detail: name,
      message: `security scheme '${name}' ${field} changed from ${show(o.node[field])} to ${show(n.node[field])}`,
      old: { pointer: `${o.ptr}/${field}`, value: o.node[field] },
      new: { pointer: `${n.ptr}/${field}`, value: n.node[field] },
    });
    // A different type of scheme has different fields: listing them all would only restate the type change.
    if (field === 'type') return;
  }
}

export const flowsOf = (scheme: JsonObject): JsonObject => (isObject(scheme.flows) ? scheme.flows : {});
