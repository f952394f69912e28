/**
 * Security requirements (`security`): a list of alternatives, each naming schemes (all needed) with scopes.
 * Declared twice: for the document-wide default (`api-…`, section security) and for an operation that
 * overrides it (`endpoint-…`, section paths).
 */
// @ts-nocheck

import type { RuleDef } from '../model.js';
import { rule } from './define.js';

export interface SecurityRules {
  set: RuleDef;
  removed: RuleDef;
  requirementAdded: RuleDef;
  requirementRemoved: RuleDef;
  scopeAdded: RuleDef;
  scopeRemoved: RuleDef;
  /** issue 8 item 7: an alternative that now also needs another scheme (`{A}` → `{A and B}`). */
  schemeAdded: RuleDef;
}

function securityRules(prefix: 'api' | 'endpoint'): SecurityRules {
  const section = prefix === 'api' ? 'security' : 'paths';
  const what = prefix === 'api' ? 'the API' : 'an operation';
  return {
    set: rule(`${prefix}-security-set`, 'breaking', 'added', section, `${what} now requires authentication (it had no security requirement)`),
    removed: rule(`${prefix}-security-removed`, 'info', 'removed', section, `${what} no longer requires authentication`),
    requirementAdded: rule(`${prefix}-security-requirement-added`, 'info', 'added', section, `${what} accepts one more security alternative`),
    requirementRemoved: rule(`${prefix}-security-requirement-removed`, 'breaking', 'removed', section, `${what} no longer accepts a security alternative clients may use`),
    scopeAdded: rule(`${prefix}-security-scope-added`, 'breaking', 'changed', section, `a security alternative of ${what} requires an additional scope`),
    scopeRemoved: rule(`${prefix}-security-scope-removed`, 'info', 'changed', section, `a security alternative of ${what} requires one scope less`),
    schemeAdded: rule(`${prefix}-security-requirement-scheme-added`, 'breaking', 'changed', section, `a security alternative of ${what} now also requires another scheme (clients must send more credentials); the reverse, fewer schemes, is no change`),
  };
}

export const API_SECURITY = securityRules('api');
export const ENDPOINT_SECURITY = securityRules('endpoint');
