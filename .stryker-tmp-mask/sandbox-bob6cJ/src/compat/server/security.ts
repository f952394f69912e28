/**
 * Security enforcement (`serve`, off with `--no-auth`): a request must satisfy one of the operation's security
 * requirements (or the document's). Only presence and form are checked, never values: the server has no users.
 * apiKey (header, query, cookie), http basic/bearer/other schemes, oauth2 and openIdConnect (a bearer token).
 */
// @ts-nocheck

import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type JsonObject } from '../../openapi/types.js';
import { headerValue, parseCookies, parseQuery } from '../exchange/params.js';
import { splitUrl } from '../exchange/router.js';
import type { Violation } from '../exchange/index.js';

export interface SecurityFailure {
  violation: Violation;
  /** `WWW-Authenticate` value for the 401 (the first http/oauth scheme required), if any. */
  challenge?: string;
}

interface SchemeCheck {
  ok: boolean;
  /** What was missing, for the message: `header X-SLURM-USER-TOKEN`, `Authorization: Bearer …`. */
  wants: string;
  challenge?: string;
}

function checkScheme(doc: JsonObject, name: string, request: { url: string; headers: Record<string, string> }): SchemeCheck {
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const scheme = derefLocal(doc, schemes[name] ?? null, childPointer('/components/securitySchemes', name))?.node;
  if (!isObject(scheme)) return { ok: false, wants: `security scheme '${name}' (not defined in #/components/securitySchemes)` };
  const authorization = headerValue(request.headers, 'authorization') ?? '';
  switch (scheme.type) {
    case 'apiKey': {
      const keyName = String(scheme.name ?? '');
      if (scheme.in === 'header') return { ok: (headerValue(request.headers, keyName) ?? '') !== '', wants: `header ${keyName}` };
      if (scheme.in === 'query') return { ok: parseQuery(splitUrl(request.url).query).some((p) => p.key === keyName && p.value !== ''), wants: `query parameter ${keyName}` };
      if (scheme.in === 'cookie') return { ok: parseCookies(headerValue(request.headers, 'cookie')).some((p) => p.key === keyName && p.value !== ''), wants: `cookie ${keyName}` };
      return { ok: false, wants: `apiKey '${name}' in ${String(scheme.in)}` };
    }
    case 'http': {
      const kind = String(scheme.scheme ?? 'bearer').toLowerCase();
      const label = kind.charAt(0).toUpperCase() + kind.slice(1);
      return { ok: new RegExp(`^${kind.replace(/[^a-z0-9-]/g, '')}\\s+\\S`, 'i').test(authorization), wants: `Authorization: ${label} …`, challenge: `${label} realm="specdrift"` };
    }
    case 'oauth2':
    case 'openIdConnect':
      return { ok: /^bearer\s+\S/i.test(authorization), wants: 'Authorization: Bearer …', challenge: 'Bearer realm="specdrift"' };
    default:
      // mutualTLS and unknown types cannot be checked over plain HTTP on loopback
      return { ok: true, wants: '' };
  }
}

/** Undefined when the request satisfies one requirement (or none is required); else why not. */
export function checkSecurity(doc: JsonObject, operationPointer: string, request: { method: string; url: string; headers: Record<string, string> }): SecurityFailure | undefined {
  const operation = resolvePointer(doc, operationPointer);
  const own = isObject(operation) && Array.isArray(operation.security);
  const requirements = own ? (operation as JsonObject).security : doc.security;
  if (!Array.isArray(requirements) || requirements.length === 0) return undefined;
  const where = own ? childPointer(operationPointer, 'security') : '/security';
  const missing: string[] = [];
  let challenge: string | undefined;
  for (const requirement of requirements) {
    if (!isObject(requirement)) continue;
    const checks = Object.keys(requirement).map((name) => checkScheme(doc, name, request));
    if (checks.every((c) => c.ok)) return undefined; // `{}` (anonymous allowed) passes here too
    missing.push(checks.filter((c) => !c.ok).map((c) => c.wants).join(' and '));
    challenge ??= checks.find((c) => !c.ok && c.challenge)?.challenge;
  }
  if (missing.length === 0) return undefined;
  const subject = `${request.method.toUpperCase()} ${splitUrl(request.url).path}`;
  return {
    violation: {
      where: 'request',
      rule: 'request-security',
      pointer: '',
      schemaPointer: where,
      message: `${subject}: missing credentials: send ${missing.join(', or ')} (#${where}); --no-auth turns the check off`,
    },
    ...(challenge ? { challenge } : {}),
  };
}
