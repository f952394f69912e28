// @ts-nocheck
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { isObject, type Json, type JsonObject } from '../src/openapi/types.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/slurm-like/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const FILES = ['v0.0.40.json', 'v0.0.41.json', 'v0.0.41+prefer_refs.json', 'v0.0.42.json'] as const;
type FixtureFile = (typeof FILES)[number];
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

const text = (file: string): string => readFileSync(`${FIXTURES}${file}`, 'utf8');
const load = (file: string): JsonObject => JSON.parse(text(file)) as JsonObject;
const docs = Object.fromEntries(FILES.map((f) => [f, load(f)])) as Record<FixtureFile, JsonObject>;

interface PointerSet {
  present: string[];
  absent: string[];
}
interface ChangeRecord {
  id: string;
  kind: string;
  semantic: boolean;
  summary: string;
  before: PointerSet;
  after: PointerSet;
  afterPreferRefs?: PointerSet;
}
const changes = load('changes.json') as unknown as Record<string, ChangeRecord[]>;
const v41Changes = changes['v0.0.40.json -> v0.0.41.json'];
const v42Changes = changes['v0.0.41.json -> v0.0.42.json'];

function resolvePointer(doc: Json, pointer: string): Json | undefined {
  let node: Json | undefined = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node) && Object.hasOwn(node, token)) node = node[token];
    else return undefined;
  }
  return node;
}

const escapeToken = (token: string): string => token.replaceAll('~', '~0').replaceAll('/', '~1');
const schemaCount = (doc: JsonObject): number => Object.keys((doc.components as JsonObject).schemas as JsonObject).length;

function operations(doc: JsonObject): { method: string; path: string; op: JsonObject }[] {
  const out: { method: string; path: string; op: JsonObject }[] = [];
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    for (const [method, op] of Object.entries(item as JsonObject)) {
      if (METHODS.includes(method)) out.push({ method, path, op: op as JsonObject });
    }
  }
  return out;
}

/** The version masking a diff does: rewrite one plugin version's tags (both spellings) to another's. */
function retag(doc: JsonObject, from: string, to: string): JsonObject {
  const compact = (v: string) => v.replace(/^v(\d+)\.(\d+)\.(\d+)$/, (_m, a: string, b: string, c: string) => `v${a}${b}${c.padStart(2, '0')}`);
  return JSON.parse(JSON.stringify(doc).replaceAll(from, to).replaceAll(compact(from), compact(to))) as JsonObject;
}

async function dereferenced(doc: JsonObject): Promise<JsonObject> {
  const resolved = await SwaggerParser.dereference(structuredClone(doc) as never);
  return JSON.parse(JSON.stringify(resolved)) as JsonObject;
}

const isScalarArray = (v: Json | undefined): boolean => Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));

// Hand-written rather than jsondiffpatch/json-diff: we need plain JSON pointers per leaf, with
// enum/required arrays compared as one value, to match them against the documented change list.
/** Leaf pointers where two JSON values differ; arrays of scalars (enums, required) count as one leaf. */
function leafDiff(a: Json | undefined, b: Json | undefined, pointer = ''): string[] {
  if (a === undefined || b === undefined) return a === b ? [] : [pointer];
  if (isScalarArray(a) && isScalarArray(b)) return JSON.stringify(a) === JSON.stringify(b) ? [] : [pointer];
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => leafDiff(a[k], b[k], `${pointer}/${escapeToken(k)}`));
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => leafDiff(a[i], b[i], `${pointer}/${i}`)).flat();
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [pointer];
}

/** Every leaf difference must match an expected pattern, and every pattern must match some difference. */
function expectExactly(diffs: string[], expected: Record<string, RegExp>): void {
  const unexplained = diffs.filter((d) => !Object.values(expected).some((re) => re.test(d)));
  expect(unexplained, 'differences not in the documented change list').toEqual([]);
  const unseen = Object.entries(expected).filter(([, re]) => !diffs.some((d) => re.test(d))).map(([id]) => id);
  expect(unseen, 'documented changes missing from the fixtures').toEqual([]);
}

describe('slurm-like fixtures: validity and shape', () => {
  it.each(FILES)('%s passes swagger-parser validation', async (file) => {
    await expect(SwaggerParser.validate(structuredClone(docs[file]) as never)).resolves.toBeTruthy();
  });

  it.each(FILES)('%s is pretty-printed JSON with 2-space indentation', (file) => {
    expect(text(file)).toBe(`${JSON.stringify(docs[file], null, 2)}\n`);
  });

  it.each(FILES)('%s has the Slurm REST API envelope (3.0.3, title, servers, header api keys, top-level security)', (file) => {
    const doc = docs[file];
    expect(doc.openapi).toBe('3.0.3');
    expect((doc.info as JsonObject).title).toBe('Slurm REST API');
    expect((doc.info as JsonObject).version).toBe('Slurm-24.11.x&openapi/slurmctld&openapi/slurmdbd');
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(doc.security).toEqual([{ user: [], token: [] }]);
    const schemes = (doc.components as JsonObject).securitySchemes as JsonObject;
    expect(schemes.user).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-SLURM-USER-NAME' });
    expect(schemes.token).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-SLURM-USER-TOKEN' });
  });

  const versionOf: Record<FixtureFile, string> = {
    'v0.0.40.json': '40',
    'v0.0.41.json': '41',
    'v0.0.41+prefer_refs.json': '41',
    'v0.0.42.json': '42',
  };

  it.each(FILES)('%s mentions only its own plugin version', (file) => {
    const own = versionOf[file];
    for (const other of ['40', '41', '42'].filter((v) => v !== own)) {
      expect(text(file)).not.toContain(`v0.0.${other}`);
      expect(text(file)).not.toContain(`v00${other}`);
    }
    for (const path of Object.keys(docs[file].paths as JsonObject)) expect(path).toMatch(new RegExp(`^/slurm(db)?/v0\\.0\\.${own}/`));
    for (const name of Object.keys((docs[file].components as JsonObject).schemas as JsonObject)) expect(name.startsWith(`v0.0.${own}_`)).toBe(true);
  });

  it.each(FILES)('%s: 11 paths, 12 operations, operationIds carry tag and version, all 200 + default', (file) => {
    const own = versionOf[file];
    const ops = operations(docs[file]);
    expect(Object.keys(docs[file].paths as JsonObject)).toHaveLength(11);
    expect(ops).toHaveLength(12);
    const ids = ops.map(({ op }) => op.operationId as string);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      const tag = path.split('/')[1];
      expect(op.operationId).toMatch(new RegExp(`^${tag}_v00${own}_${method}_[a-z_]+$`));
      expect(op.tags).toEqual([tag]);
      expect(Object.keys(op.responses as JsonObject)).toEqual(['200', 'default']);
    }
  });

  it('v0.0.40 has the operations the brief lists', () => {
    const ops = operations(docs['v0.0.40.json']).map(({ method, path, op }) => `${method.toUpperCase()} ${path} ${op.operationId as string}`);
    expect(ops).toEqual([
      'GET /slurm/v0.0.40/jobs slurm_v0040_get_jobs',
      'GET /slurm/v0.0.40/job/{job_id} slurm_v0040_get_job',
      'DELETE /slurm/v0.0.40/job/{job_id} slurm_v0040_delete_job',
      'POST /slurm/v0.0.40/job/submit slurm_v0040_post_job_submit',
      'GET /slurm/v0.0.40/nodes slurm_v0040_get_nodes',
      'GET /slurm/v0.0.40/partitions slurm_v0040_get_partitions',
      'GET /slurm/v0.0.40/ping slurm_v0040_get_ping',
      'GET /slurm/v0.0.40/diag slurm_v0040_get_diag',
      'GET /slurmdb/v0.0.40/jobs slurmdb_v0040_get_jobs',
      'GET /slurmdb/v0.0.40/accounts slurmdb_v0040_get_accounts',
      'DELETE /slurmdb/v0.0.40/account/{account_name} slurmdb_v0040_delete_account',
      'GET /slurmdb/v0.0.40/diag slurmdb_v0040_get_diag',
    ]);
    const deleteJob = resolvePointer(docs['v0.0.40.json'], '/paths/~1slurm~1v0.0.40~1job~1{job_id}/delete/parameters') as JsonObject[];
    expect(deleteJob.map((p) => p.name)).toEqual(['job_id', 'signal', 'flags']);
    expect(deleteJob[2]).toMatchObject({ in: 'query', style: 'form', explode: true, schema: { type: 'array' } });
  });

  it('v0.0.40 references everything; v0.0.41 inlines most schemas; prefer_refs names them again', () => {
    expect(schemaCount(docs['v0.0.40.json'])).toBe(54);
    expect(schemaCount(docs['v0.0.41.json'])).toBe(15);
    expect(schemaCount(docs['v0.0.41+prefer_refs.json'])).toBeGreaterThan(schemaCount(docs['v0.0.41.json']));
    expect(schemaCount(docs['v0.0.42.json'])).toBe(15);
    expect(resolvePointer(docs['v0.0.40.json'], '/components/schemas/v0.0.40_openapi_job_info_resp/properties/jobs/items')).toEqual({
      $ref: '#/components/schemas/v0.0.40_job_info',
    });
    expect(resolvePointer(docs['v0.0.41.json'], '/components/schemas/v0.0.41_openapi_job_info_resp/properties/jobs/items/type')).toBe('object');
    expect(resolvePointer(docs['v0.0.41.json'], '/components/schemas/v0.0.41_job_submit_req/properties/job')).toEqual({
      $ref: '#/components/schemas/v0.0.41_job_desc_msg',
    });
    expect(resolvePointer(docs['v0.0.40.json'], '/components/schemas/v0.0.40_uint32_no_val_struct/properties')).toEqual({
      set: { type: 'boolean' },
      infinite: { type: 'boolean' },
      number: { type: 'integer', format: 'int32' },
    });
  });
});

describe('slurm-like fixtures: changes.json is the complete list of differences', () => {
  const sides: [string, ChangeRecord[], FixtureFile, FixtureFile][] = [
    ['v0.0.40 → v0.0.41', v41Changes, 'v0.0.40.json', 'v0.0.41.json'],
    ['v0.0.41 → v0.0.42', v42Changes, 'v0.0.41.json', 'v0.0.42.json'],
  ];
  for (const [label, records, before, after] of sides) {
    it(`${label}: every documented pointer resolves (or is absent) as recorded`, () => {
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const check = (doc: JsonObject, set: PointerSet, where: string) => {
          for (const p of set.present) expect(resolvePointer(doc, p), `${record.id}: ${p} in ${where}`).toBeDefined();
          for (const p of set.absent) expect(resolvePointer(doc, p), `${record.id}: ${p} absent from ${where}`).toBeUndefined();
        };
        check(docs[before], record.before, before);
        check(docs[after], record.after, after);
        if (record.afterPreferRefs) check(docs['v0.0.41+prefer_refs.json'], record.afterPreferRefs, 'prefer_refs');
        expect(record.before.present.length + record.after.present.length).toBeGreaterThan(0);
      }
    });
  }

  it('v0.0.40 → v0.0.41 lists the twelve requested kinds of change, with their README ids', () => {
    expect(v41Changes.map((c) => c.id)).toEqual([
      'v41-01', 'v41-02', 'v41-03a', 'v41-03b', 'v41-04', 'v41-05a', 'v41-05b', 'v41-06', 'v41-07', 'v41-08', 'v41-09', 'v41-10', 'v41-11a', 'v41-11b', 'v41-12',
    ]);
    expect(v41Changes.filter((c) => !c.semantic).map((c) => c.id)).toEqual(['v41-01', 'v41-02', 'v41-12']);
    expect(v42Changes.map((c) => c.id)).toEqual(['v42-01', 'v42-02', 'v42-03', 'v42-04']);
    const readme = readFileSync(fileURLToPath(new URL('../fixtures/README.md', import.meta.url)), 'utf8');
    for (const { id } of [...v41Changes, ...v42Changes]) expect(readme).toContain(`\`${id}\``);
  });

  it('v0.0.41+prefer_refs describes the same API as v0.0.41 (only $ref vs inline differs)', async () => {
    const [inlined, named] = await Promise.all([dereferenced(docs['v0.0.41.json']), dereferenced(docs['v0.0.41+prefer_refs.json'])]);
    expect(leafDiff(inlined.paths, named.paths)).toEqual([]);
    const namedSchemas = (named.components as JsonObject).schemas as JsonObject;
    for (const [name, schema] of Object.entries((inlined.components as JsonObject).schemas as JsonObject)) {
      expect(schema, name).toEqual(namedSchemas[name]);
    }
  });

  it('v0.0.40 → v0.0.41, version-masked and dereferenced, differs exactly at the documented places', async () => {
    const [before, after] = await Promise.all([dereferenced(retag(docs['v0.0.40.json'], 'v0.0.40', 'v0.0.41')), dereferenced(docs['v0.0.41.json'])]);
    for (const key of ['openapi', 'info', 'servers', 'security', 'tags']) expect(after[key], key).toEqual(before[key]);
    expect((after.components as JsonObject).securitySchemes).toEqual((before.components as JsonObject).securitySchemes);
    const jobInfo = String.raw`/responses/(200|default)/content/application~1json/schema/properties/jobs/items/properties`;
    const jobDesc = String.raw`/requestBody/content/application~1json/schema/properties/(job|jobs/items)`;
    expectExactly(leafDiff(before.paths, after.paths, '/paths'), {
      'v41-03a job_info.job_state': new RegExp(`${jobInfo}/job_state/items/enum$`),
      'v41-03a slurmdb job.state.current': /~1slurmdb~1v0\.0\.41~1jobs\/get\/.*\/jobs\/items\/properties\/state\/properties\/current\/items\/enum$/,
      'v41-03b': new RegExp(`${jobDesc}/properties/mail_type/items/enum$`),
      'v41-04': new RegExp(`${jobInfo}/nice$`),
      'v41-05a': new RegExp(`${jobInfo}/stdout_expanded$`),
      'v41-05b': new RegExp(`${jobDesc}/properties/oom_kill_step$`),
      'v41-06': new RegExp(`${jobDesc}/required$`),
      'v41-07': /^\/paths\/~1slurm~1v0\.0\.41~1job~1allocate$/,
      'v41-08': /^\/paths\/~1slurmdb~1v0\.0\.41~1diag$/,
      'v41-09': /^\/paths\/~1slurm~1v0\.0\.41~1jobs\/get\/parameters\/0\/schema\/(type|format)$/,
      'v41-10': new RegExp(`${jobInfo}/priority/(type|format|description|properties)$`),
      'v41-11a': /\/nodes\/items\/properties\/real_memory\/format$/,
      'v41-11b': /\/accounts\/items\/properties\/organization\/nullable$/,
    });
  });

  it('v0.0.41 → v0.0.42, version-masked and dereferenced, differs exactly at the documented places', async () => {
    const [before, after] = await Promise.all([dereferenced(retag(docs['v0.0.41.json'], 'v0.0.41', 'v0.0.42')), dereferenced(docs['v0.0.42.json'])]);
    expect(after.info).toEqual(before.info);
    expectExactly(leafDiff(before.paths, after.paths, '/paths'), {
      'v42-02': /~1slurm~1v0\.0\.42~1job~1\{job_id\}\/delete\/responses\/(200|default)\/content\/application~1json\/schema\/(properties\/status|required)$/,
      'v42-03': /\/requestBody\/content\/application~1json\/schema\/properties\/(job|jobs\/items|hetjob\/items)\/properties\/power_flags$/,
      'v42-04': /\/nodes\/items\/properties\/(state|next_state_after_reboot)\/items\/enum$/,
    });
  });

  it('the renamed schema (v41-12) is structurally identical to its predecessor', () => {
    const old = resolvePointer(docs['v0.0.40.json'], '/components/schemas/v0.0.40_stats_msg');
    const renamed = resolvePointer(docs['v0.0.41+prefer_refs.json'], '/components/schemas/v0.0.41_stats_rpc');
    expect(renamed).toEqual(JSON.parse(JSON.stringify(old).replaceAll('v0.0.40', 'v0.0.41')));
    expect(resolvePointer(docs['v0.0.41+prefer_refs.json'], '/components/schemas/v0.0.41_stats_msg')).toBeUndefined();
  });

  it('build.mjs regenerates the committed files byte for byte', () => {
    const run = spawnSync(process.execPath, [`${FIXTURES}build.mjs`, '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

