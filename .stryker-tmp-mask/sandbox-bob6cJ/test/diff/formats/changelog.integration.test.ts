/**
 * Release notes on the real slurmrestd 24.11 specs (issue 13 acceptance), in process through the diff pipeline
 * and the renderers, and the published SchedMD notes for v0.0.41 → v0.0.42 as an independent oracle.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { renderReport } from '../../../src/diff/formats/index.js';
import { renderRange } from '../../../src/diff/formats/range.js';
import { runChangelogRange } from '../../../src/pipeline/changelog.js';
import { runDiffPipeline } from '../../../src/pipeline/diff.js';
import { loadSpec } from '../../../src/source/load.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';

type Doc = { paths: Record<string, Record<string, { operationId?: string }>>; components?: { schemas?: Record<string, unknown> } };
const changelog = async (a: string, b: string): Promise<DiffReport> => (await runDiffPipeline(await loadSpec(a), await loadSpec(b))).report;
const markdown = (report: DiffReport) => renderReport(report, 'markdown', { color: false, groupBy: 'resource', maxChars: 0 });

/**
 * SchedMD's published notes for Slurm 24.11.0, data_parser/v0.0.42 (doc/html/openapi_release_notes/slurm-24.11.0.html
 * in the Slurm source), written down by hand as facts: the field and what happened to it. Their notes are a
 * jq-style diff of the generated documents; ours is a diff by API meaning, so where the two disagree the comment
 * says why and the test asserts what the real specs show.
 */
interface PublishedFact {
  /** Where the notes put it. */
  published: string;
  kind: 'added' | 'removed' | 'renamed' | 'type changed' | 'deprecated';
  /** What our changelog must contain: a change of this kind whose location, where or message names `field`. */
  expect: { kind: Change['kind']; field: string; operation?: string } | { absent: string };
}

const ASSOC = '/slurmdb/v0.0.42/association/';
const ASSOCS = '/slurmdb/v0.0.42/associations/';
/**
 * The association query parameters: the notes list them by position (`parameters[3].name` "replaced" by
 * "Include deleted associations"), which reads as renames of whatever stood at that index before (`format`).
 * In the specs, each old flag parameter (with_deleted, with_usage, …) is gone and a new one with a worded name
 * was added, while `format`, `id`, … merely moved down the list (no change at all): we assert added/removed by
 * name. The notes also spell one "Include Usage"; the generated 24.11 spec says "Include usage".
 */
const param = (method: string, path: string, name: string): PublishedFact => ({
  published: `.paths["${path}"].${method.toLowerCase()}.parameters[i].name = "${name}" (replaced)`,
  kind: 'renamed',
  expect: { kind: 'added', field: `query parameter '${name}'`, operation: `${method} ${path}` },
});

const PUBLISHED_V41_V42: PublishedFact[] = [
  // Their path names v0.0.42_job_info_msg (the array); the property lives in its items, v0.0.42_job_info.
  { published: '.components.schemas."v0.0.42_job_info_msg".properties.priority_by_partition', kind: 'added', expect: { kind: 'added', field: 'priority_by_partition' } },
  { published: '.components.schemas["v0.0.42_job_desc_msg"].properties.oom_kill_step', kind: 'added', expect: { kind: 'added', field: 'oom_kill_step' } },
  { published: '.paths["/slurmdb/v0.0.42/ping/"].get', kind: 'added', expect: { kind: 'added', field: 'GET /slurmdb/v0.0.42/ping/' } },
  { published: '.components.schemas["v0.0.42_openapi_job_info_resp"]….jobs.items.properties.minimum_switches', kind: 'removed', expect: { kind: 'removed', field: 'minimum_switches' } },
  // Listed as "Replaced" (an empty object); in the specs it is a new property next to the removed minimum_switches.
  { published: '…jobs.items.properties.required_switches', kind: 'added', expect: { kind: 'added', field: 'required_switches' } },
  // "Modified sinfo Fields" is about the JSON output of the sinfo command (`.properties.sinfo`), not the REST
  // API: no schema of the generated v0.0.42 document has resource_spec, so the changelog must not mention it.
  { published: '.properties.sinfo.items.properties.resource_spec', kind: 'added', expect: { absent: 'resource_spec' } },
  param('GET', ASSOC, 'Include deleted associations'),
  param('GET', ASSOC, 'Include usage'),
  param('GET', ASSOC, 'Filter to only defaults'),
  param('GET', ASSOC, 'Include the raw QOS or delta_qos'),
  param('GET', ASSOC, 'Include sub acct information'),
  param('GET', ASSOC, 'Exclude parent id/name'),
  param('GET', ASSOC, 'Exclude limits from parents'),
  param('DELETE', ASSOC, 'Include deleted associations'),
  param('DELETE', ASSOC, 'Filter to only defaults'),
  param('DELETE', ASSOC, 'Exclude limits from parents'),
  param('GET', ASSOCS, 'Include deleted associations'),
  param('GET', ASSOCS, 'Include sub acct information'),
  param('GET', ASSOCS, 'Include the raw QOS or delta_qos'),
  // parameters[10].name "replaced" by "format": format only moved (it was parameters[3]); no change.
  { published: `.paths["${ASSOC}"].get.parameters[10].name = "format" (replaced)`, kind: 'renamed', expect: { absent: "query parameter 'format'" } },
];

const mentions = (change: Change, text: string) => [change.location, change.where ?? '', change.message].some((s) => s.includes(text.replace(/^query parameter /, '')));

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.42.json', '24.11/v0.0.41+prefer_refs.json'], 'changelog on the real slurmrestd 24.11 specs', ([v40, v41, v42, v41refs]) => {
  const doc = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Doc;

  it('v0.0.40 → v0.0.41: titled by the versions, no JSON pointer, no v0.0.40 name for what v0.0.41 has, one line per change', async () => {
    const report = await changelog(v40, v41);
    const md = markdown(report);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Slurm REST API v0.0.40 → v0.0.41');
    // The files are named in the sources footer, never in the title.
    expect(lines.at(-2)).toContain(`from ${v40}`.replace(/_/g, '\\_'));
    const body = md.slice(md.indexOf('\n## '), md.lastIndexOf('\n---'));
    expect(body).not.toMatch(/#\/|~1/);
    // Every v0.0.40 name left must name something v0.0.41 does not have under its own name.
    const newDoc = doc(v41);
    const plain = body.replace(/\\/g, '');
    const paths = new Set(Object.keys(newDoc.paths));
    const schemas = new Set(Object.keys(newDoc.components?.schemas ?? {}));
    const operationIds = new Set(Object.values(newDoc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId)));
    const oldNames = new Set(plain.match(/[\w/{}.-]*v0\.?0\.?40[\w/{}.-]*/g));
    expect(oldNames.size).toBeGreaterThan(0);
    for (const name of oldNames) {
      const renamed = name.replace('v0.0.40', 'v0.0.41').replace('v0040', 'v0041');
      expect(paths.has(renamed) || schemas.has(renamed) || operationIds.has(renamed), `${name} has a v0.0.41 name`).toBe(false);
    }
    // One bullet per distinct change (≤ 2 lines each: the bullet, and no continuation), each fingerprint once.
    const bullets = lines.filter((l) => l.startsWith('- ') && !l.startsWith('- **'));
    expect(bullets).toHaveLength(report.changes.length);
    for (const change of report.changes) expect(bullets.filter((b) => b.includes(change.fingerprint)), change.fingerprint).toHaveLength(1);
    // A schema change seen by a request and a response is one entry naming both uses.
    const both = report.changes.filter((c) => c.alsoAs?.length);
    expect(both.length).toBeGreaterThan(0);
    for (const change of both) expect(bullets.find((b) => b.includes(change.fingerprint))).toMatch(/\((requests|responses|parameters)( and |, )/);
  });

  it('the …_no_val → …_no_val_struct schemas appear as renames (v0.0.41 inlines them; +prefer_refs keeps them named)', async () => {
    const md = markdown(await changelog(v40, v41refs));
    const renamed = md.slice(md.indexOf('### Renamed'));
    for (const type of ['float64', 'uint16', 'uint32', 'uint64']) {
      expect(renamed).toContain(`component schema 'v0.0.40\\_${type}\\_no\\_val' renamed to 'v0.0.41\\_${type}\\_no\\_val\\_struct', and changed`);
    }
  });

  it('v0.0.41 → v0.0.42 has an entry with the facts of each picked entry of SchedMD\'s published notes', async () => {
    const report = await changelog(v41, v42);
    expect(report.changes.some((c) => c.where?.includes('v0.0.41'))).toBe(false);
    for (const fact of PUBLISHED_V41_V42) {
      if ('absent' in fact.expect) {
        const absent = fact.expect.absent;
        expect(report.changes.filter((c) => mentions(c, absent)).map((c) => c.message), fact.published).toEqual([]);
        continue;
      }
      const { kind, field, operation } = fact.expect;
      const found = report.changes.filter((c) => c.kind === kind && mentions(c, field) && (!operation || c.operations.some((op) => `${op.method} ${op.path}` === operation)));
      expect(found.length, `${fact.kind} ${fact.published}`).toBeGreaterThan(0);
    }
    // The positional "renames" are removals of the old flag parameters in the specs.
    for (const old of ['with_deleted', 'with_usage', 'only_defaults', 'with_raw_qos', 'with_sub_accts', 'without_parent_info', 'without_parent_limits']) {
      expect(report.changes.some((c) => c.kind === 'removed' && c.message === `query parameter '${old}' removed` && c.location === `GET ${ASSOC}`), old).toBe(true);
    }
  });

  it('changelog v0.0.40 v0.0.41 v0.0.42: one document, two sections newest first, the table matching each step', async () => {
    const steps = await runChangelogRange([v40, v41, v42], loadSpec, {});
    const md = renderRange(steps, 'markdown', { color: false, maxChars: 0 });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Slurm REST API v0.0.40 → v0.0.42');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## v0.0.41 → v0.0.42', '## v0.0.40 → v0.0.41']);
    const rows = lines.filter((l) => /^\| v0\.0\.4/.test(l));
    const pair = [await changelog(v41, v42), await changelog(v40, v41)];
    const ops = (r: DiffReport, id: string) => r.changes.filter((c) => c.id === id).length;
    expect(rows).toEqual(
      [['v0.0.41 → v0.0.42', pair[0]], ['v0.0.40 → v0.0.41', pair[1]]].map(
        ([title, r]) => `| ${title} | ${(r as DiffReport).summary.breaking} | ${(r as DiffReport).summary.warning} | ${(r as DiffReport).summary.info} | ${ops(r as DiffReport, 'endpoint-added')} | ${ops(r as DiffReport, 'endpoint-removed')} |`,
      ),
    );
    // By hand: v0.0.42 adds GET /slurmdb/v0.0.42/ping/ and v0.0.41 adds POST /slurm/v0.0.41/job/allocate; none removed.
    expect(rows.map((r) => r.split('|').slice(5, 7).map((s) => s.trim()))).toEqual([
      ['1', '0'],
      ['1', '0'],
    ]);
  });

  it('fits a GitHub comment by default (65,536 characters)', async () => {
    const report = await changelog(v40, v41);
    const md = renderReport(report, 'markdown', { color: false, groupBy: 'resource', maxChars: 20_000 });
    expect(md.length).toBeLessThanOrEqual(20_000);
    expect(md).toContain('<details>');
    expect(md).toMatch(/- _\d+ more changes? not shown/);
  });
});

describeWithRealSpec(['22.05/openapi.json'], 'changelog over the 22.05 document sliced to v0.0.36, v0.0.37, v0.0.38', ([combined]) => {
  it('one document, two sections newest first; the operations columns match the sliced documents', async () => {
    const { sliceByVersion } = await import('../../../src/openapi/slice.js');
    const whole = (await loadSpec(combined)).doc;
    const versions = ['v0.0.36', 'v0.0.37', 'v0.0.38'];
    const docs = new Map(versions.map((v) => [v, sliceByVersion(whole, v)]));
    const load = async (v: string) => ({ doc: docs.get(v)!, source: v, resolved: v, kind: 'inline' as const, format: 'json' as const, bytes: 0 });
    const steps = await runChangelogRange(versions, load, {});
    const md = renderRange(steps, 'markdown', { color: false, maxChars: 0 });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Slurm Rest API v0.0.36 → v0.0.38');
    expect(lines.filter((l) => l.startsWith('## '))).toEqual(['## v0.0.37 → v0.0.38', '## v0.0.36 → v0.0.37']);
    // Second oracle for the operations columns: the sliced documents' METHOD path sets, tags written as {v}.
    const operations = (v: string) =>
      new Set(Object.entries((docs.get(v) as unknown as Doc).paths).flatMap(([path, item]) => Object.keys(item).filter((m) => /^(get|put|post|delete|patch)$/.test(m)).map((m) => `${m} ${path.replace(v, '{v}')}`)));
    const counts = (a: string, b: string) => {
      const [before, after] = [operations(a), operations(b)];
      return [[...after].filter((op) => !before.has(op)).length, [...before].filter((op) => !after.has(op)).length].map(String);
    };
    const rows = lines.filter((l) => /^\| v0\.0\.3/.test(l)).map((r) => r.split('|').map((s) => s.trim()));
    expect(rows.map((r) => r[1])).toEqual(['v0.0.37 → v0.0.38', 'v0.0.36 → v0.0.37']);
    expect(rows.map((r) => r.slice(5, 7))).toEqual([counts('v0.0.37', 'v0.0.38'), counts('v0.0.36', 'v0.0.37')]);
  });
});
