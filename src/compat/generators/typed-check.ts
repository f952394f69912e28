/**
 * Typed access checks for TypeScript clients (issue 14): which name a client's types give each documented property of
 * an operation's response, read from the types with the compiler, proved by a generated check file that reads every
 * one of them by that name under `tsc --noEmit` (strict). The run-time half (reading those names in what the client
 * returned and comparing with the wire body) is runner/typed-access.ts.
 *
 * Hand-written: no library maps an OpenAPI schema onto a generated client's types; this walks both side by side.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type * as TS from 'typescript';
import { resolveLocalRef } from '../../openapi/refs.js';
import { isHttpMethod, type Json, type JsonObject } from '../../openapi/types.js';
import { globFiles } from '../glob.js';
import { looseKey } from './naming.js';
import type { TypedAccessPlan, TypedNames } from './types.js';
import { checkOptions, IGNORED, loadTypeScript, type ScannedFunction } from './typescript.js';

/** Where the check files (and the cached result) go inside a client directory; not part of the client's hashes. */
export const TYPED_DIR = '.specdrift/typed';
const MAX_DEPTH = 8;
/** Part of the cache key of a check: bump when what is derived changes. */
const CHECK_FORMAT = '1';

/** How the value a user works with is reached from what the operation's function returns. */
export interface TypedResultAccess {
  /** `data`: the function resolves to `{ data, … }` (axios, orval, hey-api, oazapfts, swagger-typescript-api). */
  member?: string;
}

interface OperationTarget {
  operationId: string;
  fn: ScannedFunction;
  /** The success response's JSON schema. */
  schema: Json;
  status: string;
}

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The first 2xx response with a JSON body, if any. */
function successSchema(operation: JsonObject): { status: string; schema: Json } | undefined {
  const responses = isObject(operation.responses) ? operation.responses : {};
  for (const [status, response] of Object.entries(responses)) {
    if (!/^2\d\d$/.test(status) || !isObject(response) || !isObject(response.content)) continue;
    for (const [media, content] of Object.entries(response.content)) {
      if (/json/i.test(media) && isObject(content) && content.schema !== undefined) return { status, schema: content.schema };
    }
  }
  return undefined;
}

/** A type expression for what `fn` resolves to, in a file that imports the client module `m`. */
function resultType(fn: ScannedFunction, m: string, status: string): string | undefined {
  if (fn.path !== undefined) return `${m}.operations['${fn.name}']['responses']['${status}']['content']['application/json']`;
  if (fn.owner) return `Awaited<ReturnType<InstanceType<typeof ${m}.${fn.owner}>['${fn.container}']['${fn.name}']>>`;
  if (fn.container && fn.static) return `Awaited<ReturnType<typeof ${m}.${fn.container}.${fn.name}>>`;
  if (fn.container) return `Awaited<ReturnType<InstanceType<typeof ${m}.${fn.container}>['${fn.name}']>>`;
  return `Awaited<ReturnType<typeof ${m}.${fn.name}>>`;
}

const importPath = (fromDir: string, file: string) => {
  const rel = relative(fromDir, file).replace(/\.d\.ts$|\.ts$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
};

/**
 * The typed access check of every operation in `found` (operationId → symbol) whose success response has a JSON
 * schema. Cached in the client directory per spec and operation set.
 */
export async function typeScriptTypedAccess(
  outDir: string,
  doc: JsonObject,
  found: ReadonlyMap<string, string>,
  scanned: readonly ScannedFunction[],
  symbolOf: (fn: ScannedFunction) => string,
  include: readonly string[],
  access: TypedResultAccess,
): Promise<Map<string, TypedAccessPlan>> {
  const targets: OperationTarget[] = [];
  for (const item of Object.values(isObject(doc.paths) ? doc.paths : {})) {
    for (const [method, operation] of Object.entries(isObject(item) ? item : {})) {
      if (!isHttpMethod(method) || !isObject(operation) || typeof operation.operationId !== 'string') continue;
      const symbol = found.get(operation.operationId);
      const fn = symbol === undefined ? undefined : scanned.find((f) => symbolOf(f) === symbol);
      const success = successSchema(operation);
      if (fn && success && !targets.some((t) => t.operationId === operation.operationId)) targets.push({ operationId: operation.operationId, fn, ...success });
    }
  }
  const result = new Map<string, TypedAccessPlan>();
  if (targets.length === 0) return result;

  const key = createHash('sha256').update(JSON.stringify([CHECK_FORMAT, doc, targets.map((t) => [t.operationId, symbolOf(t.fn)]), access])).digest('hex').slice(0, 24);
  const dir = join(outDir, TYPED_DIR);
  const cached = join(dir, `${key}.json`);
  try {
    return new Map(Object.entries(JSON.parse(await readFile(cached, 'utf8')) as Record<string, TypedAccessPlan>));
  } catch {
    // not checked yet
  }

  const ts = await loadTypeScript();
  await mkdir(dir, { recursive: true });
  const run = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const probeFile = join(dir, `probe-${run}.ts`);
  const checkFile = join(dir, `check-${run}.ts`);
  const modules = [...new Set(targets.map((t) => t.fn.file))];
  const alias = (file: string) => `m${modules.indexOf(file)}`;
  const probe = [
    ...modules.map((file) => `import type * as ${alias(file)} from '${importPath(dir, join(outDir, file))}';`),
    ...targets.map((t, i) => {
      const type = resultType(t.fn, alias(t.fn.file), t.status);
      const value = access.member && t.fn.path === undefined ? `NonNullable<${type}>['${access.member}']` : type;
      return `export declare const r${i}: NonNullable<${value}>;`;
    }),
  ].join('\n');
  try {
    await writeFile(probeFile, `${probe}\n`);
    const files = await globFiles([...include], { cwd: outDir, absolute: true, ignore: IGNORED });
    const options = { ...checkOptions(), typeRoots: [join(outDir, 'node_modules', '@types')] };
    const program = ts.createProgram([...new Set(files), probeFile], options);
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(probeFile)!;
    const declarations = new Map<string, TS.VariableDeclaration>();
    source.forEachChild((node) => {
      if (ts.isVariableStatement(node)) for (const d of node.declarationList.declarations) if (ts.isIdentifier(d.name)) declarations.set(d.name.text, d);
    });
    const probeErrors = ts.getPreEmitDiagnostics(program, source).filter((d) => d.category === ts.DiagnosticCategory.Error);

    const walker = new NamesWalker(ts, checker, doc);
    const reads: string[] = [];
    const lineOwner: string[] = [];
    targets.forEach((t, i) => {
      const declaration = declarations.get(`r${i}`)!;
      const broken = probeErrors.find((d) => d.start !== undefined && d.start >= declaration.getStart() && d.start <= declaration.getEnd());
      if (broken) {
        // our limit, not the client's: the operation is not checked, and says why
        result.set(t.operationId, { names: {}, errors: [], unchecked: `cannot name the response type of ${symbolOf(t.fn)}: TS${broken.code}: ${ts.flattenDiagnosticMessageText(broken.messageText, ' ')}` });
        return;
      }
      const names = walker.names(t.schema, checker.getTypeAtLocation(declaration.name), 0) ?? {};
      result.set(t.operationId, { names, errors: [] });
      for (const expression of accessExpressions(`r${i}`, names)) {
        reads.push(`void ${expression};`);
        lineOwner.push(t.operationId);
      }
    });
    // The proof: every documented property read by its typed name, strict, in one program with the client.
    const header = `import { ${targets.map((_, i) => `r${i}`).join(', ')} } from './probe-${run}';\n`;
    await writeFile(checkFile, `${header}${reads.join('\n')}\n`);
    const headerLines = 1;
    const checkProgram = ts.createProgram([...new Set(files), probeFile, checkFile], options, undefined, program);
    const checkSource = checkProgram.getSourceFile(checkFile)!;
    for (const d of ts.getPreEmitDiagnostics(checkProgram, checkSource)) {
      if (d.category !== ts.DiagnosticCategory.Error || d.start === undefined) continue;
      const line = checkSource.getLineAndCharacterOfPosition(d.start).line - headerLines;
      const operationId = lineOwner[line];
      if (operationId === undefined) continue; // the import line: not about any property
      result.get(operationId)!.errors.push(`${reads[line].replace(/^void r\d+/, 'response').replace(/;$/, '')}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
    await writeFile(cached, JSON.stringify(Object.fromEntries(result)));
  } finally {
    await rm(probeFile, { force: true });
    await rm(checkFile, { force: true });
  }
  return result;
}

/** `r0?.['jobs']?.[0]?.['minNodes']` for every documented property (by its typed name; by the wire key where the types have none). */
function accessExpressions(root: string, names: TypedNames): string[] {
  const out: string[] = [];
  const walk = (expression: string, node: TypedNames, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (node.items) walk(`${expression}?.[0]`, node.items, depth + 1);
    for (const [wire, entry] of Object.entries(node.props ?? {})) {
      const read = `${expression}?.[${JSON.stringify(entry.name ?? wire)}]`;
      out.push(read);
      if (entry.name !== null && entry.shape) walk(read, entry.shape, depth + 1);
    }
  };
  walk(root, names, 0);
  return out;
}

/** Walks a response schema and the client's type for it side by side. */
class NamesWalker {
  constructor(
    private readonly ts: typeof TS,
    private readonly checker: TS.TypeChecker,
    private readonly doc: JsonObject,
  ) {}

  private resolve(schema: Json, seen = 0): JsonObject | undefined {
    if (!isObject(schema)) return undefined;
    if (typeof schema.$ref === 'string' && seen < 32) {
      const target = resolveLocalRef(this.doc, schema.$ref);
      return target === undefined ? undefined : this.resolve(target, seen + 1);
    }
    return schema;
  }

  /** Documented properties, allOf members merged. */
  private properties(schema: JsonObject): Record<string, Json> | undefined {
    let props: Record<string, Json> | undefined = isObject(schema.properties) ? { ...schema.properties } : undefined;
    for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
      const resolved = this.resolve(member);
      const more = resolved ? this.properties(resolved) : undefined;
      if (more) props = { ...(props ?? {}), ...more };
    }
    return props;
  }

  names(schemaNode: Json, type: TS.Type, depth: number): TypedNames | undefined {
    const { ts, checker } = this;
    const schema = this.resolve(schemaNode);
    if (!schema || depth > MAX_DEPTH) return undefined;
    // A union of shapes has no one name per key: the decoded comparison covers oneOf/anyOf.
    if (schema.oneOf !== undefined || schema.anyOf !== undefined) return undefined;
    const plain = checker.getNonNullableType(type);
    if (plain.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    if (plain.isUnion()) return undefined;
    if (schema.type === 'array' || schema.items !== undefined) {
      const element = checker.getIndexTypeOfType(plain, ts.IndexKind.Number);
      const items = element && schema.items !== undefined ? this.names(schema.items as Json, element, depth + 1) : undefined;
      return items ? { items } : undefined;
    }
    const props = this.properties(schema);
    if (!props || Object.keys(props).length === 0) return undefined;
    const typeProps = checker.getPropertiesOfType(plain);
    const stringIndex = checker.getIndexTypeOfType(plain, ts.IndexKind.String);
    const out: NonNullable<TypedNames['props']> = {};
    for (const [wire, propSchema] of Object.entries(props)) {
      const exact = checker.getPropertyOfType(plain, wire);
      const loose = typeProps.filter((p) => looseKey(p.name) === looseKey(wire));
      const symbol = exact ?? (loose.length === 1 ? loose[0] : undefined);
      if (!symbol) {
        if (stringIndex) out[wire] = { name: wire };
        else out[wire] = { name: null };
        continue;
      }
      const shape = this.names(propSchema, checker.getTypeOfSymbol(symbol), depth + 1);
      out[wire] = { name: symbol.name, ...(shape ? { shape } : {}) };
    }
    return { props: out };
  }
}
