/** Security requirements (document-wide and per operation) and security schemes. */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { securitySchemeFlowsCheck } from '../rules/api-security-scheme-flows.js';
import { securitySchemeAdded, securitySchemeFieldsCheck, securitySchemeRemoved } from '../rules/api-security-scheme.js';
import { API_SECURITY, ENDPOINT_SECURITY, type SecurityRules } from '../rules/security-requirements.js';
import { ptrJoin } from './doc.js';
import type { DiffRun } from './run.js';
import type { Emit, OperationSide } from './types.js';

/** One alternative: scheme name → required scopes. Key: the sorted scheme names. */
interface Alternative {
  key: string;
  scopes: Map<string, Set<string>>;
  raw: JsonObject;
}

function alternatives(list: Json | undefined): Alternative[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const out: Alternative[] = [];
  for (const req of list) {
    if (!isObject(req)) continue;
    const scopes = new Map<string, Set<string>>();
    for (const [name, s] of Object.entries(req)) scopes.set(name, new Set(Array.isArray(s) ? s.filter((x): x is string => typeof x === 'string') : []));
    out.push({ key: [...scopes.keys()].sort().join(' + '), scopes, raw: req });
  }
  return out;
}

const label = (key: string) => (key === '' ? 'anonymous access' : `'${key}'`);

/** Compares two effective requirement lists (undefined or empty: no authentication needed). */
function compareRequirements(o: Alternative[], n: Alternative[], rules: SecurityRules, emit: Emit, oPtr: string, nPtr: string): void {
  if (o.length === 0 && n.length === 0) return;
  if (o.length === 0) {
    emit(rules.set, { detail: '', message: `authentication now required (${n.map((a) => label(a.key)).join(' or ')})`, old: { pointer: oPtr }, new: { pointer: nPtr, value: n.map((a) => a.raw) } });
    return;
  }
  if (n.length === 0) {
    emit(rules.removed, { detail: '', message: 'authentication no longer required', old: { pointer: oPtr, value: o.map((a) => a.raw) }, new: { pointer: nPtr } });
    return;
  }
  const oByKey = new Map(o.map((a) => [a.key, a]));
  const nByKey = new Map(n.map((a) => [a.key, a]));
  const scopes = (key: string, prev: Alternative, alt: Alternative) => {
    for (const [scheme, now] of alt.scopes) {
      const before = prev.scopes.get(scheme);
      // A scheme the old alternative did not need at all is reported as a whole (schemeAdded).
      if (before === undefined) continue;
      for (const s of now) if (!before.has(s)) emit(rules.scopeAdded, { detail: `${key} ${scheme} ${s}`, message: `security alternative ${label(key)} now requires scope '${s}' of '${scheme}'`, old: { pointer: oPtr }, new: { pointer: nPtr, value: s } });
      for (const s of before) if (!now.has(s)) emit(rules.scopeRemoved, { detail: `${key} ${scheme} ${s}`, message: `security alternative ${label(key)} no longer requires scope '${s}' of '${scheme}'`, old: { pointer: oPtr, value: s }, new: { pointer: nPtr } });
    }
  };
  const oLeft = [...oByKey.keys()].filter((k) => !nByKey.has(k));
  const nLeft = [...nByKey.keys()].filter((k) => !oByKey.has(k));
  // An alternative whose schemes are a subset or superset of a vanished one is that alternative, changed:
  // needing fewer schemes (`{A and B}` → `{A}`) accepts every client that sent both, so it is no change;
  // needing more (`{A}` → `{A and B}`) is one breaking change, not "removed" + "added".
  const paired = new Map<string, string>();
  for (const nk of [...nLeft].sort()) {
    const alt = nByKey.get(nk) as Alternative;
    const ok = oLeft.find((k) => !paired.has(k) && (isSubset(alt, oByKey.get(k) as Alternative) || isSubset(oByKey.get(k) as Alternative, alt)));
    if (ok !== undefined) paired.set(ok, nk);
  }
  const pairedNew = new Set(paired.values());
  for (const [key, alt] of nByKey) {
    const prev = oByKey.get(key);
    if (prev) {
      scopes(key, prev, alt);
      continue;
    }
    if (!pairedNew.has(key)) emit(rules.requirementAdded, { detail: key, message: `security alternative ${label(key)} added`, old: { pointer: oPtr }, new: { pointer: nPtr, value: alt.raw } });
  }
  for (const [ok, nk] of paired) {
    const prev = oByKey.get(ok) as Alternative;
    const alt = nByKey.get(nk) as Alternative;
    for (const scheme of alt.scopes.keys()) {
      if (prev.scopes.has(scheme)) continue;
      emit(rules.schemeAdded, { detail: `${ok} ${scheme}`, message: `security alternative ${label(ok)} now also requires '${scheme}' (${label(nk)})`, old: { pointer: oPtr, value: prev.raw }, new: { pointer: nPtr, value: alt.raw } });
    }
    scopes(nk, prev, alt);
  }
  for (const [key, alt] of oByKey) {
    if (!nByKey.has(key) && !paired.has(key)) emit(rules.requirementRemoved, { detail: key, message: `security alternative ${label(key)} removed`, old: { pointer: oPtr, value: alt.raw }, new: { pointer: nPtr } });
  }
}

/** Does `a` name only schemes that `b` names too (and fewer)? Anonymous access (`{}`) pairs with nothing. */
const isSubset = (a: Alternative, b: Alternative): boolean =>
  a.scopes.size > 0 && a.scopes.size < b.scopes.size && [...a.scopes.keys()].every((s) => b.scopes.has(s));

/** Document-wide `security` and `components.securitySchemes`. */
export function diffSecurity(run: DiffRun): void {
  const o = alternatives(run.oldDoc.root.security) ?? [];
  const n = alternatives(run.newDoc.root.security) ?? [];
  compareRequirements(o, n, API_SECURITY, run.emitter('security', [], '/security', '/security'), '/security', '/security');

  // Swagger 2.0 calls them securityDefinitions.
  const schemes = (root: JsonObject): [JsonObject, string] =>
    isObject(root.components) && isObject(root.components.securitySchemes)
      ? [root.components.securitySchemes, '/components/securitySchemes']
      : isObject(root.securityDefinitions)
        ? [root.securityDefinitions, '/securityDefinitions']
        : [{}, '/components/securitySchemes'];
  const [os, oldBase] = schemes(run.oldDoc.root);
  const [ns, base] = schemes(run.newDoc.root);
  for (const name of Object.keys(ns)) {
    const nRaw = ns[name];
    if (!isObject(nRaw)) continue;
    const nAt = run.newDoc.resolve({ node: nRaw, ptr: ptrJoin(base, name) });
    const location = `#${ptrJoin(base, name)}`;
    const oRaw = os[name];
    if (!isObject(oRaw)) {
      run.emitter(location, [], base, nAt.ptr)(securitySchemeAdded, { detail: name, message: `security scheme '${name}' added`, new: { value: nAt.node } });
      continue;
    }
    const oAt = run.oldDoc.resolve({ node: oRaw, ptr: ptrJoin(oldBase, name) });
    const emit = run.emitter(location, [], oAt.ptr, nAt.ptr);
    securitySchemeFieldsCheck(name, oAt, nAt, emit);
    securitySchemeFlowsCheck(name, oAt, nAt, emit);
  }
  for (const name of Object.keys(os)) {
    if (isObject(ns[name]) || !isObject(os[name])) continue;
    const ptr = ptrJoin(oldBase, name);
    run.emitter(`#${ptr}`, [], ptr, base)(securitySchemeRemoved, { detail: name, message: `security scheme '${name}' removed`, old: { value: os[name] } });
  }
}

/**
 * An operation's effective requirements. When neither side overrides the document-wide default, the
 * document-wide comparison already covers it (reported once, not once per operation).
 */
export function compareOperationSecurity(run: DiffRun, o: OperationSide, n: OperationSide, emit: Emit): void {
  const oOwn = o.op.node.security;
  const nOwn = n.op.node.security;
  if (oOwn === undefined && nOwn === undefined) return;
  const oEff = alternatives(oOwn ?? run.oldDoc.root.security) ?? [];
  const nEff = alternatives(nOwn ?? run.newDoc.root.security) ?? [];
  const oPtr = oOwn !== undefined ? `${o.op.ptr}/security` : '/security';
  const nPtr = nOwn !== undefined ? `${n.op.ptr}/security` : '/security';
  compareRequirements(oEff, nEff, ENDPOINT_SECURITY, emit, oPtr, nPtr);
}
