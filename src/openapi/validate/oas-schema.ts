/**
 * Validation against the official OpenAPI 3.0 / 3.1 and Swagger 2.0 JSON schemas, using the schemas and ajv setup
 * that ship inside @apidevtools/swagger-parser, turned into findings (rule `oas-schema`).
 *
 * We call swagger-parser's schema validator on the document as written rather than `SwaggerParser.validate`:
 * that one dereferences first, so it stops at the first dangling `$ref`, reports errors at the place a component
 * is used instead of where it is written, and would have to walk every expansion of slurmrestd's deeply nested
 * schemas. The meta-schemas accept Reference objects wherever refs are allowed, so nothing is lost.
 */
import { createRequire } from 'node:module';
import { childPointer } from '../refs.js';
import type { JsonObject } from '../types.js';
import type { ValidationFinding } from './types.js';

interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const require = createRequire(import.meta.url);
/** Throws a SyntaxError whose `details` are ajv errors when the document does not match its meta-schema. Does not modify the document (no ajv defaults, coercion or removal). */
const swaggerParserValidateSchema = require('@apidevtools/swagger-parser/lib/validators/schema.js') as (api: unknown) => void;

export function metaSchemaFindings(doc: JsonObject): ValidationFinding[] {
  try {
    swaggerParserValidateSchema(doc);
    return [];
  } catch (err) {
    const details = (err as { details?: unknown }).details;
    if (!Array.isArray(details)) {
      const text = err instanceof Error ? err.message : String(err);
      return [{ ruleId: 'oas-schema', level: 'error', pointer: '', message: firstLine(text) }];
    }
    return condenseAjvErrors(details as AjvError[]).map(toFinding);
  }
}

const firstLine = (text: string): string => text.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'invalid document';

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
    for (const ancestor of ancestorsOf(e.instancePath)) if (summaryPaths.has(ancestor)) (under.get(ancestor) ?? under.set(ancestor, []).get(ancestor)!).push(e);
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
  const occupied = new Set(kept.flatMap((e) => ancestorsOf(e.instancePath)));
  kept = kept.filter((e) => {
    if (e.keyword !== 'unevaluatedProperties') return true;
    // Another error at or below the property (this one sits at the parent, so it is never itself below).
    return !occupied.has(childPointer(e.instancePath, String(e.params.unevaluatedProperty)));
  });
  // 3. Reference-branch and summary errors go when a more specific error remains at or below the same place.
  const specificAt = new Set(kept.filter((e) => !isComposition(e) && !isReferenceBranch(e)).flatMap((e) => ancestorsOf(e.instancePath)));
  kept = kept.filter((e) => (!isComposition(e) && !isReferenceBranch(e)) || !specificAt.has(e.instancePath));
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

/** A JSON pointer and every pointer above it (`/a/b` → `/a/b`, `/a`, ``). */
function ancestorsOf(pointer: string): string[] {
  const out = [pointer];
  for (let i = pointer.lastIndexOf('/'); i >= 0; i = pointer.lastIndexOf('/', i - 1)) {
    out.push(pointer.slice(0, i));
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
