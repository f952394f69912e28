/** `specdrift diff` from the command line on real slurmrestd 24.11 specs (integration suite: scripts/slurm-specs.sh). */
// @ts-nocheck

import { expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.41+prefer_refs.json'], 'diff on real slurmrestd 24.11 specs', ([v40, v41, prefer]) => {
  it('v0.0.41 vs v0.0.41+prefer_refs: no API change', () => {
    const result = cli(['diff', v41, prefer, '--fail-on', 'warning', '-f', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).summary).toMatchObject({ breaking: 0, warning: 0 });
  });

  it('v0.0.40 vs v0.0.41: a few hundred lines at most, with the real changes', () => {
    const result = cli(['diff', v40, v41]);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeLessThan(400);
    // Named as v0.0.41 names them (masking was only for comparing), located as a reader says it.
    expect(result.stdout.split('\n')[0]).toBe('Slurm REST API v0.0.40 → v0.0.41');
    expect(result.stdout).toMatch(/^POST \/slurm\/v0\.0\.41\/job\/allocate/m);
    // Verified by hand in both documents: job_desc_msg gains segment_size and loses cores_per_socket (v0.0.41
    // inlines it into the job/submit request body); job_resources loses allocated_nodes and turns nodes into an object.
    expect(result.stdout).toMatch(/request-property-added {2}request body `job\.segment_size`: optional property 'segment_size' added/);
    expect(result.stdout).toMatch(/request-property-removed {2}request body `job`: optional property 'cores_per_socket' removed/);
    expect(result.stdout).toMatch(/response-property-removed {2}schema `v0\.0\.41_openapi_job_info_resp` property `jobs\[\]\.job_resources`: optional property 'allocated_nodes' removed/);
    expect(result.stdout).toMatch(/response-type-changed {2}schema `v0\.0\.41_openapi_job_info_resp` property `jobs\[\]\.job_resources\.nodes`: type changed from string to object/);
    expect(result.stdout).not.toMatch(/#\/|~1/);
  });

  it("--select on the seed's example: v0.0.40_job vs the inlined jobs.items of masked v0.0.41", () => {
    const result = cli([
      'diff', v40, v41,
      '--select-old', '.components.schemas."v0.0.40_job"',
      '--select-new', '.components.schemas."v0.0.40_openapi_job_info_resp".properties.jobs.items',
      '-f', 'json',
    ]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // v0.0.40_job (the slurmdb job record) and job_info's items really differ by ~180 fields, but they sit in a
    // handful of places, and every change is field-level: it names the property or enum value.
    const places = new Set(report.changes.map((c: { location: string }) => c.location));
    expect(places.size).toBeLessThan(20);
    for (const c of report.changes) expect(c.message).toMatch(/'[^']+'|"[^"]+"|changed from|removed|set/);
    expect(report.changes.map((c: { message: string }) => c.message)).toContain("optional property 'working_directory' removed");
    // The new selection as the v0.0.41 document names it (the user may write either name).
    expect(report.select).toEqual({ old: '#/components/schemas/v0.0.40_job', new: '#/components/schemas/v0.0.41_openapi_job_info_resp/properties/jobs/items' });
    // --compact folds each place's sibling changes into one line: a short, readable field-level diff.
    const compact = cli([
      'diff', v40, v41, '--compact',
      '--select-old', '.components.schemas."v0.0.40_job"',
      '--select-new', '.components.schemas."v0.0.40_openapi_job_info_resp".properties.jobs.items',
    ]);
    const lines = compact.stdout.split('\n').filter((l) => /^ {2}[✗!·✓] /.test(l));
    expect(lines.length).toBeLessThan(20);
    expect(compact.stdout).toMatch(/schema-property-removed .*optional property 'allocation_nodes', 'array', .*'working_directory' removed {2}\[\d+ changes\]/);
  });
});
