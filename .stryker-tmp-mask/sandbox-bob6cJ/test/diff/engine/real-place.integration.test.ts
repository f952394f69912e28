/**
 * Where a change is reported (issue 8, items 9, 11, 12, 13) on the real slurmrestd 24.11 documents (built by
 * scripts/slurm-specs.sh in the integration suite's global setup). Each expectation was checked by hand in
 * both documents first.
 */
// @ts-nocheck

import { expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { maskTag, readSpec } from './helpers.js';

const at = (r: DiffReport, location: string) => r.changes.filter((c) => c.location === location);
const S = '#/components/schemas/';

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json'], 'real 24.11 v0.0.40 vs masked v0.0.41: where changes are reported', ([p40, p41]) => {
  const v40 = readSpec(p40);
  const v41 = maskTag(readSpec(p41), 'v0.0.41', 'v0.0.40');
  const report = diffSpecs(v40, v41);

  it('item 9: assoc.id ($ref assoc_short → integer) is reported at the property; assoc_short did not change', () => {
    expect(at(report, `${S}v0.0.40_assoc_short`)).toEqual([]);
    const hits = at(report, `${S}v0.0.40_assoc/properties/id`);
    expect(hits.map((c) => [c.level, c.id, c.message, c.alsoAs])).toEqual([
      ['breaking', 'request-type-changed', 'type changed from object to integer', [{ id: 'response-type-changed', level: 'breaking' }]],
    ]);
    // stats_rec.rollups (inline array → object) is reported at the property too, not at rollup_stats.
    expect(at(report, `${S}v0.0.40_rollup_stats`)).toEqual([]);
    expect(at(report, `${S}v0.0.40_stats_rec/properties/rollups`).map((c) => c.id)).toEqual(['response-type-changed']);
  });

  it('item 11: request and response uses of one change are one finding (137 findings before, 20 merged)', () => {
    const merged = report.changes.filter((c) => c.alsoAs);
    expect(merged).toHaveLength(20);
    for (const c of merged) expect(c.id.startsWith('request-') || c.id.startsWith('response-')).toBe(true);
    // e.g. account_flags gaining NoUsersAreCoords: a warning for responses, info for requests, one line.
    const flag = report.changes.filter((c) => c.location === `${S}v0.0.40_account_flags/items` && c.message.includes('"NoUsersAreCoords"'));
    expect(flag.map((c) => [c.level, c.id, c.alsoAs])).toEqual([['warning', 'response-enum-value-added', [{ id: 'request-enum-value-added', level: 'info' }]]]);
    // No change is listed twice under two directions any more.
    const key = (id: string, c: { location: string; message: string }) => `${id.replace(/^(request|response)-/, '')} ${c.location} ${c.message}`;
    const keys = report.changes.filter((c) => /^(request|response)-/.test(c.id)).map((c) => key(c.id, c));
    expect(new Set(keys).size).toBe(keys.length);
    expect(report.changes).toHaveLength(117);
  });

  it('item 13: job_res requiring "nodes/count" and four more paths is a spec-defect warning each, not "became required"', () => {
    const hits = report.changes.filter((c) => c.id === 'schema-required-undeclared');
    expect(hits.map((c) => `${c.level} ${c.message}`)).toEqual(
      ['allocation', 'count', 'list', 'select_type', 'whole'].map((n) => `warning required names 'nodes/${n}', which is no declared property (spec defect)`),
    );
    expect(new Set(hits.map((c) => c.location))).toEqual(new Set([`${S}v0.0.40_openapi_job_info_resp/properties/jobs/items/properties/job_resources`]));
    expect(report.changes.filter((c) => c.id.includes('property-required-added') && c.message.includes('/'))).toEqual([]);
  });
});

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41+prefer_refs.json'], 'real 24.11 v0.0.40 vs masked v0.0.41+prefer_refs: renames and sites', ([p40, pr]) => {
  const v40 = readSpec(p40);
  const v41 = maskTag(readSpec(pr), 'v0.0.41', 'v0.0.40');
  const report = diffSpecs(v40, v41);

  it('item 12: uint16_no_val → uint16_no_val_struct is "renamed, and changed"; so are its three siblings', () => {
    const renames = report.changes.filter((c) => c.id === 'component-schema-renamed').map((c) => c.message);
    expect(renames).toEqual([
      "component schema 'v0.0.40_float64_no_val' renamed to 'v0.0.40_float64_no_val_struct', and changed (similarity 0.87)",
      "component schema 'v0.0.40_uint16_no_val' renamed to 'v0.0.40_uint16_no_val_struct', and changed (similarity 0.75)",
      "component schema 'v0.0.40_uint32_no_val' renamed to 'v0.0.40_uint32_no_val_struct', and changed (similarity 0.75)",
      "component schema 'v0.0.40_uint64_no_val' renamed to 'v0.0.40_uint64_no_val_struct', and changed (similarity 0.87)",
    ]);
    // Its changes: number int64 → int32, reported where operations use it.
    const number = at(report, `${S}v0.0.40_uint16_no_val_struct/properties/number`);
    expect(number.map((c) => [c.id, c.message])).toEqual([['request-format-changed', 'format changed from "int64" to "int32"']]);
  });

  it('item 9: each property that switched from an integer to a $ref of a *_no_val_struct is reported at that property', () => {
    // Before: request-type-changed at uint16_no_val_struct and response-type-changed at uint64_no_val_struct
    // (integer → object), one line standing for several properties; now only the renames are there.
    for (const name of ['uint16', 'uint64']) expect(at(report, `${S}v0.0.40_${name}_no_val_struct`).map((c) => c.id)).toEqual(['component-schema-renamed']);
    for (const p of ['v0.0.40_stats_msg_rpc_type/properties/average_time', 'v0.0.40_stats_msg_rpc_user/properties/average_time']) {
      expect(at(report, `${S}${p}`).map((c) => `${c.level} ${c.id} ${c.message}`), p).toEqual(['breaking response-type-changed type changed from integer to object']);
    }
    expect(at(report, `${S}v0.0.40_job_desc_msg/properties/distribution_plane_size`).map((c) => c.id)).toEqual(['request-type-changed']);
  });
});

describeWithRealSpec(['24.11/v0.0.41.json', '24.11/v0.0.42.json'], 'real 24.11 v0.0.41 (inlined) plus an unused component copy vs masked v0.0.42', ([p41, p42]) => {
  const v41 = readSpec(p41);
  const v42 = maskTag(readSpec(p42), 'v0.0.42', 'v0.0.41');

  it('item 11: the unused copy adds no finding; each change is reported once, under the operation', () => {
    // Old: the inlined `jobs` array of the job info response, also kept as an unused component (as a spec
    // that inlines under paths and keeps component copies does); new: v0.0.42 uses that component.
    const withCopy = structuredClone(v41);
    const schemas = (withCopy.components as JsonObject).schemas as JsonObject;
    const resp = schemas['v0.0.41_openapi_job_info_resp'] as JsonObject;
    schemas['v0.0.41_job_info_msg'] = structuredClone((resp.properties as JsonObject).jobs as JsonObject);
    const plain = diffSpecs(v41, v42);
    const copied = diffSpecs(withCopy, v42);
    expect(copied.changes.filter((c) => c.location.startsWith(`${S}v0.0.41_job_info_msg`) && c.id.startsWith('schema-'))).toEqual([]);
    expect(copied.changes.map((c) => c.fingerprint)).toEqual(plain.changes.map((c) => c.fingerprint));
    expect(plain.changes.length).toBeGreaterThan(20);
  });
});
