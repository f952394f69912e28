/**
 * Turning a {@link CallPlan} (values keyed by the spec's parameter names) into the arguments a generated function
 * takes. Generators rename parameters (`job_id` → `jobId`), group them (`query`, `params`, a request object) and name
 * the body after its schema (`v0041JobSubmitReq`), so parameters are matched by loose name (see `looseKey`) against
 * the operation's declared parameters: a generated name that is no declared parameter and no option slot is the body.
 */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { looseKey } from './naming.js';
import type { CallPlan } from './types.js';
import { HTTP_METHODS } from '../../openapi/types.js';

export type ParamLocation = 'path' | 'query' | 'header' | 'cookie';

export interface DeclaredParam {
  name: string;
  in: ParamLocation;
  /** Property names of an object parameter's schema (some generators take each as a parameter of its own). */
  properties?: string[];
}

/** A call plus the parameters its operation declares (path-item level and operation level, `$ref`s followed). */
export interface Binding {
  call: CallPlan;
  declared: DeclaredParam[];
}


function deref(doc: JsonObject, value: Json | undefined): Json | undefined {
  for (let depth = 0; depth < 20 && isObject(value) && typeof value.$ref === 'string'; depth++) {
    const ref = value.$ref;
    if (!ref.startsWith('#/')) return undefined;
    value = ref
      .slice(2)
      .split('/')
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json | undefined>((node, token) => (isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined), doc);
  }
  return value;
}

/** Parameters the operation declares, found by operationId, else by method + path. */
export function declaredParams(doc: JsonObject, call: CallPlan): DeclaredParam[] {
  const paths = isObject(doc.paths) ? doc.paths : {};
  const method = call.method.toLowerCase();
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    for (const m of HTTP_METHODS) {
      const op = item[m];
      if (!isObject(op)) continue;
      const same = op.operationId !== undefined ? op.operationId === call.operationId : m === method && path === call.path;
      if (!same) continue;
      const params = new Map<string, DeclaredParam>();
      for (const list of [item.parameters, op.parameters]) {
        if (!Array.isArray(list)) continue;
        for (const raw of list) {
          const p = deref(doc, raw);
          if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') continue;
          const schema = deref(doc, p.schema);
          const properties = isObject(schema) && isObject(schema.properties) ? Object.keys(schema.properties) : undefined;
          params.set(`${p.in}:${p.name}`, { name: p.name, in: p.in as ParamLocation, ...(properties ? { properties } : {}) });
        }
      }
      return [...params.values()];
    }
  }
  return [];
}

/**
 * The declared parameter a generated name stands for (exact first, then loosely: `jobId` ↔ `job_id`) and its planned
 * value. Swagger Codegen flattens an object parameter into one parameter per property (`filter` with `state`, `user`
 * → `filter_state`, `filter_user`) and serialises them back as the style says (`filter[state]=…` for deepObject), so
 * such a name gets that property of the planned object.
 */
export function paramFor(binding: Binding, generatedName: string): { param: DeclaredParam; value: unknown } | undefined {
  const direct = declaredParamFor(binding, generatedName);
  if (direct) return direct;
  const wanted = looseKey(generatedName);
  for (const param of binding.declared) {
    const planned = plannedValue(binding.call, param);
    const keys = new Set([...(param.properties ?? []), ...(isObject(planned as Json) ? Object.keys(planned as JsonObject) : [])]);
    for (const key of keys) {
      if (looseKey(`${param.name}_${key}`) !== wanted) continue;
      return { param, value: isObject(planned as Json) ? (planned as JsonObject)[key] : undefined };
    }
  }
  return undefined;
}

function declaredParamFor(binding: Binding, generatedName: string): { param: DeclaredParam; value: unknown } | undefined {
  const declared = [
    ...binding.declared,
    // Values the plan has for parameters the spec lookup did not find (e.g. an operation without operationId).
    ...Object.keys(binding.call.pathParams).map((name) => ({ name, in: 'path' as const })),
    ...Object.keys(binding.call.query).map((name) => ({ name, in: 'query' as const })),
    ...Object.keys(binding.call.headers).map((name) => ({ name, in: 'header' as const })),
  ];
  const param = declared.find((p) => p.name === generatedName) ?? declared.find((p) => looseKey(p.name) === looseKey(generatedName));
  if (!param) return undefined;
  return { param, value: plannedValue(binding.call, param) };
}

export function plannedValue(call: CallPlan, param: DeclaredParam): unknown {
  const values: Record<string, unknown> = param.in === 'path' ? call.pathParams : param.in === 'query' ? call.query : param.in === 'header' ? call.headers : {};
  const key = Object.keys(values).find((k) => k === param.name) ?? Object.keys(values).find((k) => k.toLowerCase() === param.name.toLowerCase());
  return key === undefined ? undefined : values[key];
}

/** `undefined` for an empty object, so clients that append `?` for any query object do not get one. */
export const nonEmpty = <T extends Record<string, unknown>>(values: T): T | undefined => (Object.keys(values).length > 0 ? values : undefined);

/**
 * Positional arguments: each generated parameter gets what `slot` gives it (option objects, grouped parameters),
 * else the planned value of the declared parameter it names, else (the first time) the body. Trailing `undefined`s
 * are dropped so the client's defaults apply.
 */
export function positional<P extends { name: string; optional?: boolean }>(params: readonly P[], binding: Binding, slot: (param: P) => { value: unknown } | undefined): unknown[] {
  return bindPositional(params, binding, slot).args;
}

/** {@link positional}, plus the required parameters (`optional === false`) the driver had nothing for. */
export function bindPositional<P extends { name: string; optional?: boolean }>(
  params: readonly P[],
  binding: Binding,
  slot: (param: P) => { value: unknown } | undefined,
): { args: unknown[]; unfilled: string[] } {
  let bodyUsed = false;
  const unfilled: string[] = [];
  const args = params.map((param) => {
    const special = slot(param);
    if (special) return special.value;
    const match = paramFor(binding, param.name);
    if (match) return match.value;
    if (!bodyUsed) {
      bodyUsed = true;
      return binding.call.body;
    }
    if (param.optional === false) unfilled.push(param.name);
    return undefined;
  });
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return { args, unfilled };
}

/**
 * Why the driver cannot make the call (for a `driver-unsupported` cell): required parameters of the generated
 * function that stand for no parameter of the operation and are not its body.
 */
export function unfilledReason(names: readonly string[], binding: Binding): string {
  const declared = binding.declared.map((p) => `${p.in} ${p.name}`).join(', ') || 'none';
  const many = names.length > 1;
  return `the client requires parameter${many ? 's' : ''} ${names.join(', ')}, which match${many ? '' : 'es'} no parameter of ${binding.call.method.toUpperCase()} ${binding.call.path} (declared: ${declared}) and ${many ? 'are' : 'is'} not its body`;
}

/** An object whose properties are parameters under generated names (a request object, a destructured group); the one other property is the body. */
export function membersObject(members: readonly string[], binding: Binding): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  let bodyUsed = false;
  for (const member of members) {
    const match = paramFor(binding, member);
    if (match) {
      if (match.value !== undefined) object[member] = match.value;
    } else if (!bodyUsed) {
      bodyUsed = true;
      if (binding.call.body !== undefined) object[member] = binding.call.body;
    }
  }
  return object;
}

/** Values of the declared parameters in one location, under their wire names (for clients that take `{ query: {...} }`). */
export function wireGroup(call: CallPlan, location: 'path' | 'query' | 'header'): Record<string, unknown> {
  const values = location === 'path' ? call.pathParams : location === 'query' ? call.query : call.headers;
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}
