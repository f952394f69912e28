// @ts-nocheck
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecdriftError } from '../../../src/errors.js';
import { bindPositional, declaredParams, membersObject, positional, type Binding, unfilledReason } from '../../../src/compat/generators/bind.js';
import { ALL_GENERATORS, cacheKey, generatorsById } from '../../../src/compat/generators/index.js';
import { openapitoolsJar } from '../../../src/compat/generators/jar.js';
import { camelCase, findSymbol, looseKey, pascalCase, snakeCase } from '../../../src/compat/generators/naming.js';
import { bindPython, type PythonMethod, scanPython } from '../../../src/compat/generators/python.js';
import type { CallPlan } from '../../../src/compat/generators/types.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const fixture = JSON.parse(await readFile(new URL('../../../fixtures/slurm-like/v0.0.41.json', import.meta.url), 'utf8')) as JsonObject;

describe('naming conventions', () => {
  it('turns Slurm operationIds into each convention', () => {
    expect(camelCase('slurm_v0041_get_jobs')).toBe('slurmV0041GetJobs');
    expect(camelCase('slurmdb_v0041_delete_account')).toBe('slurmdbV0041DeleteAccount');
    expect(snakeCase('slurmV0041GetJobs')).toBe('slurm_v0041_get_jobs');
    expect(snakeCase('WithAssociations')).toBe('with_associations');
    expect(pascalCase('slurmdb')).toBe('Slurmdb');
    expect(camelCase('v0.0.41_job')).toBe('v0041Job');
  });

  it('keeps the loose key of any snake_case identifier through camelCase and snake_case', () => {
    const identifier = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,6}){0,5}$/);
    fc.assert(
      fc.property(identifier, (id) => {
        expect(looseKey(camelCase(id))).toBe(looseKey(id));
        expect(looseKey(snakeCase(camelCase(id)))).toBe(looseKey(id));
        expect(snakeCase(id)).toBe(id);
      }),
    );
  });

  it('matches symbols exactly first and refuses ambiguous loose matches', () => {
    const symbols = [{ name: 'getJobsRaw' }, { name: 'getJobs' }, { name: 'get_job' }, { name: 'getJob' }];
    expect(findSymbol(symbols, 'getJobs')?.name).toBe('getJobs');
    expect(findSymbol(symbols, 'GETJOBSRAW')?.name).toBe('getJobsRaw');
    expect(findSymbol(symbols, 'GetJob')).toBeUndefined();
    expect(findSymbol(symbols, 'deleteJob')).toBeUndefined();
  });
});

describe('binding a call to generated parameters', () => {
  const call: CallPlan = {
    operationId: 'slurm_v0041_delete_job',
    method: 'DELETE',
    path: '/slurm/v0.0.41/job/{job_id}',
    pathParams: { job_id: '42' },
    query: { flags: ['HURRY'] },
    headers: {},
  };
  const binding: Binding = { call, declared: declaredParams(fixture, call) };

  it('reads the declared parameters of the operation from the spec', () => {
    expect(binding.declared).toEqual([
      { name: 'job_id', in: 'path' },
      { name: 'signal', in: 'query' },
      { name: 'flags', in: 'query' },
    ]);
  });

  it('follows $refs and merges path-item parameters', () => {
    const doc = {
      components: { parameters: { id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } } } },
      paths: { '/x/{id}': { parameters: [{ $ref: '#/components/parameters/id' }], post: { operationId: 'postX', parameters: [{ name: 'q', in: 'query' }] } } },
    } as unknown as JsonObject;
    const plan: CallPlan = { operationId: 'postX', method: 'post', path: '/x/{id}', pathParams: { id: 'a' }, query: {}, headers: {}, body: { b: 1 } };
    expect(declaredParams(doc, plan)).toEqual([
      { name: 'id', in: 'path' },
      { name: 'q', in: 'query' },
    ]);
  });

  it('fills positional parameters by loose name, leaves unplanned ones undefined and trims the tail', () => {
    const args = positional([{ name: 'jobId' }, { name: 'signal' }, { name: 'flags' }, { name: 'options' }], binding, (p) =>
      p.name === 'options' ? { value: undefined } : undefined,
    );
    expect(args).toEqual(['42', undefined, ['HURRY']]);
  });

  it('gives the body to the one parameter that is no declared parameter, even after an unplanned optional one', () => {
    const submit: CallPlan = { operationId: 'x', method: 'POST', path: '/slurm/v0.0.41/job/{job_id}', pathParams: { job_id: '7' }, query: {}, headers: {}, body: { job: {} } };
    const withDeclared: Binding = { call: submit, declared: [{ name: 'job_id', in: 'path' }, { name: 'update_time', in: 'query' }] };
    expect(positional([{ name: 'jobId' }, { name: 'updateTime' }, { name: 'v0041JobDescMsg' }], withDeclared, () => undefined)).toEqual(['7', undefined, { job: {} }]);
    expect(membersObject(['jobId', 'updateTime', 'v0041JobDescMsg'], withDeclared)).toEqual({ jobId: '7', v0041JobDescMsg: { job: {} } });
  });

  // Swagger Codegen (python and typescript-fetch) flattens an object parameter into one parameter per property and
  // sends filter[state]=…&filter[user]=… itself; before, the driver gave filter_state the (absent) body and left
  // filter_user empty, and the call failed with "missing 2 required positional arguments: 'filter_state' …".
  const deepDoc = {
    paths: {
      '/jobs': {
        get: {
          operationId: 'list_jobs',
          parameters: [{ name: 'filter', in: 'query', required: true, style: 'deepObject', schema: { type: 'object', properties: { state: { type: 'string' }, user: { type: 'string' } } } }],
        },
      },
    },
  } as unknown as JsonObject;
  const deepCall: CallPlan = { operationId: 'list_jobs', method: 'get', path: '/jobs', pathParams: {}, query: { filter: { state: 'RUNNING', user: 'alice' } }, headers: {} };
  const deep: Binding = { call: deepCall, declared: declaredParams(deepDoc, deepCall) };

  it('fills flattened object-parameter properties (filter_state, filterUser) from the planned object', () => {
    expect(deep.declared).toEqual([{ name: 'filter', in: 'query', properties: ['state', 'user'] }]);
    expect(bindPositional([{ name: 'filter_state', optional: false }, { name: 'filterUser', optional: false }, { name: 'options', optional: true }], deep, () => undefined)).toEqual({
      args: ['RUNNING', 'alice'],
      unfilled: [],
    });
    const method: PythonMethod = { name: 'list_jobs', container: 'DefaultApi', params: ['filter_state', 'filter_user'], required: ['filter_state', 'filter_user'] };
    expect(bindPython(method, deep)).toEqual({ kwargs: { filter_state: 'RUNNING', filter_user: 'alice' }, unfilled: [] });
  });

  it('names required client parameters it cannot fill (driver-unsupported), after the body slot is taken', () => {
    const method: PythonMethod = { name: 'list_jobs', container: 'DefaultApi', params: ['filter_state', 'tenant', 'region'], required: ['filter_state', 'tenant', 'region'] };
    const bound = bindPython(method, deep);
    expect(bound.unfilled).toEqual(['region']);
    expect(unfilledReason(bound.unfilled, deep)).toBe('the client requires parameter region, which matches no parameter of GET /jobs (declared: query filter) and is not its body');
    expect(bindPositional([{ name: 'tenant', optional: false }, { name: 'region', optional: false }, { name: 'zone', optional: true }], deep, () => undefined).unfilled).toEqual(['region']);
  });
});

describe('generator registry', () => {
  it('has unique ids for every generator of the issue', () => {
    const ids = ALL_GENERATORS.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'openapi-typescript',
      'hey-api',
      'orval',
      'swagger-typescript-api',
      'oazapfts',
      'openapi-typescript-codegen',
      'kubb',
      'openapi-generator-4.3.1:typescript-fetch',
      'openapi-generator-4.3.1:typescript-axios',
      'openapi-generator-4.3.1:python',
      'swagger-codegen-3.0.34:python',
      'swagger-codegen-3.0.34:typescript-fetch',
      'openapi-generator-4.3.1:go',
      'swagger-codegen-3.0.34:go',
      'openapi-generator-4.3.1:java',
    ]);
    // Issue 14: at least 14 targets over at least 3 languages.
    expect(new Set(ALL_GENERATORS.map((g) => g.language))).toEqual(new Set(['typescript', 'python', 'go', 'java']));
  });

  it('selects by id and by language group, and rejects unknown ids with the known ones', () => {
    expect(generatorsById(['kubb', 'hey-api', 'kubb']).map((g) => g.id)).toEqual(['kubb', 'hey-api']);
    expect(generatorsById(['python']).map((g) => g.id)).toEqual(['openapi-generator-4.3.1:python', 'swagger-codegen-3.0.34:python']);
    expect(generatorsById(['go']).map((g) => g.id)).toEqual(['openapi-generator-4.3.1:go', 'swagger-codegen-3.0.34:go']);
    expect(generatorsById(['java']).map((g) => g.id)).toEqual(['openapi-generator-4.3.1:java']);
    expect(() => generatorsById(['nope'])).toThrow(SpecdriftError);
    expect(() => generatorsById(['nope'])).toThrow(/unknown generator nope/);
    const needsJar = (() => {
      try {
        generatorsById(['openapi-generator:python'], { cwd: tmpdir() });
        return undefined;
      } catch (error) {
        return error as SpecdriftError;
      }
    })();
    expect(needsJar).toBeInstanceOf(SpecdriftError);
    expect(needsJar?.hint).toMatch(/--openapi-generator-jar/);
  });

  it('adds openapi-generator:<name> for a user jar', () => {
    const ids = generatorsById(['openapi-generator:typescript-axios'], { openapiGeneratorJar: '/opt/x.jar' }).map((g) => g.id);
    expect(ids).toEqual(['openapi-generator:typescript-axios']);
    // The Go and Java drivers know 4.3.1's client shapes only; a user jar of another version is not offered for them.
    expect(() => generatorsById(['openapi-generator:go'], { openapiGeneratorJar: '/opt/x.jar' })).toThrow(/unknown generator openapi-generator:go/);
  });

  it('reports known versions of the pinned npm generators', async () => {
    const [openapiTs, kubb] = generatorsById(['openapi-typescript', 'kubb']);
    expect(await openapiTs.version()).toBe('7.13.0');
    expect(await kubb.version()).toBe('4.39.3');
  });
});

describe('cache key', () => {
  it('depends on generator, version, spec bytes and the set of patches', () => {
    const base = cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.3"}');
    expect(cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.3"}')).toBe(base);
    expect(cacheKey('hey-api', '0.95.1', '{"openapi":"3.0.3"}')).not.toBe(base);
    expect(cacheKey('orval', '0.95.0', '{"openapi":"3.0.3"}')).not.toBe(base);
    expect(cacheKey('hey-api', '0.95.0', '{"openapi":"3.0.2"}')).not.toBe(base);
    expect(cacheKey('x', '1', 's', ['a', 'b'])).toBe(cacheKey('x', '1', 's', ['b', 'a']));
    expect(cacheKey('x', '1', 's', ['a'])).not.toBe(cacheKey('x', '1', 's'));
  });
});

describe('openapitools.json', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specdrift-openapitools-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('selects <storageDir>/<version>.jar and explains a missing download', async () => {
    const project = join(dir, 'project');
    await mkdir(join(project, 'jars'), { recursive: true });
    await writeFile(join(project, 'openapitools.json'), JSON.stringify({ 'generator-cli': { version: '7.10.0', storageDir: 'jars' } }));
    expect(() => openapitoolsJar(join(project))).toThrow(/selects OpenAPI Generator 7\.10\.0 but .*7\.10\.0\.jar does not exist/);
    await writeFile(join(project, 'jars', '7.10.0.jar'), 'not really a jar');
    await mkdir(join(project, 'sub'), { recursive: true });
    expect(openapitoolsJar(join(project, 'sub'))).toBe(join(project, 'jars', '7.10.0.jar'));
    expect(generatorsById(['openapi-generator:python'], { cwd: project }).map((g) => g.id)).toEqual(['openapi-generator:python']);
  });
});

describe('Python client scan', () => {
  it('reads legacy all_params lists and typed signatures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specdrift-pyscan-'));
    try {
      await mkdir(join(dir, 'pkg', 'api'), { recursive: true });
      await writeFile(
        join(dir, 'pkg', 'api', 'slurm_api.py'),
        [
          'class SlurmApi(object):',
          '    def slurm_v0041_get_job_with_http_info(self, job_id, **kwargs):  # noqa: E501',
          '        local_var_params = locals()',
          '        all_params = [',
          "            'job_id',",
          "            'update_time'",
          '        ]',
          '',
          '    def slurm_v0041_post_job_submit_with_http_info(',
          '        self,',
          '        v0041_job_submit_req: Annotated[V0041JobSubmitReq, Field(description="x, y")],',
          '        _request_timeout: Union[None, float] = None,',
          '    ) -> ApiResponse[V0041OpenapiJobSubmitResponse]:',
          '        pass',
        ].join('\n'),
      );
      expect(await scanPython(dir, 'pkg')).toEqual([
        { name: 'slurm_v0041_get_job', container: 'SlurmApi', params: ['job_id', 'update_time'], required: ['job_id'] },
        { name: 'slurm_v0041_post_job_submit', container: 'SlurmApi', params: ['v0041_job_submit_req'], required: ['v0041_job_submit_req'] },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('lastLines', () => {
  it('gives the cause of a Java failure, not its stack frames', async () => {
    const { lastLines } = await import('../../../src/compat/generators/process.js');
    const stderr = [
      '[main] INFO o.o.codegen.DefaultGenerator - Model v0.0.38_job not generated',
      'Exception in thread "main" java.lang.RuntimeException: Could not process model \'v0.0.38_meta\'.Please make sure that your schema is correct!',
      '\tat org.openapitools.codegen.DefaultGenerator.generateModels(DefaultGenerator.java:499)',
      '\tat org.openapitools.codegen.DefaultGenerator.generate(DefaultGenerator.java:879)',
      'Caused by: java.lang.NullPointerException',
      '\tat org.openapitools.codegen.languages.PythonClientCodegen.toModelImport(PythonClientCodegen.java:123)',
      '\t... 4 more',
    ].join('\n');
    const line = lastLines({ code: 1, stdout: '', stderr, ms: 10, timedOut: false }, 2);
    expect(line).toBe(
      "Exception in thread \"main\" java.lang.RuntimeException: Could not process model 'v0.0.38_meta'.Please make sure that your schema is correct! | Caused by: java.lang.NullPointerException",
    );
  });
});
