/**
 * Release notes (issue 13) on our own fixtures: names of the version described, readable locations, one entry
 * per change, grouping by resource, ranges, PR-comment limits and the GitHub job summary. Expected values are
 * written by hand from fixtures/slurm-like (see its changes.json) and from the small specs below.
 */
// @ts-nocheck

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { renderReport } from '../../../src/diff/formats/index.js';
import { fitSections, mdWhere } from '../../../src/diff/formats/markdown.js';
import { renderRange } from '../../../src/diff/formats/range.js';
import { listCollapsed, reportTitle, usesText } from '../../../src/diff/formats/common.js';
import { readablePointer, resourcesOf } from '../../../src/pipeline/display.js';
import { expandRange, runChangelogRange } from '../../../src/pipeline/changelog.js';
import { runDiffPipeline } from '../../../src/pipeline/diff.js';
import { loadSpec } from '../../../src/source/load.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { cliAsync } from '../../helpers/cli.js';

const FIX = 'fixtures/slurm-like';
const load = (name: string) => loadSpec(`${FIX}/${name}`);
const pipeline = async (a: string, b: string) => (await runDiffPipeline(await load(a), await load(b))).report;

describe('readable locations (where)', () => {
  const doc: JsonObject = {
    openapi: '3.0.3',
    paths: {
      '/slurm/v0.0.41/job/{job_id}': {
        delete: { parameters: [{ name: 'job_id', in: 'path' }, { name: 'signal', in: 'query' }, { $ref: '#/components/parameters/flags' }] },
      },
      '/slurm/v0.0.41/jobs': { get: { responses: { '200': { content: { 'application/json': { schema: {} } }, headers: { 'X-Rate': {} } } } } },
    },
    components: { parameters: { flags: { name: 'flags', in: 'query' } }, schemas: { 'v0.0.41_job_info': {} } },
  };
  it.each([
    ['/paths/~1slurm~1v0.0.41~1job~1{job_id}/delete/parameters/2/schema', 'DELETE /slurm/v0.0.41/job/{job_id} → query parameter `flags`'],
    ['/paths/~1slurm~1v0.0.41~1job~1{job_id}/delete/parameters/1', 'DELETE /slurm/v0.0.41/job/{job_id} → query parameter `signal`'],
    [
      '/paths/~1slurm~1v0.0.41~1jobs/get/responses/200/content/application~1json/schema/properties/jobs/items/properties/job_resources/properties/nodes',
      'GET /slurm/v0.0.41/jobs → 200 → jobs[].job_resources.nodes',
    ],
    ['/paths/~1slurm~1v0.0.41~1jobs/get/responses/200/headers/X-Rate', 'GET /slurm/v0.0.41/jobs → 200 → header `X-Rate`'],
    ['/paths/~1slurm~1v0.0.41~1job~1submit/post/requestBody/content/application~1json/schema/properties/job/properties/environment/type', 'POST /slurm/v0.0.41/job/submit → request body `job.environment`'],
    ['#/components/schemas/v0.0.41_job_info/properties/nodes', 'schema `v0.0.41_job_info` property `nodes`'],
    ['#/components/schemas/v0.0.41_job_info/allOf/1/properties/a/items/properties/b/enum', 'schema `v0.0.41_job_info` property `a[].b`'],
    ['/components/schemas/v0.0.41_job_info/items/enum', 'schema `v0.0.41_job_info` items'],
    ['/components/schemas/v0.0.41_job_info', 'schema `v0.0.41_job_info`'],
  ])('%s', (pointer, expected) => {
    expect(readablePointer(pointer, doc)).toBe(expected);
  });

  it('markdown shows each step as code and the words between as text', () => {
    expect(mdWhere('GET /slurm/v0.0.41/jobs → 200 → jobs[].job_resources.nodes')).toBe('`GET /slurm/v0.0.41/jobs` → `200` → `jobs[].job_resources.nodes`');
    expect(mdWhere('DELETE /x → query parameter `flags`')).toBe('`DELETE /x` → query parameter `flags`');
    expect(mdWhere('schema `a_b` property `c`')).toBe('schema `a_b` property `c`');
  });
});

describe('resources', () => {
  it('the tag, unless it names the API the path sits under; job and jobs are one; a name under two APIs says which', () => {
    const op = (tags?: string[]) => ({ get: { ...(tags ? { tags } : {}), responses: {} } });
    const doc: JsonObject = {
      paths: {
        '/slurm/v0.0.41/jobs': op(['slurm']),
        '/slurm/v0.0.41/job/{job_id}': op(['slurm']),
        '/slurmdb/v0.0.41/jobs': op(['slurmdb']),
        '/slurm/v0.0.41/nodes': op(['slurm']),
        '/pets/{id}': op(['animals']),
        '/stores': op(),
      },
    };
    expect(Object.fromEntries(resourcesOf(doc))).toEqual({
      'GET /slurm/v0.0.41/jobs': 'jobs (slurm)',
      'GET /slurm/v0.0.41/job/{job_id}': 'jobs (slurm)',
      'GET /slurmdb/v0.0.41/jobs': 'jobs (slurmdb)',
      'GET /slurm/v0.0.41/nodes': 'nodes',
      'GET /pets/{id}': 'animals',
      'GET /stores': 'stores',
    });
  });
});

describe('display names on the Slurm-like fixtures (v0.0.40 → v0.0.41)', () => {
  it('new-version names for what v0.0.41 has, old names for what it removed; fingerprints unchanged', async () => {
    const report = await pipeline('v0.0.40.json', 'v0.0.41.json');
    expect(reportTitle(report)).toBe('Slurm REST API v0.0.40 → v0.0.41');
    expect([report.old.tag, report.new.tag]).toEqual(['v0.0.40', 'v0.0.41']);
    const byId = (id: string) => report.changes.filter((c) => c.id === id);
    const added = byId('endpoint-added')[0];
    expect(added.location).toBe('POST /slurm/v0.0.41/job/allocate');
    expect(added.operations).toEqual([{ method: 'POST', path: '/slurm/v0.0.41/job/allocate', operationId: 'slurm_v0041_post_job_allocate' }]);
    // The fingerprint is the masked one, so an accept-list written against v0.0.40 names still matches.
    expect(added.fingerprint).toBe('fcbeda710a61cf6e');
    const removed = byId('endpoint-removed')[0];
    expect(removed.location).toBe('GET /slurmdb/v0.0.40/diag');
    expect(removed.message).toBe('GET /slurmdb/v0.0.40/diag removed');
    const renamed = byId('component-schema-renamed')[0];
    expect(renamed.message).toBe("component schema 'v0.0.40_stats_msg' renamed to 'v0.0.41_stats_rpc'");
    expect(renamed.kind).toBe('renamed');
    const narrowed = byId('request-parameter-type-narrowed')[0];
    expect(narrowed.where).toBe('GET /slurm/v0.0.41/jobs → query parameter `update_time`');
    // The pointer into v0.0.41 as written (not the masked document the diff compared).
    expect(narrowed.new?.pointer).toBe('/paths/~1slurm~1v0.0.41~1jobs/get/parameters/0/schema/type');
    expect(narrowed.resource).toBe('jobs (slurm)');
    const nice = byId('response-property-removed')[0];
    expect(nice.where).toBe('schema `v0.0.41_openapi_job_info_resp` property `jobs[]`');
    expect(nice.message).toBe("optional property 'nice' removed");
  });

  it('json keeps the pointers and gains where and resource; the markdown has no pointer and no v0.0.40 name for what v0.0.41 has', async () => {
    const report = await pipeline('v0.0.40.json', 'v0.0.41.json');
    const json = JSON.parse(renderReport(report, 'json', { color: false }));
    const change = json.changes.find((c: Change) => c.id === 'request-parameter-type-narrowed');
    expect(change.location).toBe('#/paths/~1slurm~1v0.0.41~1jobs/get/parameters/0/schema');
    expect(change.where).toBe('GET /slurm/v0.0.41/jobs → query parameter `update_time`');
    expect(change.resource).toBe('jobs (slurm)');
    const sarif = JSON.parse(renderReport(report, 'sarif', { color: false }));
    expect(sarif.runs[0].results.map((r: { properties: { where?: string } }) => r.properties.where)).toContain('GET /slurm/v0.0.41/jobs → query parameter `update_time`');
    const md = renderReport(report, 'markdown', { color: false, groupBy: 'resource' });
    expect(md).not.toMatch(/#\/|~1/);
    // v0.0.40 names left in the notes (title, mask line and sources footer aside): the removed endpoint, job_state,
    // which v0.0.41 only has inlined (no schema of that name), and the old name of the renamed schema.
    const body = md.slice(md.indexOf('\n## '), md.lastIndexOf('\n---')).replace(/\\/g, '');
    const old = new Set(body.match(/[\w/]*v0\.0\.40[\w/]*/g));
    expect([...old].sort()).toEqual(['/slurmdb/v0.0.40/diag', 'v0.0.40_job_state', 'v0.0.40_stats_msg']);
  });
});

describe('markdown layouts', () => {
  it('--group-by resource: resources then Breaking / Deprecated / Added / Changed / Renamed / Removed; operation and level', async () => {
    const report = await pipeline('v0.0.40.json', 'v0.0.41.json');
    const headings = (groupBy: 'resource' | 'operation' | 'level') =>
      renderReport(report, 'markdown', { color: false, groupBy }).split('\n').filter((l) => /^#{2,3} /.test(l));
    const byResource = headings('resource');
    // diag is under slurm and slurmdb in these specs, so it says which; job_state's enum reaches both jobs resources.
    expect(byResource.filter((h) => h.startsWith('## '))).toEqual(['## accounts', '## diag (slurmdb)', '## jobs (slurm)', '## nodes', '## Several resources', '## Components']);
    expect(byResource.slice(byResource.indexOf('## jobs (slurm)'), byResource.indexOf('## nodes'))).toEqual([
      '## jobs (slurm)',
      '### Breaking',
      '### Added',
    ]);
    expect(byResource.slice(byResource.indexOf('## Components'))).toEqual(['## Components', '### Renamed']);
    expect(headings('level').filter((h) => h.startsWith('## '))).toEqual(['## Breaking', '## Added', '## Changed', '## Renamed']);
    expect(headings('operation')[0]).toBe('## `POST /slurm/v0.0.41/job/allocate` (`slurm_v0041_post_job_allocate`)');
  });

  it('one entry per change: request and response uses named together; operations listed three, then a count', () => {
    const change: Change = {
      id: 'response-enum-value-added',
      level: 'warning',
      kind: 'added',
      section: 'components',
      message: 'enum value "X" added',
      location: '#/components/schemas/flags/items',
      where: 'schema `flags` items',
      operations: ['a', 'b', 'c', 'd', 'e'].map((p) => ({ method: 'GET', path: `/${p}` })),
      alsoAs: [{ id: 'request-enum-value-added', level: 'info' }],
      fingerprint: '0123456789abcdef',
    };
    expect(usesText(change)).toBe('responses and requests');
    expect(listCollapsed(['A', 'B', 'C', 'D'])).toBe('A, B, C, D');
    expect(listCollapsed(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 more');
    const report: DiffReport = {
      reportVersion: 1,
      old: { source: 'a.json', title: 'Pets', version: '1.0' },
      new: { source: 'b.json', title: 'Pets', version: '2.0' },
      changes: [change],
      summary: { breaking: 0, warning: 1, info: 0, accepted: 0, total: 1 },
    };
    const md = renderReport(report, 'markdown', { color: false, groupBy: 'resource' });
    const bullets = md.split('\n').filter((l) => l.startsWith('- ') && !l.startsWith('- **'));
    expect(bullets).toEqual([
      '- schema `flags` items: enum value "X" added (responses and requests) — affects `GET /a`, `GET /b`, `GET /c` and 2 more <sub>warning · `response-enum-value-added` · also as `request-enum-value-added` (info) · `0123456789abcdef`</sub>',
    ]);
    expect(md.split('\n')[0]).toBe('# Pets 1.0 → 2.0');
    expect(md).toContain('<sub>Old: Pets (1.0) from a.json<br>New: Pets (2.0) from b.json</sub>');
  });

  it('fits a PR comment: long sections fold into <details>, then their last entries go, with a count', () => {
    const bullets = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `- ${tag} change ${i} ${'x'.repeat(80)}`);
    const sections = [
      { heading: '## big', lines: ['', ...bullets(200, 'big')], changes: 200 },
      { heading: '## small', lines: ['', ...bullets(3, 'small')], changes: 3 },
    ];
    const unlimited = fitSections(['# T'], structuredClone(sections), [], 0);
    expect(unlimited.length).toBeGreaterThan(10_000);
    const fitted = fitSections(['# T'], structuredClone(sections), ['', 'footer'], 10_000);
    expect(fitted.length).toBeLessThanOrEqual(10_000);
    expect(fitted).toContain('<details>\n<summary>big (200 changes)</summary>');
    expect(fitted).not.toContain('<summary>small');
    const kept = fitted.split('\n').filter((l) => l.startsWith('- big')).length;
    expect(fitted).toContain(`- _${200 - kept} more changes not shown`);
    expect(fitted.split('\n').filter((l) => l.startsWith('- small'))).toHaveLength(3);
    expect(fitted.trimEnd().endsWith('footer')).toBe(true);
  });
});

describe('ranges', () => {
  it('--range expands through the version profile', () => {
    const config = { config: { versions: { tag: 'v0.0.{n}', source: 'x/{tag}.json' } }, baseDir: '.', path: 'c.json' } as never;
    expect(expandRange('v0.0.38..v0.0.42', config)).toEqual(['v0.0.38', 'v0.0.39', 'v0.0.40', 'v0.0.41', 'v0.0.42']);
    expect(expandRange('v40..v41', config)).toEqual(['v0.0.40', 'v0.0.41']);
    expect(() => expandRange('v0.0.42..v0.0.40', config)).toThrow(/backwards/);
    expect(() => expandRange('v0.0.40', config)).toThrow(/bad --range "v0\.0\.40"/);
  });

  it('one document: summary table newest first, one section per step, a failed step in its own section', async () => {
    const steps = await runChangelogRange(['v0.0.40.json', 'v0.0.41.json', 'missing.json', 'v0.0.42.json'].map((f) => `${FIX}/${f}`), loadSpec, {});
    expect(steps.map((s) => [s.report !== undefined, s.exitCode])).toEqual([
      [true, undefined],
      [false, 3],
      [false, 3],
    ]);
    const md = renderRange(steps, 'markdown', { color: false });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Slurm REST API v0.0.40 → fixtures/slurm-like/v0.0.42.json');
    expect(lines.filter((l) => l.startsWith('| '))).toEqual([
      '| Step | Breaking | Warnings | Info | Operations added | Operations removed |',
      '| fixtures/slurm-like/missing.json → fixtures/slurm-like/v0.0.42.json | — | — | — | — | — |',
      '| fixtures/slurm-like/v0.0.41.json → fixtures/slurm-like/missing.json | — | — | — | — | — |',
      // README's 6/3/5 for v40 → v41; one endpoint added (job/allocate), one removed (slurmdb diag).
      '| v0.0.40 → v0.0.41 | 6 | 3 | 5 | 1 | 1 |',
    ]);
    expect(lines.filter((l) => l.startsWith('## '))).toEqual([
      '## fixtures/slurm-like/missing.json → fixtures/slurm-like/v0.0.42.json',
      '## fixtures/slurm-like/v0.0.41.json → fixtures/slurm-like/missing.json',
      '## v0.0.40 → v0.0.41',
    ]);
    expect(md).toMatch(/> Could not compare `fixtures\/slurm-like\/v0\.0\.41\.json` with `fixtures\/slurm-like\/missing\.json`: .*missing\.json/);
    const data = JSON.parse(renderRange(steps, 'json', { color: false }));
    expect(data.steps.map((s: { title: string; error?: string }) => [s.title, s.error === undefined])).toEqual([
      ['v0.0.40 → v0.0.41', true],
      ['fixtures/slurm-like/v0.0.41.json → fixtures/slurm-like/missing.json', false],
      ['fixtures/slurm-like/missing.json → fixtures/slurm-like/v0.0.42.json', false],
    ]);
  });

  it('changelog v40 v41 v42 from the command line: two sections, newest first, and the counts of each step', async () => {
    const r = await cliAsync(['changelog', 'v40', 'v41', 'v42']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# Slurm REST API v0.0.40 → v0.0.42');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## v0.0.41 → v0.0.42', '## v0.0.40 → v0.0.41']);
    expect(lines).toContain('| v0.0.40 → v0.0.41 | 6 | 3 | 5 | 1 | 1 |');
    const bad = await cliAsync(['changelog', 'v40', 'v41', 'v42', '-f', 'sarif']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('--format github job summary', () => {
  it('appends the markdown report to $GITHUB_STEP_SUMMARY when set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-summary-'));
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'before\n');
    const r = await cliAsync(['diff', 'v40', 'v41', '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::error /m);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('before\n# Slurm REST API v0.0.40 → v0.0.41\n')).toBe(true);
    expect(text).toContain('- **Summary:** 6 breaking, 3 warnings, 5 info');
  });
});
