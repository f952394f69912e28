/**
 * Display names and readable locations for a classified report. Masking rewrites one side's version tags so
 * that the two versions compare; a reader wants each thing by the name it has in the version described:
 * what exists in the new version by its new name (`/slurm/v0.0.41/jobs`, `v0.0.41_job_info`), only what was
 * removed by its old one. Fingerprints stay as the engine made them (masked), so accept-lists keep matching
 * across versions.
 */
// @ts-nocheck

import type { Change, DiffReport, OperationRef } from '../diff/model.js';
import { maskText } from '../mask/index.js';
import { tokensFromPointer } from '../openapi/refs.js';
import { isHttpMethod, isObject, type Json, type JsonObject } from '../openapi/types.js';

export interface DisplaySides {
  /** The documents as compared (masked). */
  oldDoc: JsonObject;
  newDoc: JsonObject;
  /** Masking applied before the diff: the new side's `from` tag was written as `to` (and the old side's, when `oldMasked`). */
  mask?: { from: string; to: string; newMasked: boolean; oldMasked: boolean };
}

const cache = new Map<string, string>();

/** A masked name back in its own version: the tag `to` written as `from` again. */
function unmaskText(text: string, mask: { from: string; to: string }): string {
  const key = `${mask.to}\u0000${mask.from}\u0000${text}`;
  let out = cache.get(key);
  if (out === undefined) {
    out = maskText(text, mask.to, mask.from);
    if (cache.size > 10_000) cache.clear();
    cache.set(key, out);
  }
  return out;
}

function unmaskJson(value: Json, mask: { from: string; to: string }): Json {
  if (typeof value === 'string') return unmaskText(value, mask);
  if (Array.isArray(value)) return value.map((v) => unmaskJson(v, mask));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [unmaskText(k, mask), unmaskJson(v, mask)]));
  return value;
}

const hasOperation = (doc: JsonObject, op: OperationRef): boolean => {
  const holder = op.webhook ? doc.webhooks : doc.paths;
  if (!isObject(holder)) return false;
  const item = holder[op.path];
  return isObject(item) && isObject(item[op.method.toLowerCase()]);
};

/** Does the thing a masked pointer names (its first two levels: a path, a component) exist in `doc`? */
function headExists(doc: JsonObject, tokens: readonly string[]): boolean {
  const [top, name, sub] = tokens;
  if (top === 'paths' || top === 'webhooks') {
    const item = isObject(doc[top]) ? (doc[top] as JsonObject)[name] : undefined;
    if (!isObject(item)) return false;
    return sub === undefined || !isHttpMethod(sub) || isObject(item[sub]);
  }
  if (top === 'components') return isObject(doc.components) && isObject(doc.components[name]) && Object.hasOwn(doc.components[name] as JsonObject, sub);
  if (top === 'definitions') return isObject(doc.definitions) && Object.hasOwn(doc.definitions, name);
  return true;
}

const METHOD_LABEL = (method: string) => method.toUpperCase();

/**
 * `jobs[].job_resources.nodes` from the schema keywords of a pointer (properties/NAME, items, …);
 * stops at the first keyword that is no place (type, enum, required, …). Composition (allOf/oneOf/anyOf) is
 * no place a reader names, so it is skipped.
 */
export function fieldPath(tokens: readonly string[]): string {
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if ((token === 'properties' || token === 'patternProperties') && i + 1 < tokens.length) out += `.${tokens[++i]}`;
    else if (token === 'items') out += '[]';
    else if (token === 'additionalProperties') out += '.*';
    else if ((token === 'allOf' || token === 'oneOf' || token === 'anyOf' || token === 'prefixItems') && i + 1 < tokens.length) {
      if (token === 'prefixItems') out += `[${tokens[i + 1]}]`;
      i++;
    } else if (token === 'not') continue;
    else break;
  }
  return out.startsWith('.') ? out.slice(1) : out;
}

/** A media type's schema: `content/<type>/schema/…` → the tokens after `schema` (undefined when not there). */
function afterSchema(tokens: readonly string[]): readonly string[] | undefined {
  if (tokens[0] === 'schema') return tokens.slice(1);
  if (tokens[0] === 'content' && tokens[2] === 'schema') return tokens.slice(3);
  return undefined;
}

const code = (name: string) => `\`${name.replace(/`/g, "'")}\``;

function resolveRef(doc: JsonObject, node: Json | undefined): Json | undefined {
  for (let hops = 0; hops < 10 && isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#'); hops++) {
    const tokens = tokensFromPointer(node.$ref.slice(1));
    let next: Json | undefined = doc;
    for (const t of tokens ?? []) next = Array.isArray(next) ? next[Number(t)] : isObject(next) ? next[t] : undefined;
    node = next;
  }
  return node;
}

function parameterLabel(doc: JsonObject, holder: Json | undefined, index: string): string {
  const list = isObject(holder) ? holder.parameters : undefined;
  const param = resolveRef(doc, Array.isArray(list) ? list[Number(index)] : undefined);
  if (isObject(param) && typeof param.name === 'string') return `${typeof param.in === 'string' ? `${param.in} ` : ''}parameter ${code(param.name)}`;
  return `parameter ${index}`;
}

/** The readable place inside an operation: `query parameter \`flags\``, `request body \`job.environment\``, `→ 200 → jobs[]`. */
function operationPart(doc: JsonObject, op: Json | undefined, rest: readonly string[]): string {
  const [part, key] = rest;
  if (part === undefined) return '';
  if (part === 'parameters' && key !== undefined) return ` → ${parameterLabel(doc, op, key)}`;
  if (part === 'requestBody') {
    const inner = afterSchema(rest.slice(1));
    const field = inner ? fieldPath(inner) : '';
    return ` → request body${field ? ` ${code(field)}` : ''}`;
  }
  if (part === 'responses' && key !== undefined) {
    const after = rest.slice(2);
    if (after[0] === 'headers' && after[1] !== undefined) return ` → ${key} → header ${code(after[1])}`;
    const inner = afterSchema(after);
    const field = inner ? fieldPath(inner) : '';
    return ` → ${key}${field ? ` → ${field}` : ''}`;
  }
  return ` → ${part}`;
}

const SINGULAR: Record<string, string> = {
  schemas: 'schema',
  parameters: 'parameter',
  responses: 'response',
  requestBodies: 'request body',
  headers: 'header',
  securitySchemes: 'security scheme',
  examples: 'example',
  links: 'link',
  callbacks: 'callback',
  pathItems: 'path item',
};

/**
 * A JSON pointer (`#/…`) as a reader would say it, in the names of `doc`:
 * `GET /slurm/v0.0.41/jobs → 200 → jobs[].job_resources.nodes`, `schema \`v0.0.41_job_info\` property \`nodes\``.
 * Undefined when the pointer is not one (a location such as `GET /jobs` is readable already).
 */
export function readablePointer(pointer: string, doc: JsonObject, rename: (name: string) => string = (n) => n): string | undefined {
  if (!pointer.startsWith('#') && !pointer.startsWith('/')) return undefined;
  const tokens = tokensFromPointer(pointer.startsWith('#') ? pointer.slice(1) : pointer);
  if (tokens === undefined) return undefined;
  const [top, name, ...rest] = tokens;
  if (top === undefined) return 'the document';
  if ((top === 'paths' || top === 'webhooks') && name !== undefined) {
    const item = isObject(doc[top]) ? (doc[top] as JsonObject)[name] : undefined;
    const shown = rename(name);
    const [method, ...inside] = rest;
    if (method !== undefined && isHttpMethod(method)) {
      const label = top === 'webhooks' ? `WEBHOOK ${shown} ${METHOD_LABEL(method)}` : `${METHOD_LABEL(method)} ${shown}`;
      return label + operationPart(doc, isObject(item) ? item[method] : undefined, inside);
    }
    if (method === 'parameters' && inside[0] !== undefined) return `${shown} → ${parameterLabel(doc, item, inside[0])}`;
    return method === undefined ? shown : `${shown} → ${method}`;
  }
  if ((top === 'components' && name !== undefined && rest[0] !== undefined) || (top === 'definitions' && name !== undefined)) {
    const kind = top === 'definitions' ? 'schemas' : name;
    const [compName, ...inside] = top === 'definitions' ? [name, ...rest] : rest;
    const label = `${SINGULAR[kind] ?? kind} ${code(rename(compName))}`;
    if (kind !== 'schemas') {
      const inner = kind === 'parameters' || kind === 'headers' ? inside.slice(inside[0] === 'schema' ? 1 : 0) : afterSchema(inside) ?? [];
      const field = fieldPath(inner);
      return field ? `${label} property ${code(field)}` : label;
    }
    const field = fieldPath(inside);
    if (field === '') return label;
    return field.startsWith('[]') && field.length === 2 ? `${label} items` : `${label} property ${code(field)}`;
  }
  return tokens.map((t) => (/^\d+$/.test(t) ? `[${t}]` : t)).join(' ').replace(/ \[/g, '[');
}

const VERSION_SEGMENT = /^v?\d+(\.\d+)+$|^v\d+$/i;

/**
 * The resource of every operation of both (masked) documents, keyed `METHOD path`: its first OpenAPI tag, unless
 * that tag only names the API the path sits under (Slurm tags `slurm`, `slurmdb`: the segment before the version),
 * else the first path segment after the version (`/slurm/v0.0.41/jobs` → `jobs`). `job` and `jobs` are one
 * resource (`jobs`); a name used under several APIs says which (`jobs (slurmdb)`).
 */
export function resourcesOf(...docs: JsonObject[]): Map<string, string> {
  const raw = new Map<string, { name: string; family: string }>();
  for (const doc of docs) {
    if (!isObject(doc.paths)) continue;
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!isObject(item)) continue;
      const segments = path.split('/').filter((s) => s !== '');
      const versionAt = segments.findIndex((s) => VERSION_SEGMENT.test(s));
      const family = versionAt > 0 ? segments.slice(0, versionAt).join('/') : '';
      const after = segments.slice(versionAt + 1).find((s) => !s.startsWith('{')) ?? (family || '/');
      for (const [method, op] of Object.entries(item)) {
        if (!isHttpMethod(method) || !isObject(op)) continue;
        const tag = Array.isArray(op.tags) && typeof op.tags[0] === 'string' ? op.tags[0] : undefined;
        const tagIsApi = tag !== undefined && (segments.slice(0, Math.max(versionAt, 0)).includes(tag) || (versionAt <= 0 && tag === segments[0] && segments.length > 1));
        const name = tag !== undefined && !tagIsApi ? tag : after;
        raw.set(`${method.toUpperCase()} ${path}`, { name, family: tag !== undefined && !tagIsApi ? '' : family });
      }
    }
  }
  const names = new Set([...raw.values()].map((r) => r.name));
  const plural = (name: string) => (names.has(`${name}s`) ? `${name}s` : name);
  const families = new Map<string, Set<string>>();
  for (const r of raw.values()) {
    const set = families.get(plural(r.name)) ?? new Set();
    set.add(r.family);
    families.set(plural(r.name), set);
  }
  const out = new Map<string, string>();
  for (const [key, r] of raw) {
    const name = plural(r.name);
    out.set(key, (families.get(name)?.size ?? 0) > 1 && r.family ? `${name} (${r.family})` : name);
  }
  return out;
}

/** The one resource all of a change's operations belong to, else undefined. */
function resourceOfChange(change: Change, resources: Map<string, string>): string | undefined {
  let found: string | undefined;
  for (const op of change.operations) {
    const resource = op.webhook ? 'webhooks' : resources.get(`${op.method.toUpperCase()} ${op.path}`);
    if (resource === undefined || (found !== undefined && found !== resource)) return undefined;
    found = resource;
  }
  return found;
}

/** `/paths`, `/components/schemas`, …: a new-side pointer that only says where a removed thing's list is. */
const isContainerOnly = (pointer: string): boolean => {
  const tokens = tokensFromPointer(pointer.replace(/^#/, '')) ?? [];
  return tokens.length < 2 || (tokens[0] === 'components' && tokens.length < 3);
};

const resourceCount = (change: Change) => (change.resource === undefined ? (change.operations.length > 0 ? 2 : 0) : 1);

/** Which side a change's own names come from: removed things are named as they were, the rest as they are. */
const namesFromOld = (change: Change) => change.kind === 'removed';

/** Messages that quote an old and a new name (`renamed to`, `from … to …`): only the part after `to` is in new names. */
const FROM_TO = /^(.*?(?:\brenamed\b|\bfrom\b).*?\bto\b)(.*)$/s;

/**
 * The report as a reader wants it: new-version names for what exists in the new version, readable locations
 * (`where`) next to the JSON pointers, and the sides' pointers pointing into the documents as written.
 */
export function displayReport(report: DiffReport, sides: DisplaySides): DiffReport {
  const mask = sides.mask;
  const toNew = mask?.newMasked ? (text: string) => unmaskText(text, mask) : (text: string) => text;
  const toOld = mask?.oldMasked ? (text: string) => unmaskText(text, mask) : (text: string) => text;
  /** A masked name, shown in the version where it exists (the new one when both have it). */
  const nameIn = (tokens: readonly string[]) => (headExists(sides.newDoc, tokens) ? toNew : toOld);

  const resources = resourcesOf(sides.oldDoc, sides.newDoc);
  const changes = report.changes.map((change): Change => {
    const out: Change = { ...change };
    const resource = resourceOfChange(change, resources);
    if (resource !== undefined) out.resource = resource;
    out.operations = change.operations.map((op) => {
      const rename = hasOperation(sides.newDoc, op) ? toNew : toOld;
      const shown: OperationRef = { ...op, path: rename(op.path) };
      if (op.operationId !== undefined) shown.operationId = rename(op.operationId);
      return shown;
    });
    out.location = displayLocation(change.location, sides, nameIn, toNew, toOld);
    if (change.new) out.new = { ...change.new, pointer: toNew(change.new.pointer), ...(change.new.value !== undefined && mask?.newMasked ? { value: unmaskJson(change.new.value, mask) } : {}) };
    if (change.old) out.old = { ...change.old, pointer: toOld(change.old.pointer) };
    if (namesFromOld(change)) out.message = toOld(change.message);
    else {
      const split = FROM_TO.exec(change.message);
      out.message = split ? toOld(split[1]) + toNew(split[2]) : toNew(change.message);
    }
    const where = whereOf(out.resource === undefined ? change : { ...change, resource: out.resource }, sides, nameIn);
    if (where !== undefined) out.where = where;
    return out;
  });
  const out: DiffReport = { ...report, changes };
  if (mask?.newMasked) out.new = { ...report.new, ...(report.new.title ? { title: toNew(report.new.title) } : {}), ...(report.new.version ? { version: toNew(report.new.version) } : {}) };
  if (report.select?.new && mask?.newMasked) out.select = { ...report.select, new: toNew(report.select.new) };
  return out;
}

function displayLocation(
  location: string,
  sides: DisplaySides,
  nameIn: (tokens: readonly string[]) => (text: string) => string,
  toNew: (t: string) => string,
  toOld: (t: string) => string,
): string {
  if (location.startsWith('#')) {
    const tokens = tokensFromPointer(location.slice(1)) ?? [];
    return nameIn(tokens)(location);
  }
  const op = /^([A-Z]+) (\/.*)$/.exec(location);
  if (op) return hasOperation(sides.newDoc, { method: op[1], path: op[2] }) ? toNew(location) : toOld(location);
  const webhook = /^WEBHOOK (.+) ([A-Z]+)$/.exec(location);
  if (webhook) return hasOperation(sides.newDoc, { method: webhook[2], path: webhook[1], webhook: true }) ? toNew(location) : toOld(location);
  return toNew(location);
}

/**
 * The readable location of a change: from the new side's pointer (the thing, or for a removal the place it was
 * removed from, as the new version has it), else the old side's. A change in a named schema the new version no
 * longer has (it inlines it) that reaches several resources is named by that schema, as the old version had it.
 */
function whereOf(change: Change, sides: DisplaySides, nameIn: (tokens: readonly string[]) => (text: string) => string): string | undefined {
  const locationTokens = change.location.startsWith('#/') ? tokensFromPointer(change.location.slice(1)) : undefined;
  let pointer: string | undefined;
  let doc = sides.newDoc;
  if (locationTokens?.[0] === 'components' && !headExists(sides.newDoc, locationTokens.slice(0, 3)) && change.operations.length > 1 && resourceCount(change) !== 1) {
    pointer = change.location;
    doc = sides.oldDoc;
  } else if (change.new && !(change.old && isContainerOnly(change.new.pointer))) pointer = change.new.pointer;
  else if (change.old) {
    pointer = change.old.pointer;
    doc = sides.oldDoc;
  } else if (change.location.startsWith('#')) pointer = change.location;
  if (pointer === undefined) return undefined;
  const tokens = tokensFromPointer(pointer.replace(/^#/, '')) ?? [];
  // The path or component at the pointer's head, by its name in the version where it exists.
  const rename = nameIn(tokens.slice(0, 3));
  return readablePointer(pointer, doc, rename);
}
