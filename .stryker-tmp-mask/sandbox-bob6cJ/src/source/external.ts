/**
 * External `$ref`s (`other.yaml#/components/schemas/X`, `./schemas/pet.json`): a spec read from a file is bundled
 * into one document by @apidevtools/swagger-parser's bundler (loaded only when a spec has such refs), so the diff
 * sees what the referenced files say. What the bundler may read is ours to decide (issue 9's threat model: the
 * spec may come from someone else's pull request):
 * - remote refs (http:, https:, any URL scheme) are never fetched;
 * - a referenced file must be a regular file inside the spec's git work tree (or, outside git, the spec's own
 *   directory), after following symlinks; at most MAX_REF_FILES files of MAX_REF_FILE_BYTES each;
 * - referenced files are parsed by our own parser (parse.ts), with its YAML alias limit; a file that is not JSON
 *   or YAML is an error, never read in as a string.
 * Every problem is one SpecdriftError naming the ref and the file.
 */
// @ts-nocheck

import { createRequire } from 'node:module';
import { realpath, stat, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, SpecdriftError } from '../errors.js';
import { parseSpecText } from './parse.js';
import { collectRefs, isLocalRef, parseRef, resolvePointer, type RefSite } from '../openapi/refs.js';
import { isObject, type DuplicateKey, type Json, type JsonObject } from '../openapi/types.js';
import { decodeSpecBytes } from './decode.js';

export const MAX_REF_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_REF_FILES = 1000;
/** Places named for locations; past this, deeper places are named by an enclosing file. */
const MAX_SITES = 100_000;

/** Where content from another file sits in the bundled document. */
export interface ExternalRefSite {
  /** JSON pointer (no `#`) of the node that held the `$ref` in the spec as written. */
  pointer: string;
  /** What was referenced, named from the spec's directory (`schemas/pet.json`, `common.yaml#/components/schemas/X`). */
  ref: string;
}

/**
 * Cheap test on the raw text before any walk: could a `$ref` value be anything but a local `#…` pointer?
 * (A false positive only costs the exact walk; a 10 MB spec of local refs is not walked at all.)
 */
export const mayHaveExternalRefs = (text: string): boolean => /\$ref["']?\s*:(?!\s*["']#)/.test(text);

/** The `$ref`s of `doc` that point outside it (data such as examples and `x-` extensions excluded). */
export function externalRefSites(doc: JsonObject): RefSite[] {
  const schemasPointer = doc.swagger !== undefined ? '/definitions' : '/components/schemas';
  return collectRefs(doc, '', schemasPointer).filter((s) => !isLocalRef(s.ref) && s.pointer.endsWith('/$ref'));
}

const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** Where referenced files may live: the spec's git work tree, else the spec's own directory. */
function allowedRoot(specDir: string): string {
  for (let dir = specDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return specDir;
  }
}

/** Keys whose value is a map from user-chosen names: a `default` or `example` key there is a name, not data. */
const NAMED_MAPS = new Set(['paths', 'webhooks', 'schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems', 'definitions', 'content', 'encoding', 'properties', 'patternProperties', '$defs', 'dependentSchemas']);
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const']);

/** What a data `$ref` key is renamed to while the bundler runs (no spec can contain a NUL in a key by accident). */
const HIDDEN_REF = '$ref\u0000data';

/** Rename every `$ref` key under `node` (data: never a reference). */
function hideRefs(node: Json): void {
  if (Array.isArray(node)) return node.forEach(hideRefs);
  if (!isObject(node)) return;
  for (const key of Object.keys(node)) hideRefs(node[key]);
  if ('$ref' in node) renameKey(node, '$ref', HIDDEN_REF);
}

/** Rename `from` to `to` in place, keeping the key order. */
function renameKey(node: JsonObject, from: string, to: string): void {
  const entries = Object.entries(node);
  for (const [key] of entries) delete node[key];
  for (const [key, value] of entries) node[key === from ? to : key] = value;
}

/**
 * Hide the `$ref` keys inside data (examples, defaults, enums, `x-` extensions): the bundler cannot tell data from
 * schema and would try to resolve them. Runs on the spec and on every referenced file; showRefs undoes it at the end.
 * An OpenAPI `examples` map is kept (an Example Object may itself be a `$ref` to follow): only its `value`s are data.
 */
function hideDataRefs(node: Json, inNamedMap = false): void {
  if (Array.isArray(node)) return node.forEach((item) => hideDataRefs(item));
  if (!isObject(node)) return;
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (!inNamedMap && key === 'examples' && isObject(child)) {
      for (const example of Object.values(child)) if (isObject(example) && example.value !== undefined) hideRefs(example.value);
    } else if (!inNamedMap && (DATA_KEYS.has(key) || key.startsWith('x-'))) hideRefs(child);
    else hideDataRefs(child, !inNamedMap && NAMED_MAPS.has(key));
  }
}

function showRefs(node: Json, seen = new Set<object>()): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) return node.forEach((item) => showRefs(item, seen));
  for (const key of Object.keys(node)) showRefs(node[key], seen);
  if (HIDDEN_REF in node) renameKey(node, HIDDEN_REF, '$ref');
}

const filePathOf = (url: string): string => (url.startsWith('file:') ? fileURLToPath(url) : decodeURIComponent(url));

/**
 * `doc` (parsed from `specFile`, an absolute path) with every external `$ref` replaced by what it points to, and
 * the places where content from other files now sits. `doc` itself is not modified.
 */
export async function bundleExternalRefs(
  doc: JsonObject,
  specFile: string,
  sites: RefSite[],
  where = specFile,
): Promise<{ doc: JsonObject; sites: ExternalRefSite[]; duplicateKeys: DuplicateKey[] }> {
  const root = allowedRoot(dirname(await realpath(specFile)));
  /** Files are named from the spec's directory, as its refs name them. */
  const describeFile = (path: string) => relative(dirname(specFile), path).split(sep).join('/') || path;

  // Refs written in the spec itself: refused before anything is read, with the place they are written.
  for (const { ref, pointer } of sites) {
    if (URL_SCHEME.test(ref) && !ref.startsWith('file:')) {
      throw new SpecdriftError(`${where}: $ref '${ref}' at #${pointer.replace(/\/\$ref$/, '')} is remote; specdrift never fetches remote $refs`, ExitCode.sourceNotFound, {
        hint: 'bundle the spec into one document first, or copy the referenced file next to it',
      });
    }
  }
  const firstRefTo = new Map<string, string>(); // absolute file → the ref in the spec that names it (for messages)
  for (const { ref } of sites) {
    const file = ref.split('#')[0];
    const abs = isAbsolute(filePathOf(file)) ? filePathOf(file) : join(dirname(specFile), filePathOf(file));
    if (!firstRefTo.has(abs)) firstRefTo.set(abs, ref);
  }
  const refFor = (path: string) => firstRefTo.get(path) ?? describeFile(path);

  let failure: SpecdriftError | undefined;
  const fail = (err: SpecdriftError): never => {
    failure ??= err;
    throw err;
  };
  let files = 0;
  const resolver = {
    file: {
      async read(file: { url: string }): Promise<Buffer> {
        const path = filePathOf(file.url);
        const ref = refFor(path);
        const refused = (why: string, code: (typeof ExitCode)[keyof typeof ExitCode] = ExitCode.sourceNotFound, hint?: string) =>
          fail(new SpecdriftError(`${where}: cannot follow $ref '${ref}': ${describeFile(path)} ${why}`, code, hint ? { hint } : undefined));
        let real: string;
        try {
          real = await realpath(path);
        } catch {
          return refused('does not exist');
        }
        const rel = relative(await realpath(root), real);
        if (rel.startsWith('..') || isAbsolute(rel)) {
          return refused(`is outside ${root}`, ExitCode.sourceNotFound, 'referenced files must lie in the spec\'s git work tree (or its directory outside git)');
        }
        const info = await stat(real);
        if (!info.isFile()) return refused('is not a regular file');
        if (info.size > MAX_REF_FILE_BYTES) return refused(`is larger than ${MAX_REF_FILE_BYTES / 1024 / 1024} MiB`);
        if (++files > MAX_REF_FILES) return refused(`is one file too many (at most ${MAX_REF_FILES} referenced files)`);
        return readFile(real);
      },
    },
    // Replaces the bundler's HTTP resolver: any URL (nested in a referenced file too) is refused, never fetched.
    remote: {
      order: 1,
      canRead: (file: { url: string }) => URL_SCHEME.test(file.url) && !file.url.startsWith('file:'),
      read: (file: { url: string }) =>
        fail(new SpecdriftError(`${where}: $ref to ${file.url} is remote; specdrift never fetches remote $refs`, ExitCode.sourceNotFound, {
          hint: 'bundle the spec into one document first, or copy the referenced file next to it',
        })),
    },
    http: false,
  };
  const parsed = new Map<string, Json>(); // absolute path → content, to name where nested refs' content sits
  const duplicateKeys: DuplicateKey[] = []; // in the referenced files: reported like the spec's own
  const parser = {
    // Our parser for every referenced file: the loader's YAML limits, and no text/binary fallback.
    spec: {
      order: 1,
      canParse: true,
      parse: (file: { url: string; data: Buffer | string }) => {
        try {
          // The loader's decoding: bad bytes or BOM-less UTF-16 are an error, not U+FFFD in the spec.
          const text = typeof file.data === 'string' ? file.data : decodeSpecBytes(file.data, describeFile(filePathOf(file.url)));
          const { value, duplicateKeys: repeated } = parseSpecText(text, describeFile(filePathOf(file.url)), file.url);
          for (const d of repeated) duplicateKeys.push({ ...d, file: filePathOf(file.url) });
          // A plain-text file reads as a YAML string: refuse it rather than put its text into the spec (and the report).
          if (!isObject(value as Json) && !Array.isArray(value)) {
            throw new SpecdriftError(`${describeFile(filePathOf(file.url))} is not a JSON or YAML document (top level is ${value === null ? 'null' : typeof value})`, ExitCode.parse);
          }
          parsed.set(filePathOf(file.url), structuredClone(value) as Json); // the bundler rewrites the original
          hideDataRefs(value as Json);
          return value;
        } catch (err) {
          const name = describeFile(filePathOf(file.url));
          // The yaml library's own refusals (alias fan-out, …) arrive as plain errors: one line, exit 4 all the same.
          const e = err instanceof SpecdriftError ? err : new SpecdriftError(`${name}: ${(err as Error).message.split('\n')[0]}`, ExitCode.parse);
          return fail(new SpecdriftError(`${where}: $ref '${refFor(filePathOf(file.url))}': ${e.message}`, e.exitCode, e.hint ? { hint: e.hint } : undefined));
        }
      },
    },
    json: false,
    yaml: false,
    text: false,
    binary: false,
  };

  const copy = structuredClone(doc);
  hideDataRefs(copy);
  // Loaded on use: swagger-parser (and its ajv) cost ~0.3 s of start-up that single-file specs should not pay.
  const SwaggerParser = createRequire(import.meta.url)('@apidevtools/swagger-parser') as typeof import('@apidevtools/swagger-parser');
  let bundled: JsonObject;
  try {
    bundled = (await SwaggerParser.bundle(specFile, copy as never, {
      resolve: resolver as never,
      parse: parser as never,
      bundle: { optimizeInternalRefs: false },
      continueOnError: false,
    } as never)) as unknown as JsonObject;
  } catch (err) {
    if (failure) throw failure;
    const e = err as { name?: string; message?: string; source?: string; targetRef?: string };
    if (e.name === 'MissingPointerError' || e.name === 'InvalidPointerError') {
      const file = e.source ? describeFile(filePathOf(e.source)) : '?';
      const fragment = (e.message ?? '').match(/"(#[^"]*)"/)?.[1] ?? '';
      const token = (e as { targetToken?: string }).targetToken;
      throw new SpecdriftError(`${where}: $ref '${file}${fragment}' points to nothing${token !== undefined ? ` (no "${token}" there)` : ''}`, ExitCode.parse, {
        hint: 'fix the pointer after # or the referenced file',
      });
    }
    if (err instanceof RangeError) throw new SpecdriftError(`${where}: referenced files nest too deeply to bundle`, ExitCode.parse);
    // Anything else the bundler says (a version it does not know, …): one line, the input's exit code.
    throw new SpecdriftError(`${where}: cannot bundle its external $refs: ${(e.message ?? String(err)).split('\n')[0]}`, ExitCode.parse);
  }
  showRefs(bundled);
  return { doc: bundled, sites: siteMap(sites, specFile, parsed), duplicateKeys };
}

/**
 * Where each referenced file's content sits in the bundled document: the spec's own refs, and (recursively) the
 * refs inside referenced files, below the place their file was inlined. The bundler inlines each target once and
 * points the other refs at that copy, so a pointer may lie under several sites: the longest one names the file.
 */
function siteMap(sites: RefSite[], specFile: string, parsed: ReadonlyMap<string, Json>): ExternalRefSite[] {
  const specDir = dirname(specFile);
  const out: ExternalRefSite[] = [];
  // Every place a file is referenced from (the bundler picks which copy it inlines), each chain without cycles.
  const walk = (refs: RefSite[], base: string, fromDir: string, chain: ReadonlySet<string>): void => {
    for (const { ref, pointer } of refs) {
      if (isLocalRef(ref) || !pointer.endsWith('/$ref') || out.length >= MAX_SITES) continue;
      const { document, pointer: fragment } = parseRef(ref);
      const file = resolve(fromDir, filePathOf(document));
      const name = relative(specDir, file).split(sep).join('/') + (fragment ? `#${fragment}` : '');
      const at = base + pointer.slice(0, -'/$ref'.length);
      out.push({ pointer: at, ref: name });
      if (chain.has(name)) continue;
      const content = parsed.get(file);
      const target = content === undefined ? undefined : resolvePointer(content, fragment);
      if (isObject(target) || Array.isArray(target)) walk(collectRefs(target), at, dirname(file), new Set([...chain, name]));
    }
  };
  walk(sites, '', specDir, new Set());
  return out;
}
