/**
 * JSON pointers (RFC 6901) and `$ref` helpers shared by validate, slice and anyone else.
 * Hand-written: RFC 6901 is a few lines, and the ref walker must know which OpenAPI keys hold plain data
 * (examples, defaults, enums, extensions) so that a `$ref` inside an example is not taken for a reference.
 */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from './types.js';

export const escapePointerToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

export const unescapePointerToken = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** `['paths', '/jobs']` → `/paths/~1jobs`; `[]` → `` (the whole document). */
export const pointerFromTokens = (tokens: readonly (string | number)[]): string =>
  tokens.map((t) => '/' + escapePointerToken(String(t))).join('');

/** Append tokens to an existing pointer. */
export const childPointer = (pointer: string, ...tokens: (string | number)[]): string => pointer + pointerFromTokens(tokens);

/** `/paths/~1jobs` → `['paths', '/jobs']`; undefined when the text is not a JSON pointer. */
export function tokensFromPointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~[^01]|~$/.test(pointer)) return undefined;
  return pointer.slice(1).split('/').map(unescapePointerToken);
}

/** The value at `pointer` in `root`, or undefined when any token is missing. */
export function resolvePointer(root: Json, pointer: string): Json | undefined {
  const tokens = tokensFromPointer(pointer);
  if (tokens === undefined) return undefined;
  let node: Json | undefined = root;
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) {
      node = node[token];
    } else return undefined;
  }
  return node;
}

export interface ParsedRef {
  /** Document part before `#` (empty for a local ref). */
  document: string;
  /** JSON pointer after `#` (percent-decoded; empty for the whole document). */
  pointer: string;
}

/** Split `other.yaml#/components/schemas/A` into document and pointer. */
export function parseRef(ref: string): ParsedRef {
  const hash = ref.indexOf('#');
  const document = hash === -1 ? ref : ref.slice(0, hash);
  let fragment = hash === -1 ? '' : ref.slice(hash + 1);
  try {
    fragment = decodeURIComponent(fragment);
  } catch {
    // keep the raw fragment: a stray % is then reported as an unresolvable pointer
  }
  return { document, pointer: fragment };
}

export const isLocalRef = (ref: string): boolean => ref.startsWith('#');

/** Resolve a local `$ref` string in `root`; undefined for external or unresolvable refs. */
export function resolveLocalRef(root: Json, ref: string): Json | undefined {
  if (!isLocalRef(ref)) return undefined;
  return resolvePointer(root, parseRef(ref).pointer);
}

/**
 * Follow `$ref` chains from `node` (a local ref to a ref to …) to the first non-ref object.
 * Returns the object and its pointer, or undefined when a ref dangles, is external, or loops.
 */
export function derefLocal(root: Json, node: Json, pointer: string): { node: Json; pointer: string } | undefined {
  const seen = new Set<string>();
  let current: Json = node;
  let at = pointer;
  while (isObject(current) && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!isLocalRef(ref) || seen.has(ref)) return undefined;
    seen.add(ref);
    at = parseRef(ref).pointer;
    const next = resolvePointer(root, at);
    if (next === undefined) return undefined;
    current = next;
  }
  return { node: current, pointer: at };
}

/**
 * Keys whose value is a map from user-chosen names to objects. Inside such a map a key like `default`,
 * `example` or `$ref` is a name (a property called `default`, the `default` response), not a keyword.
 */
const NAMED_MAPS = new Set([
  'paths',
  'webhooks',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'definitions',
  'securityDefinitions',
  'content',
  'encoding',
  'variables',
  'properties',
  'patternProperties',
  '$defs',
  'dependentSchemas',
  'scopes',
]);

/** Keys whose value is data (an instance, not a description), so `$ref` inside them means nothing. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'value', 'x-example']);

export interface RefSite {
  /** The reference as written (discriminator mapping names are expanded to `#/components/schemas/<name>`). */
  ref: string;
  /** Pointer to the `$ref` member (or the discriminator mapping entry) that holds the reference. */
  pointer: string;
}

/**
 * Every reference under `node`: `$ref` members and discriminator mapping values, skipping data
 * (examples, defaults, enums, consts) and `x-` extensions, which are opaque to OpenAPI.
 * `schemasPointer` is where bare discriminator mapping names point (`/definitions` for Swagger 2.0).
 */
export function collectRefs(node: Json, pointer = '', schemasPointer = '/components/schemas'): RefSite[] {
  const sites: RefSite[] = [];
  const visit = (value: Json, at: string, inNamedMap: boolean, key: string | undefined): void => {
    if (Array.isArray(value)) {
      // `examples` as an array is JSON Schema's list of example instances
      if (key === 'examples') return;
      value.forEach((item, i) => visit(item, `${at}/${i}`, false, undefined));
      return;
    }
    if (!isObject(value)) return;
    if (!inNamedMap) {
      if (typeof value.$ref === 'string') sites.push({ ref: value.$ref, pointer: `${at}/$ref` });
      const mapping = isObject(value.discriminator) ? value.discriminator.mapping : undefined;
      if (isObject(mapping)) {
        for (const [name, target] of Object.entries(mapping)) {
          if (typeof target !== 'string') continue;
          const ref = target.includes('#') || target.includes('/') ? target : `#${schemasPointer}/${escapePointerToken(target)}`;
          sites.push({ ref, pointer: `${at}/discriminator/mapping/${escapePointerToken(name)}` });
        }
      }
    }
    for (const [childKey, child] of Object.entries(value)) {
      if (!inNamedMap && (childKey === '$ref' || childKey === 'discriminator' || DATA_KEYS.has(childKey) || childKey.startsWith('x-'))) continue;
      const childIsMap = !inNamedMap && NAMED_MAPS.has(childKey) && isObject(child);
      visit(child, `${at}/${escapePointerToken(childKey)}`, childIsMap, childKey);
    }
  };
  visit(node, pointer, false, undefined);
  return sites;
}

/** Deep copy of a JSON value (specs are plain data, so structuredClone is exact and fast). */
export const cloneJson = <T extends Json | JsonObject>(value: T): T => structuredClone(value);
