import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

const V40 = 'fixtures/slurm-like/v0.0.40.json';
const V41 = 'fixtures/slurm-like/v0.0.41.json';

describe('diff from the command line (fixtures)', () => {
  it('oasdiff v40 v41 works out of the box: masked, grouped per operation, with a summary', () => {
    const result = cli(['v40', 'v41'], { bin: 'oasdiff' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('masking v0.0.41 → v0.0.40');
    expect(result.stdout).toMatch(/^POST \/slurm\/v0\.0\.40\/job\/allocate/m);
    expect(result.stdout).toMatch(/breaking\s+request-property-required-added .*current_working_directory/);
    expect(result.stdout).toMatch(/breaking\s+endpoint-removed\s+GET \/slurmdb\/v0\.0\.40\/diag removed/);
    expect(result.stdout).toMatch(/info\s+component-schema-renamed .*'v0\.0\.40_stats_msg' renamed to 'v0\.0\.40_stats_rpc'/);
    // Inlining and operationId renames are not changes.
    expect(result.stdout).not.toMatch(/operation-id|v0\.0\.40_job_info.*removed/);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ breaking, \d+ warnings?, \d+ info$/);
  });

  it('a spec against itself, and inlined against prefer_refs, has no changes', () => {
    expect(cli(['diff', V41, V41]).stdout).toContain('no changes');
    const prefer = cli(['diff', V41, 'fixtures/slurm-like/v0.0.41+prefer_refs.json', '--fail-on', 'info']);
    expect(prefer.code).toBe(0);
    expect(prefer.stdout).toContain('no changes');
  });

  it('--fail-on gates the exit code; breaking shows only breaking changes and fails by default', () => {
    expect(cli(['diff', V40, V41, '--fail-on', 'breaking']).code).toBe(1);
    expect(cli(['diff', V40, V41, '--fail-on', 'none']).code).toBe(0);
    const breaking = cli(['breaking', V40, V41]);
    expect(breaking.code).toBe(1);
    expect(breaking.stdout).not.toMatch(/ (warning|info) /);
    expect(breaking.stdout).toMatch(/\d+ breaking, 0 warnings, 0 info/);
  });

  it('an accept-list entry with a reason keeps the change but stops it failing the gate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-accept-'));
    const accept = join(dir, 'accept.yaml');
    writeFileSync(
      accept,
      ['- rule: "*"', '  reason: "v0.0.41 is a new plugin version: clients opt in explicitly"'].join('\n'),
    );
    const result = cli(['breaking', V40, V41, '--accept', accept]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 breaking.*\(\d+ accepted\)/);
  });

  it('every format renders; json is the canonical report', () => {
    const json = JSON.parse(cli(['diff', V40, V41, '-f', 'json']).stdout);
    expect(json.reportVersion).toBe(1);
    expect(json.mask).toEqual({ from: 'v0.0.41', to: 'v0.0.40' });
    const ids = json.changes.map((c: { id: string }) => c.id);
    expect(ids).toContain('endpoint-added');
    for (const format of ['yaml', 'markdown', 'html', 'junit', 'sarif', 'github', 'singleline']) {
      const out = cli(['diff', V40, V41, '-f', format]);
      expect(out.code, format).toBe(0);
      for (const c of json.changes) expect(out.stdout, `${format} lacks ${c.fingerprint}`).toContain(c.fingerprint);
    }
    const md = cli(['changelog', V40, V41]).stdout;
    expect(md).toMatch(/^#+ .*Breaking/m);
  });

  it('writes -o atomically and supports the structural jsonpatch view', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-out-'));
    expect(cli(['diff', V40, V41, '-f', 'sarif', '-o', join(dir, 'r.sarif')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    const patch = JSON.parse(cli(['diff', V40, V41, '--mode', 'structural', '-f', 'jsonpatch']).stdout);
    expect(patch.length).toBeGreaterThan(50);
    expect(patch[0]).toHaveProperty('op');
    expect(cli(['diff', V40, V41, '-f', 'jsonpatch']).code).toBe(2);
  });

  it('--select compares one schema; a bad path names the missing segment', () => {
    const one = cli(['diff', V40, V41, '--select', '.components.schemas."v0.0.40_job_desc_msg"']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/current_working_directory/);
    expect(one.stdout).not.toMatch(/endpoint-/);
    const bad = cli(['diff', V40, V41, '--select', '.components.schemas."v0.0.40_nope".properties']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no "v0\.0\.40_nope" at #\/components\/schemas/);
  });

  it('--select on an operation narrows the diff to it', () => {
    const op = cli(['diff', V40, V41, '--select', '.paths["/slurm/v0.0.40/jobs"].get']);
    expect(op.stdout).toMatch(/request-parameter-type-changed/);
    expect(op.stdout).not.toMatch(/job\/submit|endpoint-removed/);
  });
});

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
    expect(result.stdout).toMatch(/^POST \/slurm\/v0\.0\.40\/job\/allocate/m);
    // Verified by hand in both documents: job_desc_msg gains segment_size and loses cores_per_socket;
    // job_resources loses allocated_nodes and turns nodes into an object.
    expect(result.stdout).toMatch(/request-property-added .*v0\.0\.40_job_desc_msg: optional property 'segment_size' added/);
    expect(result.stdout).toMatch(/request-property-removed .*v0\.0\.40_job_desc_msg: optional property 'cores_per_socket' removed/);
    expect(result.stdout).toMatch(/response-property-removed .*job_resources: optional property 'allocated_nodes' removed/);
    expect(result.stdout).toMatch(/response-type-changed .*job_resources\/properties\/nodes: type changed from string to object/);
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
    expect(report.select).toEqual({ old: '#/components/schemas/v0.0.40_job', new: '#/components/schemas/v0.0.40_openapi_job_info_resp/properties/jobs/items' });
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
