/**
 * Schema validation for one spec: converts the document once per direction (request/response), registers
 * it with ajv, compiles the schema at a pointer on first use and keeps it, and condenses ajv's errors into
 * one SchemaIssue per real problem.
 */
// @ts-nocheck

import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { SpecdriftError, ExitCode } from '../../errors.js';
import { resolvePointer, tokensFromPointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { convertDocument, oasVersionOf, type ConvertedDocument, type Direction } from './convert.js';
import type { SchemaIssue } from './types.js';

// ajv-formats is CommonJS with `exports.default`; under NodeNext the default import is the module object
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** OpenAPI's own formats (ajv-formats knows the JSON Schema ones). */
const OAS_FORMATS = {
  int32: { type: 'number' as const, validate: (n: number) => Number.isInteger(n) && n >= INT32.min && n <= INT32.max },
  int64: { type: 'number' as const, validate: (n: number) => Number.isInteger(n) },
  float: true as const,
  double: true as const,
  byte: /^[A-Za-z0-9+/]*={0,2}$/,
  binary: true as const,
  password: true as const,
};

interface Engine {
  ajv: Ajv;
  id: string;
  converted: ConvertedDocument;
  /** Where each converted schema object sits in the converted root (differs from its spec pointer only inside nullable wrappers). */
  locationOf: WeakMap<object, string>;
  compiled: Map<string, ValidateFunction | undefined>;
}

export interface ValidateOptions {
  /** Coerce strings to the schema's types first (parameters, form bodies, headers). */
  coerce?: boolean;
  /** Prefix for issue pointers (`/query/flags`). */
  basePointer?: string;
}

export class SchemaValidators {
  private readonly converted = new Map<Direction, ConvertedDocument>();
  private readonly engines = new Map<string, Engine>();

  constructor(private readonly doc: JsonObject) {}

  /** Validate `value` against the schema at `schemaPointer` (a pointer into the spec). Unknown pointers validate nothing. */
  validate(schemaPointer: string, value: unknown, direction: Direction, opts: ValidateOptions = {}): SchemaIssue[] {
    const engine = this.engine(direction, opts.coerce === true);
    return this.validateAt(engine, schemaPointer, opts.coerce ? structuredClone(value) : value, opts.basePointer ?? '');
  }

  /** The converted (JSON Schema) form of the schema at a spec pointer, for samplers and fix-ups. */
  convertedSchema(schemaPointer: string, direction: Direction): Json | undefined {
    return resolvePointer(this.convertedDocument(direction).root, schemaPointer);
  }

  private convertedDocument(direction: Direction): ConvertedDocument {
    let converted = this.converted.get(direction);
    if (!converted) {
      converted = convertDocument(this.doc, direction);
      this.converted.set(direction, converted);
    }
    return converted;
  }

  private engine(direction: Direction, coerce: boolean): Engine {
    const key = `${direction}${coerce ? '-coerce' : ''}`;
    let engine = this.engines.get(key);
    if (engine) return engine;
    const options: Options = {
      strict: false,
      allErrors: true,
      verbose: true,
      validateSchema: false,
      logger: false,
      // OpenAPI patterns are ECMA-262 without the u flag; with it, common escapes like `\-` fail to compile
      unicodeRegExp: false,
      ...(coerce ? { coerceTypes: true } : {}),
    };
    const ajv = oasVersionOf(this.doc) === '3.1' ? new Ajv2020(options) : new Ajv(options);
    addFormats(ajv);
    for (const [name, format] of Object.entries(OAS_FORMATS)) ajv.addFormat(name, format);
    const converted = this.convertedDocument(direction);
    const id = `specdrift-${key}:`;
    ajv.addSchema({ ...converted.root, $id: id });
    engine = { ajv, id, converted, locationOf: locateSchemas(converted.root), compiled: new Map() };
    this.engines.set(key, engine);
    return engine;
  }

  private compile(engine: Engine, location: string): ValidateFunction | undefined {
    if (engine.compiled.has(location)) return engine.compiled.get(location);
    let fn: ValidateFunction | undefined;
    if (resolvePointer(engine.converted.root, location) !== undefined) {
      const fragment = location.split('/').map(encodeURIComponent).join('/');
      try {
        fn = engine.ajv.getSchema(`${engine.id}#${fragment}`);
      } catch (error) {
        throw new SpecdriftError(`cannot compile the schema at #${location}: ${(error as Error).message}`, ExitCode.parse, {
          hint: 'run `specdrift validate` on the spec and fix its schemas',
          cause: error,
        });
      }
    }
    engine.compiled.set(location, fn);
    return fn;
  }

  private validateAt(engine: Engine, location: string, value: unknown, basePointer: string): SchemaIssue[] {
    const fn = this.compile(engine, location);
    if (!fn || fn(value)) return [];
    return condense(fn.errors ?? [], value, basePointer, {
      pointerOf: (schema) => engine.converted.pointerOf.get(schema),
      validateBranch: (holder, keyword, index, branchValue, branchBase) => {
        const at = engine.locationOf.get(holder);
        return at === undefined ? [] : this.validateAt(engine, `${at}/${keyword}/${index}`, branchValue, branchBase);
      },
      resolve: (schema) => resolveConverted(engine.converted.root, schema),
    });
  }
}

/** Record where every schema object sits in the converted root (only objects reachable through schema keywords). */
function locateSchemas(root: JsonObject): WeakMap<object, string> {
  const locationOf = new WeakMap<object, string>();
  const visit = (node: Json, at: string): void => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${at}/${i}`));
    else if (isObject(node)) {
      if (!locationOf.has(node)) locationOf.set(node, at);
      for (const [key, value] of Object.entries(node)) {
        if (key === 'enum' || key === 'const' || key === 'default' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
        visit(value, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    }
  };
  visit(root, '');
  return locationOf;
}

/** Follow local `$ref`s in the converted root (for describing alternatives). */
function resolveConverted(root: JsonObject, schema: unknown): JsonObject | undefined {
  let node = schema;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith('#'); hops++) {
    node = resolvePointer(root, decodeURIComponent(node.$ref.slice(1)));
  }
  return isObject(node) ? node : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Condensing ajv errors

interface CondenseContext {
  pointerOf(schema: object): string | undefined;
  validateBranch(holder: object, keyword: string, index: number, value: unknown, basePointer: string): SchemaIssue[];
  resolve(schema: unknown): JsonObject | undefined;
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(prefix + '/');
export const describePointer = (pointer: string) => (pointer === '' ? '(root)' : pointer);
/** `nodeName` → `nodename`, `node_name` → `nodename`: names that differ only in case or separators. */
const spellingKey = (name: string) => name.toLowerCase().replace(/[-_\s.]/g, '');

export function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** `number 24`, `string "abc"`, `object` — scalars with their value, containers by kind only. */
export function describeValue(value: unknown): string {
  if (value === null || Array.isArray(value) || typeof value === 'object') return jsonKind(value);
  const text = JSON.stringify(value) ?? String(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return `${typeof value === 'number' ? 'number' : typeof value} ${shown}`;
}

const listValues = (values: unknown[], max = 8) => {
  const shown = values.slice(0, max).map((v) => JSON.stringify(v));
  return values.length > max ? `${shown.join(', ')}, … (${values.length} values)` : shown.join(', ');
};

function condense(errors: ErrorObject[], data: unknown, basePointer: string, ctx: CondenseContext): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const consumed = new Set<ErrorObject>();
  const schemaPointerOf = (error: ErrorObject) =>
    (error.parentSchema && ctx.pointerOf(error.parentSchema)) ?? error.schemaPath.replace(/^#/, '').replace(/\/[^/]*$/, '');

  const issue = (error: ErrorObject, pointer: string, message: string, keyword = error.keyword): SchemaIssue => {
    const schemaObjectPointer = schemaPointerOf(error);
    return { pointer, schemaPointer: `${schemaObjectPointer}/${keyword}`, schemaObjectPointer, keyword, message, params: error.params };
  };

  // anyOf/oneOf: ajv reports every branch's errors plus its own; re-validate each branch on its own and
  // report the branch that fits the value's shape best, or one "expects one of" line when none fits.
  const alternatives = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.instancePath.length - b.instancePath.length);
  for (const alt of alternatives) {
    if (consumed.has(alt)) continue;
    for (const e of errors) {
      // errors of the holder's own other keywords (required, type, …) are kept; branch errors are replaced
      if (isUnder(e.instancePath, alt.instancePath) && (e === alt || e.parentSchema !== alt.parentSchema)) consumed.add(e);
    }
    issues.push(...explainAlternatives(alt, data, basePointer, ctx, issue));
  }

  const remaining = errors.filter((e) => !consumed.has(e) && e.keyword !== 'if' && e.keyword !== '$ref');

  // required + additionalProperties at the same object for names that differ only in spelling: one problem
  const spellingPairs = new Map<ErrorObject, ErrorObject>();
  for (const req of remaining.filter((e) => e.keyword === 'required')) {
    const wanted = spellingKey(String(req.params.missingProperty));
    const extra = remaining.find(
      (e) =>
        e.keyword === 'additionalProperties' &&
        e.instancePath === req.instancePath &&
        !spellingPairs.has(e) &&
        spellingKey(String(e.params.additionalProperty)) === wanted,
    );
    if (extra) {
      spellingPairs.set(extra, req);
      consumed.add(req);
    }
  }

  for (const e of remaining) {
    if (consumed.has(e)) continue;
    const at = basePointer + e.instancePath;
    const sp = `#${schemaPointerOf(e)}`;
    const value = e.data;
    switch (e.keyword) {
      case 'type': {
        const expected = ([] as unknown[]).concat(e.params.type).join(' or ');
        issues.push(
          issue(
            e,
            at,
            value === null
              ? `${describePointer(at)}: null where the schema (${sp}) does not allow null`
              : `${describePointer(at)}: ${describeValue(value)} where the schema (${sp}) expects ${expected}`,
          ),
        );
        break;
      }
      case 'required': {
        const name = String(e.params.missingProperty);
        const pointer = `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const lookalike = isObject(value) ? Object.keys(value).find((k) => k !== name && spellingKey(k) === spellingKey(name)) : undefined;
        const tail = lookalike === undefined ? '' : `; the object has '${lookalike}' instead`;
        issues.push(issue(e, pointer, `${pointer}: required property '${name}' is missing (schema ${sp})${tail}`));
        break;
      }
      case 'additionalProperties': {
        const name = String(e.params.additionalProperty);
        const pointer = `${at}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        const pair = spellingPairs.get(e);
        issues.push(
          issue(
            e,
            pointer,
            pair
              ? `${pointer}: property '${name}' is not in the schema (${sp}), which requires '${String(pair.params.missingProperty)}' — same name, different spelling`
              : `${pointer}: property '${name}' is not allowed by the schema (${sp}: additionalProperties is false)`,
          ),
        );
        break;
      }
      case 'enum':
        issues.push(issue(e, at, `${describePointer(at)}: ${describeValue(value)} is not one of the values the schema (${sp}) allows: ${listValues(e.params.allowedValues as unknown[])}`));
        break;
      case 'const':
        issues.push(issue(e, at, `${describePointer(at)}: ${describeValue(value)} where the schema (${sp}) requires ${JSON.stringify(e.params.allowedValue)}`));
        break;
      case 'format':
        issues.push(issue(e, at, `${describePointer(at)}: ${describeValue(value)} is not a valid ${String(e.params.format)} (schema ${sp})`));
        break;
      default:
        issues.push(issue(e, at, `${describePointer(at)}: ${describeValue(value)} ${e.message ?? `fails ${e.keyword}`} (schema ${sp})`));
    }
  }
  return issues;
}

const SHAPE_KEYWORDS = new Set(['type', 'enum', 'const', 'anyOf', 'oneOf', 'not']);

function explainAlternatives(
  alt: ErrorObject,
  data: unknown,
  basePointer: string,
  ctx: CondenseContext,
  issue: (error: ErrorObject, pointer: string, message: string, keyword?: string) => SchemaIssue,
): SchemaIssue[] {
  const at = basePointer + alt.instancePath;
  const holder = alt.parentSchema;
  const sp = `#${(holder && ctx.pointerOf(holder)) ?? ''}`;
  const passing = alt.params.passingSchemas as number[] | null | undefined;
  if (Array.isArray(passing) && passing.length > 1) {
    return [issue(alt, at, `${describePointer(at)}: matches alternatives ${passing.join(' and ')} of the oneOf in the schema (${sp}); exactly one must match`)];
  }
  const value = resolvePointer(data as Json, alt.instancePath);
  const branches = holder && Array.isArray(holder[alt.keyword]) ? (holder[alt.keyword] as unknown[]) : [];
  const results = branches.map((_, i) => ctx.validateBranch(holder as object, alt.keyword, i, value, at));
  const fitting = results.filter((list) => list.length > 0 && !list.some((x) => x.pointer === at && SHAPE_KEYWORDS.has(x.keyword)));
  if (fitting.length > 0) return fitting.reduce((best, list) => (list.length < best.length ? list : best));
  const expected = [
    ...new Set(
      branches.flatMap((branch) => {
        const target = ctx.resolve(branch);
        if (target && target.type !== undefined) return ([] as Json[]).concat(target.type).map(String);
        if (target && Array.isArray(target.enum)) return [`one of ${listValues(target.enum, 4)}`];
        return ['another shape'];
      }),
    ),
  ];
  if (value === null && !expected.includes('null')) {
    return [issue(alt, at, `${describePointer(at)}: null where the schema (${sp}) does not allow null`)];
  }
  return [issue(alt, at, `${describePointer(at)}: ${describeValue(value)} where the schema (${sp}) expects ${expected.join(' or ')}`)];
}
