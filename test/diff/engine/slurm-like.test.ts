/**
 * Our Slurm-like fixtures (fixtures/slurm-like, differences listed in fixtures/README.md and changes.json):
 * the masked, $ref-aware diff reports exactly the intended API changes and nothing for the inlining.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { resolvePointer } from '../../../src/openapi/refs.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fixturePath, maskTag, readSpec } from './helpers.js';

const spec = (name: string) => readSpec(fixturePath('slurm-like', name));
const v40 = spec('v0.0.40.json');
const v41 = spec('v0.0.41.json');
const v41refs = spec('v0.0.41+prefer_refs.json');
const v42 = spec('v0.0.42.json');

interface Record {
  id: string;
  semantic: boolean;
}
const changesJson = JSON.parse(readFileSync(fixturePath('slurm-like', 'changes.json'), 'utf8')) as { [pair: string]: Record[] };

const S40 = '#/components/schemas/v0.0.40_';
const S41 = '#/components/schemas/v0.0.41_';
const ops = (c: Change) => c.operations.map((o) => `${o.method} ${o.path}`).sort();

/** The single change with this id (and detail in the message), failing with the whole report otherwise. */
function one(report: DiffReport, id: string, messagePart = ''): Change {
  const hits = report.changes.filter((c) => c.id === id && c.message.includes(messagePart));
  expect(hits, `${id} ${messagePart} in ${report.changes.map((c) => `${c.id}: ${c.message}`).join('\n')}`).toHaveLength(1);
  return hits[0];
}

describe('slurm-like v0.0.40 → masked v0.0.41', () => {
  // Diffed inside each test, not once in the describe body: Stryker counts code run while a file is collected as
  // "static" and runs every test against each of its mutants (docs/testing.md, "Mutation score").
  const diffPair = () => diffSpecs(v40, maskTag(v41, 'v0.0.41', 'v0.0.40'), { oldSource: 'v0.0.40.json', newSource: 'v0.0.41.json' });
  /** Every change the fixture intends (id, part of its message): the tests below look at each one closely. */
  const intended: [string, string][] = [
    ['response-enum-value-added', 'POWER_UP_NODE'],
    ['response-enum-value-added', 'RESV_DEL_HOLD'],
    ['request-enum-value-added', 'INVALID_DEPENDENCY'],
    ['response-property-removed', "'nice'"],
    ['response-property-added', 'stdout_expanded'],
    ['request-property-added', 'oom_kill_step'],
    ['request-property-required-added', 'current_working_directory'],
    ['endpoint-added', ''],
    ['endpoint-removed', ''],
    ['request-parameter-type-narrowed', ''],
    ['response-type-changed', ''],
    ['response-format-changed', 'int64'],
    ['response-nullable-set', ''],
    ['component-schema-renamed', ''],
  ];
  const check = (report: DiffReport, id: string, part = '') => {
    expect(intended, `${id} ${part} is in the list of intended changes`).toContainEqual([id, part]);
    return one(report, id, part);
  };

  it('v41-03a: job_state gains two enum values (response), reported once at the shared enum', () => {
    const report = diffPair();
    for (const value of ['POWER_UP_NODE', 'RESV_DEL_HOLD']) {
      const c = check(report, 'response-enum-value-added', value);
      expect(c.level).toBe('warning');
      expect(c.location).toBe(`${S40}job_state/items`);
      expect(ops(c)).toEqual(['GET /slurm/v0.0.40/job/{job_id}', 'GET /slurm/v0.0.40/jobs', 'GET /slurmdb/v0.0.40/jobs']);
      expect(c.new?.value).toBe(value);
    }
  });

  it('v41-03b: mail_type gains a request enum value', () => {
    const report = diffPair();
    const c = check(report, 'request-enum-value-added', 'INVALID_DEPENDENCY');
    expect(c.level).toBe('info');
    expect(c.location).toBe(`${S40}job_desc_msg/properties/mail_type/items`);
    expect(ops(c)).toEqual(['POST /slurm/v0.0.40/job/submit']);
  });

  it('v41-04: job_info.nice removed from the response (breaking), at the inlined job_info', () => {
    const report = diffPair();
    const c = check(report, 'response-property-removed', "'nice'");
    expect(c.level).toBe('breaking');
    expect(c.location).toBe(`${S40}openapi_job_info_resp/properties/jobs/items`);
    expect(c.old?.pointer).toBe('/components/schemas/v0.0.40_job_info/properties/nice');
    expect(ops(c)).toEqual(['GET /slurm/v0.0.40/job/{job_id}', 'GET /slurm/v0.0.40/jobs']);
  });

  it('v41-05a/b: optional properties added to response and request', () => {
    const report = diffPair();
    const a = check(report, 'response-property-added', 'stdout_expanded');
    expect(a.level).toBe('info');
    expect(a.new?.pointer).toBe('/components/schemas/v0.0.40_openapi_job_info_resp/properties/jobs/items/properties/stdout_expanded');
    const b = check(report, 'request-property-added', 'oom_kill_step');
    expect(b.location).toBe(`${S40}job_desc_msg`);
    expect(b.new?.value).toMatchObject({ type: 'integer', format: 'int32' });
  });

  it('v41-06: current_working_directory becomes required in the request (breaking)', () => {
    const report = diffPair();
    const c = check(report, 'request-property-required-added', 'current_working_directory');
    expect(c.level).toBe('breaking');
    expect(ops(c)).toEqual(['POST /slurm/v0.0.40/job/submit']);
  });

  it('v41-07: POST job/allocate added; its new schemas are not listed as components', () => {
    const report = diffPair();
    const c = check(report, 'endpoint-added');
    expect(c.location).toBe('POST /slurm/v0.0.40/job/allocate');
    expect(c.operations[0].operationId).toBe('slurm_v0040_post_job_allocate');
  });

  it('v41-08: GET slurmdb diag removed (breaking); the schemas only it used are not listed', () => {
    const report = diffPair();
    const c = check(report, 'endpoint-removed');
    expect(c.location).toBe('GET /slurmdb/v0.0.40/diag');
    expect(c.level).toBe('breaking');
  });

  it('v41-09: update_time parameter type string → integer on GET jobs only', () => {
    const report = diffPair();
    // A query parameter is text on the wire: digits are strings too, so fewer strings are accepted (issue 8 item 7).
    const c = check(report, 'request-parameter-type-narrowed');
    expect(c.level).toBe('breaking');
    expect(ops(c)).toEqual(['GET /slurm/v0.0.40/jobs']);
    expect(c.message).toContain('string to integer');
  });

  it('v41-10: job_info.priority integer → object', () => {
    const report = diffPair();
    const c = check(report, 'response-type-changed');
    expect(c.location).toBe(`${S40}openapi_job_info_resp/properties/jobs/items/properties/priority`);
    expect(c.message).toContain('integer to object');
  });

  it('v41-11a/b: real_memory format int32 → int64, organization becomes nullable', () => {
    const report = diffPair();
    expect(check(report, 'response-format-changed', 'int64').location).toBe(`${S40}openapi_nodes_resp/properties/nodes/items/properties/real_memory`);
    const n = check(report, 'response-nullable-set');
    expect(n.level).toBe('breaking');
    expect(ops(n)).toEqual(['GET /slurmdb/v0.0.40/accounts']);
  });

  it('v41-12: stats_msg → stats_rpc is one info rename, not a removal and an addition', () => {
    const report = diffPair();
    const c = check(report, 'component-schema-renamed');
    expect(c.level).toBe('info');
    expect(c.message).toContain("'v0.0.40_stats_msg' renamed to 'v0.0.40_stats_rpc'");
  });

  it('reports nothing else: no change for the inlining (v41-01) or the masked operationIds (v41-02)', () => {
    const report = diffPair();
    const asserted = new Set(intended.map(([id, part]) => one(report, id, part)));
    expect(asserted.size).toBe(intended.length);
    expect(report.changes.filter((c) => !asserted.has(c)).map((c) => `${c.id} ${c.location} ${c.message}`)).toEqual([]);
    expect(report.changes).toHaveLength(14);
    const semantic = changesJson['v0.0.40.json -> v0.0.41.json'].filter((r) => r.semantic);
    expect(semantic).toHaveLength(12); // 03a counts once but holds two values: 13 changes + the rename
  });

  it('points old/new pointers into each side: they resolve in the old and the masked new document', () => {
    const report = diffPair();
    const masked = maskTag(v41, 'v0.0.41', 'v0.0.40');
    for (const c of report.changes) {
      expect(resolvePointer(v40, c.old?.pointer ?? '-'), `${c.id} old ${c.old?.pointer}`).toBeDefined();
      expect(resolvePointer(masked, c.new?.pointer ?? '-'), `${c.id} new ${c.new?.pointer}`).toBeDefined();
    }
  });
});

describe('slurm-like v0.0.41 → masked v0.0.42', () => {
  it('reports exactly v42-02, v42-03 and v42-04', () => {
    const report = diffSpecs(v41, maskTag(v42, 'v0.0.42', 'v0.0.41'));
    const kill = one(report, 'response-required-property-added', "'status'");
    expect(kill.location).toBe(`${S41}openapi_kill_job_resp`);
    expect(ops(kill)).toEqual(['DELETE /slurm/v0.0.41/job/{job_id}']);
    const power = one(report, 'request-property-removed', 'power_flags');
    expect(ops(power)).toEqual(['POST /slurm/v0.0.41/job/allocate', 'POST /slurm/v0.0.41/job/submit']);
    const drained = report.changes.filter((c) => c.id === 'response-enum-value-removed');
    expect(drained.map((c) => c.location).sort()).toEqual([
      `${S41}openapi_nodes_resp/properties/nodes/items/properties/next_state_after_reboot/items`,
      `${S41}openapi_nodes_resp/properties/nodes/items/properties/state/items`,
    ]);
    expect(report.changes).toHaveLength(4);
  });
});

describe('the same API emitted two ways', () => {
  it('v0.0.41 (inlined) vs v0.0.41+prefer_refs (named): no change at all, both ways', () => {
    expect(diffSpecs(v41, v41refs).changes).toEqual([]);
    expect(diffSpecs(v41refs, v41).changes).toEqual([]);
  });

  it('masked v0.0.41+prefer_refs vs v0.0.40 gives the same API changes as the inlined v0.0.41', () => {
    const key = (r: DiffReport) => r.changes.filter((c) => c.section !== 'components').map((c) => `${c.id} ${c.message} ${ops(c).join(',')}`);
    const inlined = diffSpecs(v40, maskTag(v41, 'v0.0.41', 'v0.0.40'));
    const named = diffSpecs(v40, maskTag(v41refs, 'v0.0.41', 'v0.0.40'));
    expect(key(named).sort()).toEqual(key(inlined).sort());
  });
});

describe('diff(a, a) is empty', () => {
  it.each(['v0.0.40.json', 'v0.0.41.json', 'v0.0.41+prefer_refs.json', 'v0.0.42.json'])('%s', (name) => {
    const a = spec(name);
    expect(diffSpecs(a, a).changes).toEqual([]);
    expect(diffSpecs(a, structuredClone(a) as JsonObject).changes).toEqual([]);
  });
});
