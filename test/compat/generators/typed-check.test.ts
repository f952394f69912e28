/**
 * Typed access checks, compiler half: the names a TypeScript client's types give each documented response property,
 * read with the compiler from small clients written here in the shapes generators emit (a function resolving to
 * `{ data }`, a class method, a static service method, an object member of a generic class), and the check file
 * that reads them all under strict `tsc --noEmit`.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TYPED_DIR, typeScriptTypedAccess } from '../../../src/compat/generators/typed-check.js';
import { type ScannedFunction, scanTypeScript } from '../../../src/compat/generators/typescript.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import type { TypedAccessPlan } from '../../../src/compat/generators/index.js';
import { camelCase } from '../../../src/compat/generators/naming.js';

const ok = { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/jobs' } } } } };
/** One operation per shape of generated code (see api.ts below). */
const OPERATIONS = ['get_fn', 'get_method', 'get_static', 'get_member', 'get_missing', 'get_unnamed'];
const doc = {
  openapi: '3.0.3',
  info: { title: 't', version: '1' },
  paths: Object.fromEntries(OPERATIONS.map((operationId) => [`/${operationId}`, { get: { operationId, responses: ok } }])),
  components: {
    schemas: {
      jobs: { type: 'object', properties: { jobs: { type: 'array', items: { $ref: '#/components/schemas/job' } }, 'last update': { type: 'integer' } } },
      job: {
        allOf: [{ type: 'object', properties: { 'min nodes': { type: 'integer' } } }, { type: 'object', properties: { 'nodes/count': { type: 'integer' }, 'job-id': { type: 'integer' } } }],
      },
    },
  },
} as unknown as JsonObject;

const JOB = 'export interface Job { min_nodes?: number; nodescount?: number; jobId?: number }\nexport interface Jobs { jobs?: Job[]; last_update?: number }\n';

const API = `export interface Job { min_nodes?: number; nodescount?: number; jobId?: number }
export interface Jobs { jobs?: Job[]; last_update?: number }
export async function getFn(): Promise<{ data: Jobs; status: number }> { return { data: {}, status: 200 }; }
export class JobsApi { async getMethod(): Promise<{ data: Jobs }> { return { data: {} }; } }
export class JobsService { static getStatic(): Promise<{ data: Jobs }> { return Promise.resolve({ data: {} }); } }
export class Api<S = unknown> { s?: S; jobs = { getMember: (): Promise<{ data: Jobs }> => Promise.resolve({ data: {} }) }; }
export async function getMissing(): Promise<{ data: { jobs?: { min_nodes?: number }[] } }> { return { data: {} }; }
export class HiddenApi { private constructor() {} async getUnnamed(): Promise<{ data: Jobs }> { return { data: {} }; } }
`;

const symbolOf = (fn: ScannedFunction) => (fn.container ? `${fn.container}.${fn.name}` : fn.name);
const expectedNames = {
  props: {
    jobs: { name: 'jobs', shape: { items: { props: { 'min nodes': { name: 'min_nodes' }, 'nodes/count': { name: 'nodescount' }, 'job-id': { name: 'jobId' } } } } },
    'last update': { name: 'last_update' },
  },
};

let dir: string;
let plans: Map<string, TypedAccessPlan>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specdrift-typed-'));
  await writeFile(join(dir, 'api.ts'), API);
  const scanned = await scanTypeScript(dir, ['api.ts'], { functions: true, classes: /Api$|Service$/, classObjectMembers: true });
  const found = new Map(OPERATIONS.map((op) => [op, symbolOf(scanned.find((f) => f.name === camelCase(op))!)]));
  // one program for every operation (what the runner does per client)
  plans = await typeScriptTypedAccess(dir, doc, found, scanned, symbolOf, ['api.ts'], { member: 'data' });
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('typeScriptTypedAccess', () => {
  it('a function resolving to { data }: names from the types (exact, else the one loosely equal), allOf merged, through arrays', () => {
    expect(plans.get('get_fn')).toEqual({ names: expectedNames, errors: [] });
  });

  it('a class method, a static service method and an object member of a generic class resolve the same', () => {
    for (const op of ['get_method', 'get_static', 'get_member']) expect(plans.get(op), op).toEqual({ names: expectedNames, errors: [] });
  });

  it('a documented property the types do not have: the check file does not compile, naming the wire key', () => {
    const plan = plans.get('get_missing')!;
    expect(plan.names.props!['last update']).toEqual({ name: null });
    expect(plan.errors).toHaveLength(3);
    expect(plan.errors[0]).toMatch(/^response\?\.\["jobs"\]\?\.\[0\]\?\.\["nodes\/count"\]: TS7053: /);
    expect(plan.errors.join('\n')).toContain('response?.["last update"]: TS');
  });

  it('a response type specdrift cannot name is left unchecked, not held against the client', () => {
    const plan = plans.get('get_unnamed')!;
    expect(plan.errors).toEqual([]);
    expect(plan.unchecked).toMatch(/^cannot name the response type of HiddenApi\.getUnnamed: TS\d+: /);
  });

  it('keeps the result in the client directory and removes its check files', async () => {
    expect((await readdir(join(dir, TYPED_DIR))).every((f) => f.endsWith('.json'))).toBe(true);
  });
});
