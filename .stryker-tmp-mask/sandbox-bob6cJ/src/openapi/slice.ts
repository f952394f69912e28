/**
 * Version slicing: one version's paths out of a document that serves several (slurmrestd 22.05 serves
 * v0.0.36–v0.0.38 together), with exactly the components those paths reach.
 *
 * Version tags: a path's tag is its first segment shaped like `v0.0.38` / `v1` (or `dbv0.0.38`).
 * slurmrestd ≤ 22.05 had separate database plugins (`dbv0.0.38`) serving `/slurmdb/v0.0.38/…` with schemas
 * named `dbv0.0.38_*`; from v0.0.39 on one plugin serves `/slurm/…` and `/slurmdb/…` with `v0.0.39_*` schemas.
 * So `/slurmdb/vX/…` is tagged `dbvX` when the document has components named `dbvX_*`, and `vX` otherwise.
 */
// @ts-nocheck

import { ExitCode, SpecdriftError } from '../errors.js';
import { cloneJson, collectRefs, escapePointerToken, isLocalRef, parseRef, tokensFromPointer } from './refs.js';
import { isHttpMethod, isObject, type Json, type JsonObject } from './types.js';

const VERSION_SEGMENT = /^(?:db)?v\d+(?:\.\d+)*$/;
const DB_COMPONENT_PREFIX = /^db(v\d+(?:\.\d+)*)(?![\d.])/;
/** Swagger 2.0 keeps its reusable parts at the top level. */
const SWAGGER2_COMPONENT_KINDS = new Set(['definitions', 'parameters', 'responses', 'securityDefinitions']);

/** Versions whose `/slurmdb/…` paths belong to a separate `dbv…` plugin (22.05 style), from component names. */
function separateDbPluginVersions(doc: JsonObject): Set<string> {
  const versions = new Set<string>();
  const kinds = [...(isObject(doc.components) ? Object.values(doc.components) : []), doc.definitions];
  for (const kind of kinds) {
    if (!isObject(kind)) continue;
    for (const name of Object.keys(kind)) {
      const m = DB_COMPONENT_PREFIX.exec(name);
      if (m) versions.add(m[1]);
    }
  }
  return versions;
}

function pathVersionTag(path: string, dbPlugins: ReadonlySet<string>): string | undefined {
  const segments = path.split('/');
  const i = segments.findIndex((s) => VERSION_SEGMENT.test(s));
  if (i === -1) return undefined;
  const segment = segments[i];
  if (!segment.startsWith('db') && segments[i - 1] === 'slurmdb' && dbPlugins.has(segment)) return `db${segment}`;
  return segment;
}

const DOTTED_TAG = /^(?:db)?v\d+(?:\.\d+)+$/;

/**
 * Version tag of every path that has one. When some tags are dotted (`v0.0.38`), undotted ones (`v3` in
 * slurmrestd's `/openapi/v3`) are not API versions but part of a name, and those paths belong to no version.
 */
function pathVersionTags(doc: JsonObject): Map<string, string> {
  const tags = new Map<string, string>();
  if (!isObject(doc.paths)) return tags;
  const dbPlugins = separateDbPluginVersions(doc);
  for (const path of Object.keys(doc.paths)) {
    const tag = pathVersionTag(path, dbPlugins);
    if (tag !== undefined) tags.set(path, tag);
  }
  if ([...tags.values()].some((t) => DOTTED_TAG.test(t))) {
    for (const [path, tag] of tags) if (!DOTTED_TAG.test(tag)) tags.delete(path);
  }
  return tags;
}

/** `v0.0.36` < `v0.0.40` < `dbv0.0.36`: plain tags first, then numerically. */
function compareTags(a: string, b: string): number {
  const da = a.startsWith('db') ? 1 : 0;
  const db = b.startsWith('db') ? 1 : 0;
  if (da !== db) return da - db;
  const na = a.replace(/^(db)?v/, '').split('.').map(Number);
  const nb = b.replace(/^(db)?v/, '').split('.').map(Number);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? -1) - (nb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** The version tags present in path keys, e.g. `['v0.0.36', 'v0.0.37', 'v0.0.38']` or `['dbv0.0.38']`. */
export function listVersions(doc: JsonObject): string[] {
  return [...new Set(pathVersionTags(doc).values())].sort(compareTags);
}

/**
 * A standalone document with only the paths tagged `version`, the components they reach (transitively,
 * every component kind, security schemes named by security requirements, discriminator mappings), the tags
 * their operations use, and the shared top-level fields. The input is not modified; the output shares nothing with it.
 */
export function sliceByVersion(doc: JsonObject, version: string): JsonObject {
  const tags = pathVersionTags(doc);
  const present = [...new Set(tags.values())].sort(compareTags);
  if (!present.includes(version)) {
    throw new SpecdriftError(
      present.length === 0
        ? `cannot slice version '${version}': no path of the document has a version segment such as /v0.0.41/`
        : `unknown version '${version}': the document serves ${present.join(', ')}`,
      ExitCode.usage,
      { hint: present.length === 0 ? 'slice needs versioned paths; use the whole document instead' : `pass one of: ${present.join(', ')}` },
    );
  }
  const isSwagger2 = doc.swagger !== undefined;
  const paths = isObject(doc.paths) ? doc.paths : {};
  const keptPaths = new Set(Object.keys(paths).filter((p) => tags.get(p) === version));
  const kept = reachableComponents(doc, keptPaths, isSwagger2);
  const slicedPaths = pick(paths, (name) => keptPaths.has(name));

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'paths') out.paths = slicedPaths;
    else if (key === 'components' && isObject(value) && !isSwagger2) {
      const components: JsonObject = {};
      for (const [kind, entries] of Object.entries(value)) {
        if (kind.startsWith('x-') || !isObject(entries)) components[kind] = value[kind];
        else if (kept.has(kind)) components[kind] = pick(entries, (name) => kept.get(kind)!.has(name));
      }
      if (Object.keys(components).length > 0) out.components = components;
    } else if (isSwagger2 && SWAGGER2_COMPONENT_KINDS.has(key) && isObject(value)) {
      if (kept.has(key)) out[key] = pick(value, (name) => kept.get(key)!.has(name));
    } else if (key === 'tags' && Array.isArray(value)) {
      const used = usedTags(slicedPaths);
      const declared = value.filter((t) => isObject(t) && typeof t.name === 'string' && used.has(t.name));
      if (declared.length > 0) out.tags = declared;
    } else if (key === 'webhooks') {
      continue; // webhooks are not paths of any version
    } else out[key] = value;
  }
  return cloneJson(out);
}

const pick = (map: JsonObject, keep: (name: string) => boolean): JsonObject =>
  Object.fromEntries(Object.entries(map).filter(([name]) => keep(name)));

function usedTags(paths: JsonObject): Set<string> {
  const used = new Set<string>();
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (isHttpMethod(method) && isObject(op) && Array.isArray(op.tags)) for (const t of op.tags) if (typeof t === 'string') used.add(t);
    }
  }
  return used;
}

/**
 * Components (kind → names) reachable from the kept paths. Mutates `keptPaths` when a `$ref` points into
 * another path (rare; kept so the slice has no dangling refs).
 */
function reachableComponents(doc: JsonObject, keptPaths: Set<string>, isSwagger2: boolean): Map<string, Set<string>> {
  const kept = new Map<string, Set<string>>();
  const schemesKind = isSwagger2 ? 'securityDefinitions' : 'securitySchemes';
  const schemasPointer = isSwagger2 ? '/definitions' : '/components/schemas';
  const queue: { node: Json; pointer: string }[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};
  const components = isObject(doc.components) ? doc.components : {};

  const keepComponent = (kind: string, name: string): void => {
    const entries = isSwagger2 ? doc[kind] : components[kind];
    if (!isObject(entries) || !(name in entries)) return; // dangling in the source: validate reports it there
    const names = kept.get(kind) ?? new Set<string>();
    if (names.has(name)) return;
    names.add(name);
    kept.set(kind, names);
    const pointer = isSwagger2 ? `/${kind}/${escapePointerToken(name)}` : `/components/${kind}/${escapePointerToken(name)}`;
    queue.push({ node: entries[name], pointer });
  };
  const keepPath = (path: string): void => {
    queue.push({ node: paths[path], pointer: `/paths/${escapePointerToken(path)}` });
  };
  const keepSecurity = (requirements: Json | undefined): void => {
    if (Array.isArray(requirements)) for (const r of requirements) if (isObject(r)) for (const name of Object.keys(r)) keepComponent(schemesKind, name);
  };

  keepSecurity(doc.security);
  for (const path of keptPaths) keepPath(path);
  while (queue.length > 0) {
    const { node, pointer } = queue.pop()!;
    if (pointer.startsWith('/paths/') && isObject(node)) {
      for (const [method, op] of Object.entries(node)) if (isHttpMethod(method) && isObject(op)) keepSecurity(op.security);
    }
    for (const { ref } of collectRefs(node, pointer, schemasPointer)) {
      if (!isLocalRef(ref)) continue;
      const tokens = tokensFromPointer(parseRef(ref).pointer);
      if (!tokens || tokens.length < 2) continue;
      if (!isSwagger2 && tokens[0] === 'components' && tokens.length >= 3) keepComponent(tokens[1], tokens[2]);
      else if (isSwagger2 && SWAGGER2_COMPONENT_KINDS.has(tokens[0])) keepComponent(tokens[0], tokens[1]);
      else if (tokens[0] === 'paths' && tokens[1] in paths && !keptPaths.has(tokens[1])) {
        keptPaths.add(tokens[1]);
        keepPath(tokens[1]);
      }
    }
  }
  return kept;
}
