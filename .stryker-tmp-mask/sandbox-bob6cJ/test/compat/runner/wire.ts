/**
 * The fake client's own wire form of a call (OpenAPI 3 parameter serialisation, JSON bodies), written here from
 * the specification's style/explode table rather than taken from the reference server, so that a serialiser bug
 * in src/ cannot hide behind the same bug in the client that tests it.
 */
// @ts-nocheck

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export interface WireParameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  style: string;
  explode: boolean;
  /** Set when the parameter is written with `content` (then it is that media type, JSON here). */
  content: boolean;
}

export interface WireOperation {
  operationId?: string;
  method: string;
  path: string;
  parameters: WireParameter[];
}

function deref(doc: JsonObject, node: Json | undefined): Json | undefined {
  let seen = 0;
  while (isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#/') && seen++ < 32) {
    let target: Json | undefined = doc;
    for (const raw of node.$ref.slice(2).split('/')) {
      const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[token] : undefined;
    }
    node = target;
  }
  return node;
}

function wireParameter(doc: JsonObject, raw: Json): WireParameter | undefined {
  const p = deref(doc, raw);
  if (!isObject(p) || typeof p.name !== 'string' || typeof p.in !== 'string') return undefined;
  const where = p.in as WireParameter['in'];
  const style = typeof p.style === 'string' ? p.style : where === 'query' || where === 'cookie' ? 'form' : 'simple';
  const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  return { name: p.name, in: where, style, explode, content: isObject(p.content) };
}

/** Every operation of `doc.paths` in document order, with its parameters (operation-level ones win over path-level). */
export function wireOperations(doc: JsonObject): WireOperation[] {
  const out: WireOperation[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem);
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const own = Array.isArray(op.parameters) ? op.parameters : [];
      const byKey = new Map<string, WireParameter>();
      for (const raw of [...shared, ...own]) {
        const p = wireParameter(doc, raw);
        if (p) byKey.set(`${p.in} ${p.name}`, p);
      }
      out.push({ ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}), method, path, parameters: [...byKey.values()] });
    }
  }
  return out;
}

const text = (v: Json): string => (typeof v === 'string' ? v : v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
const enc = (v: Json | string): string => encodeURIComponent(typeof v === 'string' ? v : text(v));

/**
 * One query parameter as `name=…` pairs joined by `&` (OpenAPI 3.0.3 §4.7.12.4 style values):
 * form (explode: `a=1&a=2`, `k=v&k2=v2`; not: `a=1,2`, `a=k,v,k2,v2`), spaceDelimited (`a=1%202`),
 * pipeDelimited (`a=1|2`), deepObject (`a[k]=v`); `content` parameters as JSON text.
 */
export function queryPart(p: WireParameter, value: Json): string {
  const name = encodeURIComponent(p.name);
  if (p.content) return `${name}=${encodeURIComponent(JSON.stringify(value))}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    if (p.style === 'spaceDelimited' && !p.explode) return `${name}=${value.map(enc).join('%20')}`;
    if (p.style === 'pipeDelimited' && !p.explode) return `${name}=${value.map(enc).join('|')}`;
    return p.explode ? value.map((v) => `${name}=${enc(v)}`).join('&') : `${name}=${value.map(enc).join(',')}`;
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    if (p.style === 'deepObject') return entries.map(([k, v]) => `${name}[${enc(k)}]=${enc(v)}`).join('&');
    return p.explode ? entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&') : `${name}=${entries.map(([k, v]) => `${enc(k)},${enc(v)}`).join(',')}`;
  }
  return `${name}=${enc(value)}`;
}

/** One path parameter's segment: simple (`1,2`, `k,v` / `k=v`), label (`.1.2` / `.1,2`), matrix (`;a=1;a=2` / `;a=1,2`). */
export function pathPart(p: WireParameter, value: Json): string {
  const items: string[] = Array.isArray(value)
    ? value.map(enc)
    : isObject(value)
      ? Object.entries(value).flatMap(([k, v]) => (p.explode ? [`${enc(k)}=${enc(v)}`] : [enc(k), enc(v)]))
      : [enc(value)];
  switch (p.style) {
    case 'label':
      return `.${items.join(p.explode ? '.' : ',')}`;
    case 'matrix':
      return Array.isArray(value) && p.explode ? items.map((i) => `;${p.name}=${i}`).join('') : `;${p.name}=${items.join(',')}`;
    default:
      return items.join(',');
  }
}

/** The URL (base + path + query) of a call, each value serialised per its parameter. */
export function wireUrl(baseUrl: string, op: WireOperation, pathParams: Record<string, unknown>, query: Record<string, unknown>): string {
  let path = op.path;
  const parts: string[] = [];
  for (const p of op.parameters) {
    if (p.in === 'path' && pathParams[p.name] !== undefined) path = path.split(`{${p.name}}`).join(pathPart(p, pathParams[p.name] as Json));
    if (p.in === 'query' && query[p.name] !== undefined) parts.push(queryPart(p, query[p.name] as Json));
  }
  const q = parts.filter(Boolean).join('&');
  return `${baseUrl.replace(/\/+$/, '')}${path}${q ? `?${q}` : ''}`;
}

export const operationPointer = (op: WireOperation): string => `/paths/${escape(op.path)}/${op.method}`;
