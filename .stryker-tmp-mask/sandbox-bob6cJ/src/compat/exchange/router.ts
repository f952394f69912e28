/**
 * Request routing by the spec's path templates. Hand-written: the rules are OpenAPI's own (literal segments
 * beat templated ones, server base path from `servers[0].url`), a router library would add its own.
 */
// @ts-nocheck

import { childPointer, resolveLocalRef } from '../../openapi/refs.js';
import { isObject, type JsonObject } from '../../openapi/types.js';
import type { OperationMatch, OperationRef } from './types.js';
import { HTTP_METHODS } from '../../openapi/types.js';


interface Route {
  template: string;
  /** Per segment: a literal string, or a regex with the parameter names it captures. */
  segments: ({ literal: string } | { pattern: RegExp; names: string[] })[];
  /** 0 for a literal segment, 1 for a templated one: routes sort by this, lexicographically. */
  rank: number[];
  operations: Map<string, OperationRef>;
}

export type RouteResult =
  | { kind: 'match'; match: OperationMatch; rawPathParams: Record<string, string> }
  | { kind: 'method-not-allowed'; path: string; pointer: string; allowed: string[] }
  | { kind: 'not-found'; path: string; suggestion?: string };

export interface Router {
  operations: OperationRef[];
  basePath: string;
  route(method: string, url: string): RouteResult;
}

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Base path of `servers[0].url` (variables replaced by their defaults), without a trailing slash. */
export function basePathOf(doc: JsonObject): string {
  const server = Array.isArray(doc.servers) && isObject(doc.servers[0]) ? doc.servers[0] : undefined;
  if (!server || typeof server.url !== 'string') return '';
  const variables = isObject(server.variables) ? server.variables : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const variable = variables[name];
    return isObject(variable) && typeof variable.default === 'string' ? variable.default : '';
  });
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) path = new URL(url).pathname;
  else if (url.startsWith('//')) path = new URL(`http:${url}`).pathname;
  return path.replace(/\/+$/, '');
}

/** Path and query of a request URL (absolute or origin-form). */
export function splitUrl(url: string): { path: string; query: string } {
  let rest = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) {
    const parsed = new URL(rest);
    rest = parsed.pathname + parsed.search;
  }
  const hash = rest.indexOf('#');
  if (hash !== -1) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  return q === -1 ? { path: rest, query: '' } : { path: rest.slice(0, q), query: rest.slice(q + 1) };
}

function compileSegment(segment: string): Route['segments'][number] {
  if (!segment.includes('{')) return { literal: segment };
  const names: string[] = [];
  const source = segment.replace(/\{([^}]+)\}|([^{]+)/g, (_, name: string | undefined, text: string | undefined) => {
    if (name !== undefined) {
      names.push(name);
      return '([^/]+?)';
    }
    return (text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  });
  return { pattern: new RegExp(`^${source}$`), names };
}

export function createRouter(doc: JsonObject): Router {
  const operations: OperationRef[] = [];
  const routes: Route[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [template, rawItem] of Object.entries(paths)) {
    const item = isObject(rawItem) && typeof rawItem.$ref === 'string' ? resolveLocalRef(doc, rawItem.$ref) : rawItem;
    if (!isObject(item)) continue;
    const route: Route = { template, segments: [], rank: [], operations: new Map() };
    for (const segment of template.split('/')) {
      const compiled = compileSegment(segment);
      route.segments.push(compiled);
      route.rank.push('literal' in compiled ? 0 : 1);
    }
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const ref: OperationRef = {
        path: template,
        method,
        ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
        pointer: childPointer('', 'paths', template, method),
      };
      operations.push(ref);
      route.operations.set(method, ref);
    }
    routes.push(route);
  }
  routes.sort((a, b) => {
    for (let i = 0; i < Math.min(a.rank.length, b.rank.length); i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] - b.rank[i];
    return 0;
  });
  const basePath = basePathOf(doc);

  type Candidate = { route: Route; params: Record<string, string>; rawParams: Record<string, string> };
  const candidates = (path: string): Candidate[] => {
    const raw = path.split('/');
    const found: Candidate[] = [];
    for (const route of routes) {
      if (route.segments.length !== raw.length) continue;
      const params: Record<string, string> = {};
      const rawParams: Record<string, string> = {};
      const ok = route.segments.every((segment, i) => {
        if ('literal' in segment) return segment.literal === raw[i] || segment.literal === safeDecode(raw[i]);
        const m = segment.pattern.exec(raw[i]);
        if (!m) return false;
        segment.names.forEach((name, k) => {
          rawParams[name] = m[k + 1];
          params[name] = safeDecode(m[k + 1]);
        });
        return true;
      });
      if (ok) found.push({ route, params, rawParams });
    }
    return found;
  };

  const route = (method: string, url: string): RouteResult => {
    const { path: fullPath } = splitUrl(url);
    let path = fullPath;
    if (basePath !== '') {
      if (fullPath !== basePath && !fullPath.startsWith(basePath + '/')) return { kind: 'not-found', path: fullPath };
      path = fullPath.slice(basePath.length) || '/';
    }
    const found = candidates(path);
    const lower = method.toLowerCase();
    for (const { route: r, params, rawParams } of found) {
      const operation = r.operations.get(lower);
      if (operation) return { kind: 'match', match: { ...operation, pathParams: params }, rawPathParams: rawParams };
    }
    if (found.length > 0) {
      const best = found[0].route;
      return {
        kind: 'method-not-allowed',
        path: best.template,
        pointer: childPointer('', 'paths', best.template),
        allowed: [...new Set(found.flatMap((f) => [...f.route.operations.keys()]))].map((m) => m.toUpperCase()),
      };
    }
    // the trailing slash is part of the template: say so when that is the only difference
    const toggled = path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
    const near = candidates(toggled).find((c) => c.route.operations.has(lower));
    return { kind: 'not-found', path: fullPath, ...(near ? { suggestion: basePath + near.route.template } : {}) };
  };

  return { operations, basePath, route };
}
