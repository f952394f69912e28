/**
 * `specdrift scaffold handlers SPEC -o impl.ts`: a typed skeleton for `serve --handlers`.
 *
 * Two files: `impl.api.ts`, regenerated every time (openapi-typescript's `operations` types plus the handler
 * types below), and `impl.ts`, the user's code, written once with one stub per operation; later runs only
 * append stubs for new operations and list the handlers whose operation the spec no longer has (their
 * types stay loose so the old code still compiles). openapi-typescript is a devDependency, not a runtime one
 * (it brings @redocly/openapi-core): it is found next to specdrift or in the output's project.
 */
// @ts-nocheck

import { createRequire } from 'node:module';
import { basename, dirname, resolve } from 'node:path';
import { ExitCode, SpecdriftError } from '../../../errors.js';
import { isHttpMethod, isObject, type JsonObject } from '../../../openapi/types.js';

export interface ScaffoldOperation {
  operationId: string;
  method: string;
  path: string;
  summary?: string;
}

export interface ScaffoldResult {
  /** Content of the types file (always rewritten). */
  types: string;
  /** Content of the implementation file (the existing text plus appended stubs, or a new file). */
  impl: string;
  /** Operations that got a new stub. */
  added: string[];
  /** Handlers in the existing implementation whose operation is not in the spec (left as they are). */
  removed: string[];
  /** Operations without an operationId, or whose operationId is not a JavaScript identifier: no stub. */
  skipped: string[];
}

type OpenapiTS = (doc: unknown, options: { silent?: boolean }) => Promise<unknown>;
type AstToString = (ast: unknown) => string;

async function findOpenapiTypescript(outFile: string): Promise<{ openapiTS: OpenapiTS; astToString: AstToString }> {
  const load = [
    async () => (await import('openapi-typescript')) as unknown,
    async () => createRequire(resolve(dirname(outFile), 'noop.js'))('openapi-typescript') as unknown,
  ];
  for (const attempt of load) {
    try {
      const m = (await attempt()) as { default?: unknown; astToString?: unknown };
      if (typeof m.default === 'function' && typeof m.astToString === 'function') return { openapiTS: m.default as OpenapiTS, astToString: m.astToString as AstToString };
    } catch {
      // try the next place
    }
  }
  throw new SpecdriftError('scaffold needs openapi-typescript, which is not installed', ExitCode.usage, { hint: 'npm install --save-dev openapi-typescript typescript in your project' });
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function operationsOf(doc: JsonObject): { operations: ScaffoldOperation[]; skipped: string[] } {
  const operations: ScaffoldOperation[] = [];
  const skipped: string[] = [];
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isHttpMethod(method) || !isObject(op)) continue;
      const id = typeof op.operationId === 'string' ? op.operationId : undefined;
      if (id === undefined || !IDENTIFIER.test(id)) {
        skipped.push(`${method.toUpperCase()} ${path}${id === undefined ? ' (no operationId)' : ` (operationId ${id} is not an identifier)`}`);
        continue;
      }
      operations.push({ operationId: id, method: method.toUpperCase(), path, ...(typeof op.summary === 'string' ? { summary: op.summary } : {}) });
    }
  }
  return { operations, skipped };
}

/** Names the existing implementation exports (`export const x`, `export async function x`, …). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^\s*export\s+(?:const|let|var|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of source.matchAll(/^\s*export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1].split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && IDENTIFIER.test(name) && name !== 'default') names.add(name);
    }
  }
  return [...names];
}

const HANDLER_TYPES = (removed: string[]) => `
// ---------------------------------------------------------------------------------------------------------
// Handler types for \`specdrift serve --handlers\` (see docs/serve.md). Generated: do not edit.

export type OperationId = keyof operations;
/** Handlers in the implementation whose operation this spec no longer has: delete them. */
export type RemovedOperationId = ${removed.length > 0 ? removed.map((r) => JSON.stringify(r)).join(' | ') : 'never'};

type Defined<T> = Exclude<T, undefined>;
type Location<P, L extends string> = P extends { [K in L]?: infer V } ? ([Defined<V>] extends [never] ? Record<string, never> : Defined<V>) : Record<string, never>;
type ContentOf<R> = R extends { content?: infer C } ? ([Defined<C>] extends [never] ? undefined : Defined<C>[keyof Defined<C>]) : undefined;
type RequestBodyOf<O> = O extends { requestBody: infer B } ? ContentOf<B> : O extends { requestBody?: infer B } ? ContentOf<B> | undefined : undefined;
type StatusOf<S> = S extends number ? S : number;

export interface Request<K extends OperationId> {
  operation: { operationId: K; method: string; path: string };
  method: string;
  url: string;
  params: {
    path: Location<operations[K]['parameters'], 'path'>;
    query: Location<operations[K]['parameters'], 'query'>;
    header: Location<operations[K]['parameters'], 'header'>;
    cookie: Location<operations[K]['parameters'], 'cookie'>;
  };
  body: RequestBodyOf<operations[K]>;
  contentType?: string;
  headers: Record<string, string>;
}

type Answer<S, R> = { status: StatusOf<S>; headers?: Record<string, string>; contentType?: string } & (ContentOf<R> extends undefined ? { body?: undefined } : { body: ContentOf<R> });
export type Response<K extends OperationId> = { [S in keyof operations[K]['responses']]: Answer<S, operations[K]['responses'][S]> }[keyof operations[K]['responses']];

export interface Context<State = Record<string, any>> {
  /** Per-server state, kept across --watch reloads. */
  state: State;
  /** The spec document. */
  spec: Record<string, unknown>;
  /** The request's Prefer controls (code=, example=, dynamic=); they change nothing unless the handler reads them. */
  prefer: { code?: number; example?: string; dynamic?: boolean };
  /** The spec's default answer (\`sample()\`: the success response; \`sample(404)\`: another documented status); follows --dynamic and Prefer dynamic=/example=. */
  sample(status?: number): { status: any; headers: Record<string, string>; body: any };
  log(message: string): void;
}

/** @deprecated for a RemovedOperationId: the operation is gone from the spec. */
type RemovedHandler = (req: Omit<Request<OperationId>, 'params' | 'body'> & { params: Record<'path' | 'query' | 'header' | 'cookie', Record<string, any>>; body: any }, ctx: Context) => unknown;
export type Handler<K extends OperationId | RemovedOperationId> = K extends OperationId
  ? (req: Request<K>, ctx: Context) => Response<K> | Promise<Response<K>>
  : RemovedHandler;
`;

function stubFor(op: ScaffoldOperation): string {
  return [
    `/** ${op.method} ${op.path}${op.summary ? ` — ${op.summary.replace(/\*\//g, '* /')}` : ''} */`,
    `export const ${op.operationId}: Handler<'${op.operationId}'> = async (req, ctx) => {`,
    `  return ctx.sample(); // TODO: implement (until then: the spec's default answer)`,
    `};`,
  ].join('\n');
}

/** The types file's name next to the implementation: `impl.ts` → `impl.api.ts`. */
export const typesFileFor = (implFile: string): string => implFile.replace(/(\.[cm]?ts)?$/, (ext) => `.api${ext || '.ts'}`);

export async function scaffoldHandlers(doc: JsonObject, implFile: string, existing: string | undefined): Promise<ScaffoldResult> {
  const { openapiTS, astToString } = await findOpenapiTypescript(implFile);
  const { operations, skipped } = operationsOf(doc);
  const ids = new Set(operations.map((o) => o.operationId));
  const had = existing === undefined ? [] : exportedNames(existing);
  const removed = had.filter((name) => !ids.has(name));
  const added = operations.filter((o) => !had.includes(o.operationId));
  let generated: string;
  try {
    generated = astToString(await openapiTS(structuredClone(doc), { silent: true }));
  } catch (error) {
    throw new SpecdriftError(`openapi-typescript cannot turn the spec into types: ${(error as Error).message.split('\n')[0]}`, ExitCode.parse, { hint: 'run specdrift validate on the spec', cause: error });
  }
  const info = isObject(doc.info) ? doc.info : {};
  const title = `${String(info.title ?? 'the API')} ${String(info.version ?? '')}`.trim();
  const types = `// Types for ${title}, generated by \`specdrift scaffold handlers\` with openapi-typescript. Do not edit: re-run the scaffold.\n/* eslint-disable */\n${generated}${HANDLER_TYPES(removed)}`;
  const typesImport = `./${basename(typesFileFor(implFile)).replace(/\.([cm]?)ts$/, '.$1js')}`;
  let impl: string;
  if (existing === undefined) {
    impl = [
      `// Handlers for ${title}: one per operationId. Run: specdrift serve SPEC --handlers ${basename(implFile)}`,
      `// Types: ${basename(typesFileFor(implFile))}, regenerated by \`specdrift scaffold handlers SPEC -o ${basename(implFile)}\` (which adds stubs for new operations).`,
      `import type { Handler } from '${typesImport}';`,
      '',
      ...added.map((op) => `${stubFor(op)}\n`),
    ].join('\n');
  } else {
    impl = added.length === 0 ? existing : `${existing.replace(/\n*$/, '\n')}\n${added.map(stubFor).join('\n\n')}\n`;
  }
  return { types, impl, added: added.map((o) => o.operationId), removed, skipped };
}
