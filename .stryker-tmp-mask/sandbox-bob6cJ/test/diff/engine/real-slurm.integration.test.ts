/**
 * The engine on real slurmrestd 24.11 specs (built by scripts/slurm-specs.sh in the integration suite's global
 * setup); its speed on them is `npm run bench`'s real 24.11 pair. Every spot check below was first verified by
 * hand in both documents, and is re-verified here through the change's own pointers.
 */
// @ts-nocheck

import { expect, it } from 'vitest';
import { diffSchemas, diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { resolvePointer } from '../../../src/openapi/refs.js';
import { isObject, type JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { maskTag, readSpec } from './helpers.js';

const find = (r: DiffReport, id: string, part: string): Change => {
  const hits = r.changes.filter((c) => c.id === id && c.message.includes(part));
  expect(hits, `${id} ${part}`).toHaveLength(1);
  return hits[0];
};
const at = (doc: JsonObject, pointer: string | undefined) => resolvePointer(doc, pointer ?? '-');
const propertiesAt = (doc: JsonObject, pointer: string | undefined): string[] => {
  const node = at(doc, pointer);
  return isObject(node) && isObject(node.properties) ? Object.keys(node.properties) : [];
};

describeWithRealSpec(['24.11/v0.0.41.json', '24.11/v0.0.41+prefer_refs.json'], 'real 24.11: -d v0.0.41 vs -d v0.0.41+prefer_refs', ([inlined, named]) => {
  it('is the same API: no change above info, either way', () => {
    const a = readSpec(inlined);
    const b = readSpec(named);
    for (const r of [diffSpecs(a, b), diffSpecs(b, a)]) {
      expect(r.changes.filter((c) => c.level !== 'info').map((c) => `${c.id} ${c.location}`)).toEqual([]);
      expect(r.changes).toEqual([]);
    }
  });
});

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json'], 'real 24.11: v0.0.40 vs masked v0.0.41', ([p40, p41]) => {
  const v40 = readSpec(p40);
  const v41 = maskTag(readSpec(p41), 'v0.0.41', 'v0.0.40');
  const report = diffSpecs(v40, v41);

  it('lists a few hundred changes at most (json-diff of the masked pair: 31,440 lines)', () => {
    expect(report.changes.length).toBeGreaterThan(50);
    expect(report.changes.length).toBeLessThan(300);
    // Each change is reported once: no two share a fingerprint.
    expect(new Set(report.changes.map((c) => c.fingerprint)).size).toBe(report.changes.length);
  });

  it('points every change into both documents', () => {
    for (const c of report.changes) {
      expect(at(v40, c.old?.pointer), `${c.id} old ${c.old?.pointer}`).toBeDefined();
      expect(at(v41, c.new?.pointer), `${c.id} new ${c.new?.pointer}`).toBeDefined();
    }
  });

  it('reports the new POST …/job/allocate, which exists only in v0.0.41', () => {
    const c = find(report, 'endpoint-added', 'job/allocate');
    expect(c.location).toBe('POST /slurm/v0.0.40/job/allocate');
    expect(c.level).toBe('info');
    expect(at(v41, '/paths/~1slurm~1v0.0.40~1job~1allocate/post')).toBeDefined();
    expect(at(v40, '/paths/~1slurm~1v0.0.40~1job~1allocate')).toBeUndefined();
  });

  it('reports job_desc_msg losing cores_per_socket (request) and gaining segment_size, once, for submit and update', () => {
    const removed = find(report, 'request-property-removed', "'cores_per_socket'");
    expect(removed.old?.pointer).toBe('/components/schemas/v0.0.40_job_desc_msg/properties/cores_per_socket');
    expect(at(v40, removed.old?.pointer)).toBeDefined();
    expect(propertiesAt(v41, removed.new?.pointer)).not.toContain('cores_per_socket');
    expect(propertiesAt(v41, removed.new?.pointer)).toContain('segment_size');
    expect(removed.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['POST /slurm/v0.0.40/job/submit', 'POST /slurm/v0.0.40/job/{job_id}']);
    const added = find(report, 'request-property-added', "'segment_size'");
    expect(propertiesAt(v40, '/components/schemas/v0.0.40_job_desc_msg')).not.toContain('segment_size');
    expect(at(v41, added.new?.pointer)).toBeDefined();
  });

  it('reports slurmdbd jobs gaining stdout_expanded in the response', () => {
    const c = find(report, 'response-property-added', "'stdout_expanded'");
    expect(c.location).toBe('#/components/schemas/v0.0.40_openapi_slurmdbd_jobs_resp/properties/jobs/items');
    expect(propertiesAt(v40, '/components/schemas/v0.0.40_job')).not.toContain('stdout_expanded');
    expect(propertiesAt(v41, c.location.slice(1))).toContain('stdout_expanded');
    expect(c.operations.map((o) => o.path)).toEqual(['/slurmdb/v0.0.40/job/{job_id}', '/slurmdb/v0.0.40/jobs/']);
  });

  it('reports job_resources.allocated_nodes removed from the job info response (breaking)', () => {
    const c = find(report, 'response-property-removed', "'allocated_nodes'");
    expect(c.level).toBe('breaking');
    expect(at(v40, c.old?.pointer)).toBeDefined();
    expect(propertiesAt(v41, c.location.slice(1))).not.toContain('allocated_nodes');
  });

  it('reports the removed slurmdbd jobs query parameters (e.g. cpus_max)', () => {
    const c = find(report, 'request-parameter-removed', "'cpus_max'");
    expect(c.location).toBe('GET /slurmdb/v0.0.40/jobs/');
    const names = (doc: JsonObject) => ((at(doc, '/paths/~1slurmdb~1v0.0.40~1jobs~1/get/parameters') as JsonObject[]) ?? []).map((p) => p.name);
    expect(names(v40)).toContain('cpus_max');
    expect(names(v41)).not.toContain('cpus_max');
  });

  it('reports a change to a schema inlined in many places once, at the old named schema', () => {
    const number = '#/components/schemas/v0.0.40_uint32_no_val/properties/number';
    // Request and response uses are one finding (issue 8 item 11): request-… leads (same level), response-… in alsoAs.
    const hits = report.changes.filter((c) => c.id === 'request-format-changed' && c.location === number);
    expect(hits).toHaveLength(1);
    expect(hits[0].alsoAs).toEqual([{ id: 'response-format-changed', level: 'warning' }]);
    expect(hits[0].message).toBe('format changed from "int64" to "int32"');
    expect(hits[0].operations.length).toBeGreaterThan(5);
    // v0.0.41 inlines uint32_no_val in dozens of places; none of them is reported on its own.
    expect(report.changes.filter((c) => c.id.endsWith('-format-changed') && c.message === hits[0].message).length).toBeLessThan(8);
  });

  it('diffSchemas: v0.0.40_job_info vs the job items inlined in v0.0.41 gives a short field-level diff', () => {
    const items = '/components/schemas/v0.0.40_openapi_job_info_resp/properties/jobs/items';
    const r = diffSchemas(at(v40, '/components/schemas/v0.0.40_job_info') as JsonObject, at(v41, items) as JsonObject, {
      oldRoot: v40,
      newRoot: v41,
      oldPointer: '/components/schemas/v0.0.40_job_info',
      newPointer: items,
      direction: 'response',
    });
    expect(r.changes.length).toBeGreaterThan(10);
    expect(r.changes.length).toBeLessThan(40);
    expect(r.changes.some((c) => c.id === 'response-property-removed' && c.message.includes("'allocated_nodes'"))).toBe(true);
  });

  it('diffSchemas: the slurmdbd v0.0.40_job vs those items (a different record) is still property by property', () => {
    const items = '/components/schemas/v0.0.40_openapi_job_info_resp/properties/jobs/items';
    const r = diffSchemas(at(v40, '/components/schemas/v0.0.40_job') as JsonObject, at(v41, items) as JsonObject, {
      oldRoot: v40,
      newRoot: v41,
      oldPointer: '/components/schemas/v0.0.40_job',
      newPointer: items,
    });
    // 38 vs 130 properties: field-level adds/removes, no repetition through the ref graph.
    expect(r.changes.length).toBeLessThan(250);
    expect(r.changes.filter((c) => c.id === 'schema-property-added').length).toBeGreaterThan(80);
    expect(new Set(r.changes.map((c) => c.fingerprint)).size).toBe(r.changes.length);
  });
});

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.42.json', '24.11/v0.0.41+prefer_refs.json', '24.11/combined.json'], 'real 24.11: diff(a, a)', (paths) => {
  it.each(paths)('%s against itself is empty', (path) => {
    const a = readSpec(path);
    expect(diffSpecs(a, a).changes).toEqual([]);
    expect(diffSpecs(a, structuredClone(a)).changes).toEqual([]);
  });
});
