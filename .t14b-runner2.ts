import { readFile, writeFile } from 'node:fs/promises';
import { ALL_GENERATORS } from './src/compat/generators/index.js';
import { runCompat, parseScenario } from './src/compat/runner/index.js';
import { renderCompatReport } from './src/compat/report/index.js';
const ids = process.argv.slice(2);
const gens = ALL_GENERATORS.filter((g) => ids.includes(g.id));
const FIXTURE = 'fixtures/slurm-like/v0.0.41.json';
const doc = JSON.parse(await readFile(FIXTURE, 'utf8'));
const SCENARIO = parseScenario(
  `steps:
  - name: submit
    operation: slurm_v0041_post_job_submit
    body: { script: "#!/bin/sh\\ntrue", job: { name: specdrift, current_working_directory: /tmp, environment: [PATH=/bin] } }
    capture: { job_id: /job_id }
  - operation: slurm_v0041_get_job
    pathParams: { job_id: "\${job_id}" }
  - operation: slurm_v0041_delete_job
    pathParams: { job_id: "\${job_id}" }
  - name: gone
    operation: slurm_v0041_get_job
    pathParams: { job_id: "\${job_id}" }
    expect: { status: 404 }
`, 'jobs.yaml');
const base = { generators: gens, cacheDir: '/tmp/t14b/cache', concurrency: 2, toolVersion: 'test' };
const first = await runCompat({ ...base, doc, specPath: FIXTURE, source: FIXTURE, scenario: SCENARIO });
for (const c of first.scenario!.cells) console.log('scenario', c.generator, c.status, c.reason ?? '', JSON.stringify(c.captured ?? {}));
console.log(renderCompatReport(first, 'text').split('\n').filter((l) => /post_job_submit|get_jobs /.test(l)).join('\n'));
const parameter = (style: string, explode: boolean) => ({ name: 'tags', in: 'query', required: true, style, explode, schema: { type: 'array', items: { type: 'string', enum: ['red', 'green', 'blue'] } }, example: ['red', 'blue'] });
const operation = (operationId: string, p: any) => ({ get: { operationId, tags: ['items'], parameters: [p], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/count' } } } } } } });
const planted = { openapi: '3.0.3', info: { title: 'Planted defect', version: '1.0.0' }, servers: [{ url: '/' }], paths: { '/items/exploded': operation('list_exploded', parameter('form', true)), '/items/csv': operation('list_csv', parameter('form', false)), '/items/space': operation('list_space', parameter('spaceDelimited', false)), '/items/pipe': operation('list_pipe', parameter('pipeDelimited', false)) }, components: { schemas: { count: { type: 'object', properties: { count: { type: 'integer' } }, required: ['count'] } } } };
await writeFile('/tmp/t14b/planted.json', JSON.stringify(planted, null, 2));
const p = await runCompat({ ...base, doc: planted as any, specPath: '/tmp/t14b/planted.json', source: 'planted.json' });
for (const c of p.cells) console.log('planted', c.generator, c.operationId, c.status, (c.reason ?? '').slice(0, 200));
