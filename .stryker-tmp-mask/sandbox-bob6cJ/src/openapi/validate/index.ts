/**
 * `validateSpec`: the official meta-schema (through swagger-parser) plus the rules in rules.ts, as findings
 * with rule ids and JSON pointers into the document as written.
 */
// @ts-nocheck

import SwaggerParser from '@apidevtools/swagger-parser';
import { childPointer, cloneJson, tokensFromPointer } from '../refs.js';
import { isObject, type DuplicateKey, type JsonObject } from '../types.js';
import { operations, specFlavor } from './model.js';
import { metaSchemaFindings } from './oas-schema.js';
import { ALL_RULES } from './rules.js';
import type { RuleContext, ValidationFinding } from './types.js';

export type { FindingLevel, ValidationFinding } from './types.js';

export interface ValidateOptions {
  /** Where the document came from; used to name it when it is not an OpenAPI document at all. */
  source?: string;
  /** Keys the text wrote twice in one object (the loader finds them; the document holds only the last). */
  duplicateKeys?: readonly DuplicateKey[];
}

const SUPERSEDES_META_SCHEMA = new Set(['parameter-style-invalid', 'path-item-unknown-key']);

export async function validateSpec(doc: JsonObject, opts: ValidateOptions = {}): Promise<ValidationFinding[]> {
  const flavor = specFlavor(doc);
  if (flavor === undefined) return [versionFinding(doc, opts.source)];
  const ctx: RuleContext = { doc, flavor };
  const ruleFindings = ALL_RULES.flatMap((rule) => rule(ctx));
  // These rules restate, more clearly, what the meta-schema reports at the same pointer.
  const explained = new Set(ruleFindings.filter((f) => SUPERSEDES_META_SCHEMA.has(f.ruleId)).map((f) => f.pointer));
  const schemaFindings = metaSchemaFindings(doc, flavor).filter((f) => !explained.has(f.pointer));
  const findings = [...schemaFindings, ...ruleFindings, ...(opts.duplicateKeys ?? []).map(duplicateKeyFinding)];
  if (flavor === 'swagger2' && !findings.some((f) => f.ruleId === 'ref-dangling' || f.ruleId === 'ref-external')) {
    findings.push(...(await swagger2SemanticFindings(doc)));
  }
  return findings.sort(compareFindings);
}

/**
 * An error, not a warning: OpenAPI requires unique names in every map it defines (paths, schemas, responses, …)
 * and YAML 1.2 unique keys; a reader keeps one of the two values, so part of what was written is lost.
 */
function duplicateKeyFinding(d: DuplicateKey): ValidationFinding {
  const key = tokensFromPointer(d.pointer)?.at(-1) ?? d.pointer;
  return {
    ruleId: 'duplicate-key',
    level: 'error',
    pointer: d.pointer,
    message: `key ${JSON.stringify(key)} written again at ${d.file ? `${d.file}:` : 'line '}${d.line}:${d.column} (first at ${d.first.line}:${d.first.column}); only the last is kept`,
    line: d.line,
    column: d.column,
    ...(d.file ? { file: d.file } : {}),
  };
}

function versionFinding(doc: JsonObject, source: string | undefined): ValidationFinding {
  const what = source ? `${source} is` : 'the document is';
  if (doc.openapi !== undefined) {
    return { ruleId: 'oas-version', level: 'error', pointer: '/openapi', message: `${what} OpenAPI ${JSON.stringify(doc.openapi)}; only 3.0.x and 3.1.x (or swagger "2.0") are supported` };
  }
  if (doc.swagger !== undefined) {
    return { ruleId: 'oas-version', level: 'error', pointer: '/swagger', message: `${what} swagger ${JSON.stringify(doc.swagger)}; only the string "2.0" is supported` };
  }
  return { ruleId: 'oas-version', level: 'error', pointer: '', message: `${what} not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field` };
}

/** Messages of swagger-parser's 2.0 checks that our own rules already report with better pointers. */
const COVERED_BY_RULES = [/Duplicate operation id/i, /path parameter|path placeholder/i, /duplicate parameters|multiple \S+ parameters named/i, /listed as required/i];

/**
 * Swagger 2.0 only: swagger-parser's own semantic checks (one body parameter, file parameters need a form
 * consumes, array types need items, …). They stop at the first problem and need a dereferenced copy.
 */
async function swagger2SemanticFindings(doc: JsonObject): Promise<ValidationFinding[]> {
  try {
    await new SwaggerParser().validate(cloneJson(doc) as never, { validate: { schema: false }, resolve: { external: false } });
    return [];
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).replace(/^Validation failed\.\s*/, '').split('\n')[0].trim();
    if (COVERED_BY_RULES.some((re) => re.test(message))) return [];
    const place = placeInSwaggerMessage(doc, message);
    return [{ ruleId: 'swagger2-semantic', level: 'error', pointer: place?.pointer ?? '', message: place ? message.replace(place.text, place.name) : message }];
  }
}

/** swagger-parser names places as `/paths/pets/{id}/get` (unescaped); find the operation, path or definition it means. */
function placeInSwaggerMessage(doc: JsonObject, message: string): { text: string; pointer: string; name: string } | undefined {
  const candidates = operations(doc).flatMap(({ path, method, pointer, pathItemPointer }) => [
    { text: `/paths${path}/${method}`, pointer, name: `${method.toUpperCase()} ${path}` },
    { text: `/paths${path}`, pointer: pathItemPointer, name: path },
  ]);
  const definitions = Object.keys(isObject(doc.definitions) ? doc.definitions : {}).map((name) => ({
    text: `/definitions/${name}`,
    pointer: childPointer('/definitions', name),
    name: `definition '${name}'`,
  }));
  return [...candidates, ...definitions].filter((c) => message.includes(c.text)).sort((a, b) => b.text.length - a.text.length)[0];
}

/** Document-ish order: by pointer token by token (array indexes numerically), then rule id. */
function compareFindings(a: ValidationFinding, b: ValidationFinding): number {
  const ta = tokensFromPointer(a.pointer) ?? [a.pointer];
  const tb = tokensFromPointer(b.pointer) ?? [b.pointer];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    if (ta[i] === tb[i]) continue;
    const na = /^\d+$/.test(ta[i]) ? Number(ta[i]) : NaN;
    const nb = /^\d+$/.test(tb[i]) ? Number(tb[i]) : NaN;
    if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return ta[i] < tb[i] ? -1 : 1;
  }
  return ta.length - tb.length || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Plain lines: `error  <ruleId>  <pointer>  <message>` (the document itself is shown as `(root)`). */
export function formatFindings(findings: readonly ValidationFinding[]): string[] {
  return findings.map((f) => `${f.level}  ${f.ruleId}  ${f.pointer === '' ? '(root)' : f.pointer}  ${f.message}`);
}
