// @ts-nocheck
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { JsonObject } from '../../src/openapi/types.js';
import { formatFindings, validateSpec, type ValidationFinding } from '../../src/openapi/validate/index.js';

const BROKEN = fileURLToPath(new URL('../../fixtures/broken/', import.meta.url));
const MULTI = fileURLToPath(new URL('../../fixtures/multi-version/', import.meta.url));
const DOCS = fileURLToPath(new URL('../../docs/validate.md', import.meta.url));

const loadYaml = (path: string): JsonObject => parse(readFileSync(path, 'utf8')) as JsonObject;
const brokenFiles = readdirSync(BROKEN).filter((f) => f.endsWith('.yaml'));
const summary = (findings: ValidationFinding[]) => findings.map((f) => `${f.level} ${f.ruleId} ${f.pointer}`);

/** Each fixture holds one defect: the rule it is named after, at exactly these places. */
const EXPECTED: Record<string, string[]> = {
  'oas-schema': ['error oas-schema /components/schemas/v0.0.40_controller_ping/required'],
  'oas-version': ['error oas-version /openapi'],
  'operation-id-duplicate': ['error operation-id-duplicate /paths/~1slurm~1v0.0.36~1jobs/get/operationId'],
  'parameter-duplicate': ['error parameter-duplicate /paths/~1slurm~1v0.0.38~1jobs/get/parameters/2'],
  'parameter-style-invalid': ['error parameter-style-invalid /paths/~1slurm~1v0.0.37~1jobs/get/parameters/0/style'],
  'path-item-unknown-key': ['error path-item-unknown-key /paths/~1slurmdb~1v0.0.38~1accounts/dbv0.0.38_tres_update'],
  'path-parameter-undeclared': ['error path-parameter-undeclared /paths/~1slurm~1v0.0.38~1job~1{job_id}/get'],
  'path-parameter-unused': ['error path-parameter-unused /paths/~1slurm~1v0.0.38~1jobs/get/parameters/0'],
  'path-template-duplicate': ['error path-template-duplicate /paths/~1slurm~1v0.0.38~1job~1{job_name}'],
  'ref-dangling': ['error ref-dangling /components/schemas/dbv0.0.38_job_info/properties/meta/$ref'],
  'ref-external': ['warning ref-external /paths/~1slurm~1v0.0.38~1ping/get/responses/200/content/application~1json/schema/$ref'],
  'schema-required-unknown-property': ['error schema-required-unknown-property /components/schemas/v0.0.41_job_res/required/1'],
  'security-scheme-undefined': ['error security-scheme-undefined /paths/~1slurm~1v0.0.38~1ping/get/security/0/bearerAuth'],
  'swagger2-semantic': ['error swagger2-semantic /paths/~1slurm~1v0.0.38~1job~1submit/post'],
};

describe('fixtures/broken: one defect per file, found exactly', () => {
  it('has a fixture for every expected rule and no unexplained fixture', () => {
    expect(brokenFiles.map((f) => f.replace(/\.yaml$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(brokenFiles)('%s', async (file) => {
    const findings = await validateSpec(loadYaml(BROKEN + file));
    expect(summary(findings)).toEqual(EXPECTED[file.replace(/\.yaml$/, '')]);
    for (const f of findings) expect(f.message).not.toMatch(/\n/);
  });

  it('docs/validate.md documents every rule id the fixtures produce', () => {
    const docs = readFileSync(DOCS, 'utf8');
    for (const rule of Object.keys(EXPECTED)) expect(docs).toContain(`\`${rule}\``);
  });

  it('messages say what to look at', async () => {
    const [required] = await validateSpec(loadYaml(BROKEN + 'schema-required-unknown-property.yaml'));
    expect(required.message).toBe(
      "'nodes/count' is required but the schema defines no such property; to require a field of 'nodes', list 'count' in that property's own required",
    );
    const [style] = await validateSpec(loadYaml(BROKEN + 'parameter-style-invalid.yaml'));
    expect(style.message).toBe("query parameter 'update_time' has style 'simple'; query allows form, spaceDelimited, pipeDelimited, deepObject");
    const [dup] = await validateSpec(loadYaml(BROKEN + 'operation-id-duplicate.yaml'));
    expect(dup.message).toBe("operationId 'slurmctld_get_jobs' is already used by GET /slurm/v0.0.37/jobs");
  });
});

describe('clean documents', () => {
  it.each(['openapi.yaml', 'db-plugins.yaml'])('fixtures/multi-version/%s has no findings', async (file) => {
    expect(await validateSpec(loadYaml(MULTI + file))).toEqual([]);
  });
});

const base = (paths: JsonObject, extra: JsonObject = {}): JsonObject => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, ...extra });
const ok = { '200': { description: 'ok' } };

describe('rules on edge cases', () => {
  it('a path-level path parameter serves every operation; unused once at the path level', async () => {
    const doc = base({
      '/jobs/{job_id}': {
        parameters: [
          { name: 'job_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'node', in: 'path', required: true, schema: { type: 'string' } },
        ],
        get: { responses: ok },
        delete: { responses: ok },
      },
    });
    expect(summary(await validateSpec(doc))).toEqual(['error path-parameter-unused /paths/~1jobs~1{job_id}/parameters/1']);
  });

  it('parameters given by $ref count, and their style is checked once, at the component', async () => {
    const doc = base(
      {
        '/a/{id}': { get: { parameters: [{ $ref: '#/components/parameters/id' }, { $ref: '#/components/parameters/q' }], responses: ok } },
        '/b': { get: { parameters: [{ $ref: '#/components/parameters/q' }], responses: ok } },
      },
      {
        components: {
          parameters: {
            id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            q: { name: 'q', in: 'query', style: 'matrix', schema: { type: 'string' } },
          },
        },
      },
    );
    expect(summary(await validateSpec(doc))).toEqual(['error parameter-style-invalid /components/parameters/q/style']);
  });

  it('header parameter names are compared case-insensitively; same name in another location is fine', async () => {
    const doc = base({
      '/a': {
        get: {
          parameters: [
            { name: 'X-Token', in: 'header', schema: { type: 'string' } },
            { name: 'x-token', in: 'header', schema: { type: 'string' } },
            { name: 'x-token', in: 'query', schema: { type: 'string' } },
          ],
          responses: ok,
        },
      },
    });
    expect(summary(await validateSpec(doc))).toEqual(['error parameter-duplicate /paths/~1a/get/parameters/1']);
  });

  it('$ref inside examples, defaults, enums and x- extensions is data, but a property named `default` is followed', async () => {
    const doc = base(
      { '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' }, example: { $ref: '#/nowhere' } } } } } } } },
      {
        components: {
          schemas: {
            A: {
              type: 'object',
              'x-origin': { $ref: '#/nowhere' },
              default: { $ref: '#/nowhere' },
              properties: { default: { $ref: '#/components/schemas/Missing' }, example: { type: 'string', enum: [{ $ref: '#/x' }] } },
            },
          },
        },
      },
    );
    expect(summary(await validateSpec(doc))).toEqual(['error ref-dangling /components/schemas/A/properties/default/$ref']);
  });

  it('discriminator mappings are references too (names and pointers)', async () => {
    const doc = base({}, {
      components: {
        schemas: {
          Pet: { type: 'object', properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind', mapping: { cat: 'Cat', dog: '#/components/schemas/Dog' } } },
          Cat: { type: 'object' },
        },
      },
    });
    expect(summary(await validateSpec(doc))).toEqual(['error ref-dangling /components/schemas/Pet/discriminator/mapping/dog']);
  });

  it('required may name properties that come from allOf siblings, composed schemas or patternProperties', async () => {
    const doc = base(
      {},
      {
        components: {
          schemas: {
            Base: { type: 'object', properties: { id: { type: 'integer' } } },
            Derived: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', required: ['id', 'name'], properties: { name: { type: 'string' } } }] },
            Composed: { type: 'object', required: ['id'], allOf: [{ $ref: '#/components/schemas/Base' }] },
            Map: { type: 'object', required: ['anything'], additionalProperties: { type: 'string' } },
            Wrong: { allOf: [{ $ref: '#/components/schemas/Base' }, { required: ['ident'] }] },
          },
        },
      },
    );
    expect(summary(await validateSpec(doc))).toEqual(['error schema-required-unknown-property /components/schemas/Wrong/allOf/1/required/0']);
    // patternProperties exists from OpenAPI 3.1 on
    const pattern: JsonObject = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      components: { schemas: { Pattern: { type: 'object', required: ['x-1', 'y'], properties: { a: { type: 'string' } }, patternProperties: { '^x-\\d$': { type: 'string' } } } } },
    };
    expect(summary(await validateSpec(pattern))).toEqual(['error schema-required-unknown-property /components/schemas/Pattern/required/1']);
  });

  it('meta-schema errors are condensed: one finding for a wrong `in`, not one per oneOf branch', async () => {
    const doc = base({ '/a': { get: { parameters: [{ name: 'b', in: 'body', schema: { type: 'string' } }], responses: ok } } });
    const findings = await validateSpec(doc);
    expect(summary(findings)).toEqual(['error oas-schema /paths/~1a/get/parameters/0/in']);
    expect(findings[0].message).toBe("must be one of 'path', 'query', 'header', 'cookie'");
  });

  it('a path parameter that is not required is reported by the meta-schema at the parameter', async () => {
    const doc = base({ '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path', schema: { type: 'string' } }], responses: ok } } });
    const findings = await validateSpec(doc);
    expect(findings.map((f) => [f.ruleId, f.pointer, f.message])).toEqual([['oas-schema', '/paths/~1a~1{id}/get/parameters/0', "missing required key 'required'"]]);
  });

  it('OpenAPI 3.1: meta-schema and rules; if/then echoes are dropped', async () => {
    const doc: JsonObject = {
      openapi: '3.1.0',
      info: { title: 't' },
      paths: { '/a': { get: { parameters: [{ name: 'b', in: 'query', style: 'simple', schema: { type: 'string' } }], responses: ok } } },
    };
    expect(summary(await validateSpec(doc))).toEqual(['error oas-schema /info', 'error parameter-style-invalid /paths/~1a/get/parameters/0/style']);
  });

  it('Swagger 2.0: rules use definitions and securityDefinitions', async () => {
    const doc: JsonObject = {
      swagger: '2.0',
      info: { title: 't', version: '1' },
      securityDefinitions: { token: { type: 'apiKey', in: 'header', name: 'X-SLURM-USER-TOKEN' } },
      security: [{ token: [] }, { user: [] }],
      paths: {
        '/jobs': { get: { operationId: 'jobs', responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Jobs' } } } } },
        '/jobs2': { get: { operationId: 'jobs', responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/Missing' } } } } },
      },
      definitions: { Jobs: { type: 'object', required: ['jobs'], properties: { job: { type: 'array', items: { type: 'string' } } } } },
    };
    const before = structuredClone(doc);
    expect(summary(await validateSpec(doc))).toEqual([
      'error schema-required-unknown-property /definitions/Jobs/required/0',
      'error operation-id-duplicate /paths/~1jobs2/get/operationId',
      'error ref-dangling /paths/~1jobs2/get/responses/200/schema/$ref',
      'error security-scheme-undefined /security/1/user',
    ]);
    expect(doc).toEqual(before);
    // swagger-parser's own 2.0 checks dereference: they must work on a copy
    const swagger2 = loadYaml(BROKEN + 'swagger2-semantic.yaml') as Record<string, any>;
    swagger2.definitions = { Job: { type: 'object', properties: { script: { type: 'string' } } } };
    swagger2.paths['/slurm/v0.0.38/job/submit'].post.parameters[0].schema = { $ref: '#/definitions/Job' };
    const copy = structuredClone(swagger2);
    expect(summary(await validateSpec(swagger2))).toEqual(['error swagger2-semantic /paths/~1slurm~1v0.0.38~1job~1submit/post']);
    expect(swagger2).toEqual(copy);
  });

  it('not an OpenAPI document at all', async () => {
    const findings = await validateSpec({ hello: 'world' }, { source: 'notes.json' });
    expect(findings).toEqual([{ ruleId: 'oas-version', level: 'error', pointer: '', message: "notes.json is not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' field" }]);
  });
});

describe('formatFindings', () => {
  it('prints level, rule id, pointer and message separated by two spaces', () => {
    expect(
      formatFindings([
        { ruleId: 'ref-dangling', level: 'error', pointer: '/paths/~1a/get', message: 'bad' },
        { ruleId: 'oas-version', level: 'warning', pointer: '', message: 'root' },
      ]),
    ).toEqual(['error  ref-dangling  /paths/~1a/get  bad', 'warning  oas-version  (root)  root']);
  });
});
