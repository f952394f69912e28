/**
 * Spec problems that made generators fail: every failure in the matrix traced back to a place in the spec (an
 * operation, a parameter, a schema, a response), grouped, with the generators that failed there. This is the
 * "standards compliance" list for the spec's authors: the spec may be valid there, but these clients could not
 * follow it.
 */
// @ts-nocheck

import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import type { ValidationFinding } from '../../openapi/validate/index.js';
import { looseKey } from '../generators/naming.js';
import type { Cell, OperationInfo, SpecProblem, SpecProblemKind } from './types.js';

/** A compile error traced to the schema whose generated code it is in. */
export interface CompileAttribution {
  generator: string;
  /** Pointer of the schema (or of the untyped part of it the error is about). */
  pointer: string;
  /** The generated declaration or file the error is in (`V0042JobDescMsg`). */
  declaration: string;
  /** TypeScript error code, or `python`. */
  code: string;
  error: string;
}

// -- Schema constructs that generators are known to trip over ---------------------------------------------------

export interface Construct {
  pointer: string;
  /** `untyped schema`, `oneOf`, `anyOf`. */
  what: string;
}

const TYPE_KEYWORDS = ['type', '$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'properties', 'items', 'enum', 'additionalProperties'];

/** Untyped schemas (`{}`), `oneOf` and `anyOf` at or under `pointer`, following `$ref`s once each. */
export function constructsUnder(doc: JsonObject, pointer: string, limit = 5): Construct[] {
  const found: Construct[] = [];
  const seen = new Set<string>();
  const walk = (node: Json | undefined, at: string, depth: number): void => {
    if (found.length >= limit || depth > 40 || node === undefined) return;
    const resolved = derefLocal(doc, node, at);
    if (!resolved || !isObject(resolved.node) || seen.has(resolved.pointer)) return;
    seen.add(resolved.pointer);
    const schema = resolved.node;
    const here = resolved.pointer;
    if (!TYPE_KEYWORDS.some((k) => schema[k] !== undefined)) found.push({ pointer: here, what: 'untyped schema' });
    for (const keyword of ['oneOf', 'anyOf'] as const) if (Array.isArray(schema[keyword])) found.push({ pointer: childPointer(here, keyword), what: keyword });
    for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
      const members = schema[keyword];
      if (Array.isArray(members)) members.forEach((m, i) => walk(m, childPointer(here, keyword, i), depth + 1));
    }
    if (isObject(schema.properties)) for (const [name, p] of Object.entries(schema.properties)) walk(p, childPointer(here, 'properties', name), depth + 1);
    if (schema.items !== undefined) walk(schema.items, childPointer(here, 'items'), depth + 1);
    if (isObject(schema.additionalProperties)) walk(schema.additionalProperties, childPointer(here, 'additionalProperties'), depth + 1);
  };
  walk(resolvePointer(doc, pointer), pointer, 0);
  return found.slice(0, limit);
}

/** Pointer of the JSON schema of the operation's first 2xx response (or its first response with content). */
export function responseSchemaPointer(doc: JsonObject, operationPointer: string): string | undefined {
  return mediaSchemaPointer(doc, operationPointer, 'responses');
}

export function requestSchemaPointer(doc: JsonObject, operationPointer: string): string | undefined {
  return mediaSchemaPointer(doc, operationPointer, 'requestBody');
}

function mediaSchemaPointer(doc: JsonObject, operationPointer: string, part: 'responses' | 'requestBody'): string | undefined {
  const op = resolvePointer(doc, operationPointer);
  if (!isObject(op)) return undefined;
  let holder: { node: Json; pointer: string } | undefined;
  if (part === 'requestBody') {
    holder = op.requestBody === undefined ? undefined : derefLocal(doc, op.requestBody, childPointer(operationPointer, 'requestBody'));
  } else if (isObject(op.responses)) {
    const codes = Object.keys(op.responses).sort();
    const code = codes.find((c) => /^2/.test(c)) ?? codes.find((c) => c === 'default');
    holder = code === undefined ? undefined : derefLocal(doc, op.responses[code], childPointer(operationPointer, 'responses', code));
  }
  if (!holder || !isObject(holder.node) || !isObject(holder.node.content)) return undefined;
  const types = Object.keys(holder.node.content);
  const media = types.find((t) => /json/i.test(t)) ?? types[0];
  if (media === undefined) return undefined;
  const mediaPointer = childPointer(holder.pointer, 'content', media);
  const mediaObject = resolvePointer(doc, mediaPointer);
  return isObject(mediaObject) && mediaObject.schema !== undefined ? childPointer(mediaPointer, 'schema') : undefined;
}

// -- Compile errors → schemas ----------------------------------------------------------------------------------

const TS_ERROR = /^(.+?)\((\d+),(\d+)\): (TS\d+): (.*)$/;
const METHOD = /^\s+(?:(?:public|private|protected|static|async|readonly)\s+)*(\w+)\s*(?:<[^>]*>)?\s*\(/;
const NOT_METHODS = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'function', 'constructor', 'super']);

/** operationIds by loose key (`list_pipe` → `listpipe`), for matching generated method names. */
function operationIndex(doc: JsonObject): Map<string, string> {
  const index = new Map<string, string>();
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (isObject(op) && typeof op.operationId === 'string') index.set(looseKey(op.operationId), childPointer('/paths', path, method));
    }
  }
  return index;
}
const PY_FILE = /([\w./-]+\.py)/;
const DECLARATION = /^\s*export\s+(?:declare\s+)?(?:abstract\s+)?(?:interface|class|type|enum|const|function|namespace)\s+(\w+)/;

/** Schema names by loose key (`v0.0.42_job_desc_msg` → `v0042jobdescmsg`), for matching generated names. */
function schemaIndex(doc: JsonObject): Map<string, string> {
  const index = new Map<string, string>();
  const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : isObject(doc.definitions) ? doc.definitions : {};
  const base = isObject(doc.components) ? '/components/schemas' : '/definitions';
  for (const name of Object.keys(schemas)) index.set(looseKey(name), childPointer(base, name));
  return index;
}

/** The schema a generated name stands for: same loose key, else the longest schema name it starts with (inline parts are named parent + property). */
function schemaForName(index: Map<string, string>, name: string): string | undefined {
  const key = looseKey(name.replace(/(FromJSON|ToJSON|FromJSONTyped)$/, ''));
  if (index.has(key)) return index.get(key);
  let best: string | undefined;
  for (const candidate of index.keys()) if (candidate.length >= 6 && key.startsWith(candidate) && (best === undefined || candidate.length > best.length)) best = candidate;
  return best === undefined ? undefined : index.get(best);
}

/** Missing names whose cause in the spec is known: the generator models a construct with a type it never emits. */
const MISSING_TYPE_CAUSES: { name: RegExp; what: string }[] = [
  // OpenAPI Generator < 5 models `{}` as AnyType; Swagger Codegen 3 as ModelObject. Neither emits the type.
  { name: /'(AnyType\w*|ModelObject)'/, what: 'untyped schema' },
];

/**
 * Trace compile errors to schemas: the generated file (one model per file) or the declaration enclosing the error
 * line (all models in api.ts), matched by name. Errors in runtime code (no schema by that name) stay with the generator.
 */
export async function attributeCompileErrors(doc: JsonObject, generator: string, clientDir: string, errors: readonly string[]): Promise<CompileAttribution[]> {
  const index = schemaIndex(doc);
  const operationsByKey = operationIndex(doc);
  const files = new Map<string, string[]>();
  const lines = async (file: string) => {
    if (!files.has(file)) files.set(file, (await readFile(join(clientDir, file), 'utf8').catch(() => '')).split('\n'));
    return files.get(file)!;
  };
  const out: CompileAttribution[] = [];
  for (const error of errors) {
    const ts = TS_ERROR.exec(error);
    let declaration: string | undefined;
    let schema: string | undefined;
    let code = 'python';
    if (ts) {
      code = ts[4];
      const text = await lines(ts[1]);
      // Inside an operation's method (`listPipeRaw(…)`): the error is in code generated for that operation.
      for (let i = Number(ts[2]) - 1; i >= 0 && declaration === undefined; i--) {
        const line = text[i] ?? '';
        declaration = DECLARATION.exec(line)?.[1];
        const method = declaration === undefined ? METHOD.exec(line)?.[1] : undefined;
        const operation = method && !NOT_METHODS.has(method) ? operationsByKey.get(looseKey(method.replace(/Raw$/, ''))) : undefined;
        if (operation) {
          out.push({ generator, pointer: operation, declaration: method!, code: ts[4], error });
          declaration = '';
        }
      }
      if (declaration === '') continue;
      const candidates = [basename(ts[1]).replace(/\.tsx?$/, ''), declaration].filter((n): n is string => n !== undefined);
      for (const name of candidates) {
        schema = schemaForName(index, name);
        if (schema) {
          declaration = name;
          break;
        }
      }
    } else {
      const file = PY_FILE.exec(error)?.[1];
      if (file) {
        declaration = basename(file, '.py');
        schema = schemaForName(index, declaration);
      }
    }
    if (!schema || !declaration) continue;
    // "AnyType is missing": point at the untyped part of the schema rather than the schema as a whole.
    const cause = MISSING_TYPE_CAUSES.find((c) => c.name.test(ts?.[5] ?? ''));
    const construct = cause ? constructsUnder(doc, schema).find((c) => c.what === cause.what) : undefined;
    out.push({ generator, pointer: construct?.pointer ?? schema, declaration, code, error });
  }
  return out;
}

// -- Grouping ----------------------------------------------------------------------------------------------------

const NOT_SPEC_RELATED = /timed out|ECONNREFUSED|ECONNRESET|fetch failed|socket hang up|driver failed|client setup failed/i;

interface Draft {
  kind: SpecProblemKind;
  pointer: string;
  rule?: string;
  message: (generators: string[], operations: string[]) => string;
  generators: Set<string>;
  operations: Set<string>;
  examples: string[];
}

const KIND_ORDER: SpecProblemKind[] = [
  'generator-failed',
  'schema-not-compiled',
  'operation-not-compiled',
  'operation-not-generated',
  'request-not-sent',
  'request-rejected',
  'response-not-decoded',
  'response-decoded-differently',
  'server-broke-spec',
];

const list = (names: readonly string[], max = 4) => (names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')} and ${names.length - max} more`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const withConstructs = (doc: JsonObject, pointer: string | undefined): string => {
  if (pointer === undefined) return '';
  const found = constructsUnder(doc, pointer, 3);
  return found.length === 0 ? '' : ` (the schema has ${found.map((c) => `${c.what} at #${c.pointer}`).join(', ')})`;
};

export interface ProblemInputs {
  doc: JsonObject;
  operations: readonly OperationInfo[];
  cells: readonly Cell[];
  /** Generators that failed to generate at all, with the reason. */
  generatorFailures: readonly { generator: string; reason: string }[];
  compileAttributions: readonly CompileAttribution[];
  validation: readonly ValidationFinding[];
}

export function collectSpecProblems(inputs: ProblemInputs): SpecProblem[] {
  const { doc } = inputs;
  const drafts = new Map<string, Draft>();
  const note = (kind: SpecProblemKind, pointer: string, rule: string | undefined, generator: string, operation: string | undefined, example: string, message: Draft['message']) => {
    const key = `${kind}\0${pointer}\0${rule ?? ''}`;
    let draft = drafts.get(key);
    if (!draft) {
      draft = { kind, pointer, rule, message, generators: new Set(), operations: new Set(), examples: [] };
      drafts.set(key, draft);
    }
    draft.generators.add(generator);
    if (operation !== undefined) draft.operations.add(operation);
    if (draft.examples.length < 3 && !draft.examples.includes(example)) draft.examples.push(example);
  };
  const opsById = new Map(inputs.operations.map((o) => [o.operationId, o]));

  for (const failure of inputs.generatorFailures) {
    note('generator-failed', '', undefined, failure.generator, undefined, failure.reason, (g) => `${list(g)} could not generate a client from the spec`);
  }
  for (const a of inputs.compileAttributions) {
    const kind = a.pointer.startsWith('/paths/') ? 'operation-not-compiled' : 'schema-not-compiled';
    note(kind, a.pointer, a.code, a.generator, undefined, a.error, (g) => `code generated for #${a.pointer} (${a.declaration}) does not compile in ${list(g)}`);
  }
  for (const cell of inputs.cells) {
    const op = opsById.get(cell.operationId);
    if (!op || !cell.call) continue;
    const label = `${op.method} ${op.path}`;
    if (cell.call.outcome === 'not-generated') {
      note('operation-not-generated', op.pointer, undefined, cell.generator, op.operationId, cell.call.error ?? cell.reason ?? '', (g) => `${label} (${op.operationId}) is not in the clients of ${list(g)}`);
      continue;
    }
    const exchanges = cell.exchanges ?? [];
    for (const v of exchanges.flatMap((e) => e.violations)) {
      // A parameter value that broke its schema usually means it was serialized wrongly: point at the parameter.
      const parameter = /^request-(path|query|header|cookie)-/.test(v.rule) ? /^(.*\/parameters\/\d+)(\/|$)/.exec(v.schemaPointer.replace(/^#/, ''))?.[1] : undefined;
      const pointer = parameter ?? v.schemaPointer.replace(/^#/, '');
      if (v.where === 'request') {
        note('request-rejected', pointer, v.rule, cell.generator, op.operationId, v.message, (g, o) => `requests sent by ${list(g)} broke the spec here [${v.rule}] (${plural(o.length, 'operation')})`);
      } else {
        note('server-broke-spec', pointer, v.rule, cell.generator, op.operationId, v.message, (_g, o) => `the server's responses broke the spec here [${v.rule}] (${plural(o.length, 'operation')})`);
      }
    }
    const error = cell.call.error ?? '';
    const clean = exchanges.every((e) => e.violations.length === 0);
    if (cell.call.outcome === 'client-error' && !NOT_SPEC_RELATED.test(error) && clean) {
      if (exchanges.length === 0) {
        const body = requestSchemaPointer(doc, op.pointer);
        note('request-not-sent', body ?? op.pointer, undefined, cell.generator, op.operationId, error, (g, o) => `${list(g)} failed to build the request of ${plural(o.length, 'operation')} before sending it${withConstructs(doc, body)}`);
      } else if ((exchanges.at(-1)?.status ?? 0) >= 200 && (exchanges.at(-1)?.status ?? 0) < 300) {
        const schema = responseSchemaPointer(doc, op.pointer);
        note('response-not-decoded', schema ?? op.pointer, undefined, cell.generator, op.operationId, error, (g, o) => `${list(g)} could not decode a valid response of ${plural(o.length, 'operation')}${withConstructs(doc, schema)}`);
      }
    }
    if (cell.mismatches && cell.mismatches.length > 0) {
      const schema = responseSchemaPointer(doc, op.pointer) ?? op.pointer;
      note('response-decoded-differently', schema, cell.mismatches[0].kind, cell.generator, op.operationId, cell.mismatches[0].message, (g) => `${list(g)} returned something other than the server sent (${cell.mismatches![0].kind})`);
    }
  }

  // The same failure by the same generators at several places (Kubb's content type on every POST) is one entry.
  const merged = new Map<string, { draft: Draft; pointers: string[] }>();
  for (const draft of drafts.values()) {
    const mergeable = draft.kind === 'request-rejected' || draft.kind === 'server-broke-spec' || draft.kind === 'operation-not-generated';
    const key = mergeable ? `${draft.kind}\0${draft.rule ?? ''}\0${[...draft.generators].sort().join(',')}` : `${draft.kind}\0${draft.pointer}\0${draft.rule ?? ''}`;
    const into = merged.get(key);
    if (!into) merged.set(key, { draft, pointers: [draft.pointer] });
    else {
      into.pointers.push(draft.pointer);
      draft.operations.forEach((o) => into.draft.operations.add(o));
      for (const e of draft.examples) if (into.draft.examples.length < 3 && !into.draft.examples.includes(e)) into.draft.examples.push(e);
    }
  }

  const problems: SpecProblem[] = [...merged.values()].map(({ draft, pointers }) => {
    const generators = [...draft.generators].sort();
    const operations = [...draft.operations].sort();
    const all = [...new Set(pointers)].sort();
    const findings = inputs.validation
      .filter((f) => all.some((p) => p !== '' && (f.pointer === p || f.pointer.startsWith(`${p}/`))))
      .map((f) => `${f.ruleId} ${f.pointer}`);
    return {
      kind: draft.kind,
      pointer: all[0],
      ...(all.length > 1 ? { pointers: all } : {}),
      ...(draft.rule !== undefined ? { rule: draft.rule } : {}),
      message: draft.message(generators, operations),
      generators,
      operations,
      examples: draft.examples,
      ...(findings.length > 0 ? { findings: [...new Set(findings)] } : {}),
    };
  });
  return problems.sort(
    (a, b) => b.generators.length - a.generators.length || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.pointer.localeCompare(b.pointer),
  );
}

