/** OAuth2 flows of a security scheme: which grant types exist, their URLs and scopes. */
// @ts-nocheck

import { isObject } from '../../openapi/types.js';
import type { Emit, Located } from '../engine/types.js';
import { rule } from './define.js';
import { flowsOf } from './api-security-scheme.js';
import { show } from './format.js';

export const securitySchemeFlowAdded = rule('api-security-scheme-flow-added', 'info', 'added', 'security', 'an OAuth2 flow was added to a security scheme');
export const securitySchemeFlowRemoved = rule('api-security-scheme-flow-removed', 'breaking', 'removed', 'security', 'an OAuth2 flow was removed from a security scheme');
export const securitySchemeTokenUrlChanged = rule('api-security-scheme-token-url-changed', 'warning', 'changed', 'security', 'the token URL of an OAuth2 flow changed');
export const securitySchemeAuthorizationUrlChanged = rule('api-security-scheme-authorization-url-changed', 'warning', 'changed', 'security', 'the authorization URL of an OAuth2 flow changed');
export const securitySchemeRefreshUrlChanged = rule('api-security-scheme-refresh-url-changed', 'info', 'changed', 'security', 'the refresh URL of an OAuth2 flow changed');
export const securitySchemeScopeAdded = rule('api-security-scheme-scope-added', 'info', 'added', 'security', 'a scope was added to an OAuth2 flow');
export const securitySchemeScopeRemoved = rule('api-security-scheme-scope-removed', 'warning', 'removed', 'security', 'a scope was removed from an OAuth2 flow');

const URLS = [
  ['tokenUrl', securitySchemeTokenUrlChanged],
  ['authorizationUrl', securitySchemeAuthorizationUrlChanged],
  ['refreshUrl', securitySchemeRefreshUrlChanged],
] as const;

export function securitySchemeFlowsCheck(name: string, o: Located, n: Located, emit: Emit): void {
  const of = flowsOf(o.node);
  const nf = flowsOf(n.node);
  const op = `${o.ptr}/flows`;
  const np = `${n.ptr}/flows`;
  for (const flow of Object.keys(nf)) if (!(flow in of)) emit(securitySchemeFlowAdded, { detail: `${name} ${flow}`, message: `security scheme '${name}' flow ${flow} added`, old: { pointer: op }, new: { pointer: `${np}/${flow}`, value: nf[flow] } });
  for (const flow of Object.keys(of)) {
    const a = of[flow];
    const b = nf[flow];
    if (!isObject(a)) continue;
    if (!isObject(b)) {
      emit(securitySchemeFlowRemoved, { detail: `${name} ${flow}`, message: `security scheme '${name}' flow ${flow} removed`, old: { pointer: `${op}/${flow}`, value: a }, new: { pointer: np } });
      continue;
    }
    for (const [field, def] of URLS) {
      if (a[field] === b[field]) continue;
      emit(def, {
        detail: `${name} ${flow}`,
        message: `security scheme '${name}' flow ${flow} ${field} changed from ${show(a[field])} to ${show(b[field])}`,
        old: { pointer: `${op}/${flow}/${field}`, value: a[field] },
        new: { pointer: `${np}/${flow}/${field}`, value: b[field] },
      });
    }
    const as = isObject(a.scopes) ? a.scopes : {};
    const bs = isObject(b.scopes) ? b.scopes : {};
    for (const s of Object.keys(bs)) if (!(s in as)) emit(securitySchemeScopeAdded, { detail: `${name} ${flow} ${s}`, message: `security scheme '${name}' flow ${flow} scope '${s}' added`, old: { pointer: `${op}/${flow}/scopes` }, new: { pointer: `${np}/${flow}/scopes`, value: s } });
    for (const s of Object.keys(as)) if (!(s in bs)) emit(securitySchemeScopeRemoved, { detail: `${name} ${flow} ${s}`, message: `security scheme '${name}' flow ${flow} scope '${s}' removed`, old: { pointer: `${op}/${flow}/scopes`, value: s }, new: { pointer: `${np}/${flow}/scopes` } });
  }
}
