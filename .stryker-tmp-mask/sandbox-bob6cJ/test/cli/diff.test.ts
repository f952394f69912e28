// @ts-nocheck
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAsync, cliIn } from '../helpers/cli.js';

const V40 = 'fixtures/slurm-like/v0.0.40.json';
const V41 = 'fixtures/slurm-like/v0.0.41.json';

describe('diff from the command line (fixtures)', () => {
  it('oasdiff v40 v41 works out of the box: masked, grouped per operation, with a summary', async () => {
    const result = await cliAsync(['v40', 'v41'], { bin: 'oasdiff' });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('masking v0.0.41 → v0.0.40');
    // Masked to compare, shown in each version's own names: what v0.0.41 has by its v0.0.41 name, the removed by its old one.
    expect(result.stdout.split('\n')[0]).toBe('Slurm REST API v0.0.40 → v0.0.41');
    expect(result.stdout).toMatch(/^POST \/slurm\/v0\.0\.41\/job\/allocate  slurm_v0041_post_job_allocate$/m);
    expect(result.stdout).toMatch(/breaking\s+request-property-required-added .*current_working_directory/);
    expect(result.stdout).toMatch(/breaking\s+endpoint-removed\s+GET \/slurmdb\/v0\.0\.40\/diag removed/);
    expect(result.stdout).toMatch(/info\s+component-schema-renamed .*'v0\.0\.40_stats_msg' renamed to 'v0\.0\.41_stats_rpc'/);
    // Inlining and operationId renames are not changes.
    expect(result.stdout).not.toMatch(/operation-id|v0\.0\.40_job_info.*removed/);
    // The counts README.md promises for this very command (its "What you get" block), written here by hand.
    expect(result.stdout.trim().split('\n').at(-1)).toBe('6 breaking, 3 warnings, 5 info');
    expect(readFileSync('README.md', 'utf8')).toContain('$ npx oasdiff v40 v41\n');
    expect(readFileSync('README.md', 'utf8')).toMatch(/\n6 breaking, 3 warnings, 5 info\n```/);
  });

  it('diff v40 v41 reports exactly the changes planted in the Slurm-like fixtures, with README\'s 6/3/5', async () => {
    // (Through `specdrift`: the `oasdiff` link resolves through node_modules, which in a worktree is another checkout's.)
    expect((await cliIn(['diff', 'v40', 'v41'])).stdout.trim().split('\n').at(-1)).toBe('6 breaking, 3 warnings, 5 info');
    const report = JSON.parse((await cliIn(['diff', 'v40', 'v41', '-f', 'json'])).stdout);
    expect(report.summary).toMatchObject({ breaking: 6, warning: 3, info: 5, total: 14 });
    const rows = report.changes.map((c: { level: string; id: string; location: string }) => `${c.level} ${c.id} ${c.location}`).sort();
    // Locations name each thing as the version it exists in does: v0.0.41 for what v0.0.41 has; v0.0.40 for the
    // removed endpoint and for job_state, which v0.0.41 no longer has as a named schema (it is inlined there).
    const S = '#/components/schemas/v0.0.41_';
    expect(rows).toEqual(
      [
        `info request-property-added ${S}job_desc_msg`,
        `breaking request-property-required-added ${S}job_desc_msg`,
        `info request-enum-value-added ${S}job_desc_msg/properties/mail_type/items`,
        'warning response-enum-value-added #/components/schemas/v0.0.40_job_state/items',
        'warning response-enum-value-added #/components/schemas/v0.0.40_job_state/items',
        `breaking response-nullable-set ${S}openapi_accounts_resp/properties/accounts/items/properties/organization`,
        `info response-property-added ${S}openapi_job_info_resp/properties/jobs/items`,
        `breaking response-property-removed ${S}openapi_job_info_resp/properties/jobs/items`,
        `breaking response-type-changed ${S}openapi_job_info_resp/properties/jobs/items/properties/priority`,
        `warning response-format-changed ${S}openapi_nodes_resp/properties/nodes/items/properties/real_memory`,
        'breaking request-parameter-type-narrowed #/paths/~1slurm~1v0.0.41~1jobs/get/parameters/0/schema',
        'breaking endpoint-removed GET /slurmdb/v0.0.40/diag',
        'info endpoint-added POST /slurm/v0.0.41/job/allocate',
        `info component-schema-renamed ${S}stats_rpc`,
      ].sort(),
    );
  });

  it('a spec against itself, and inlined against prefer_refs, has no changes', async () => {
    expect((await cliIn(['diff', V41, V41])).stdout).toContain('no changes');
    const prefer = await cliIn(['diff', V41, 'fixtures/slurm-like/v0.0.41+prefer_refs.json', '--fail-on', 'info']);
    expect(prefer.code).toBe(0);
    expect(prefer.stdout).toContain('no changes');
  });

  it('--fail-on gates the exit code; breaking shows only breaking changes and fails by default', async () => {
    expect((await cliIn(['diff', V40, V41, '--fail-on', 'breaking'])).code).toBe(1);
    expect((await cliIn(['diff', V40, V41, '--fail-on', 'none'])).code).toBe(0);
    const breaking = await cliIn(['breaking', V40, V41]);
    expect(breaking.code).toBe(1);
    expect(breaking.stdout).not.toMatch(/ (warning|info) /);
    expect(breaking.stdout).toMatch(/\d+ breaking, 0 warnings, 0 info/);
  });

  it('an accept-list entry with a reason keeps the change but stops it failing the gate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-accept-'));
    const accept = join(dir, 'accept.yaml');
    writeFileSync(
      accept,
      ['- rule: "*"', '  reason: "v0.0.41 is a new plugin version: clients opt in explicitly"'].join('\n'),
    );
    const result = await cliIn(['breaking', V40, V41, '--accept', accept]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/0 breaking.*\(\d+ accepted\)/);
  });

  it('every format renders; json is the canonical report', async () => {
    const json = JSON.parse((await cliIn(['diff', V40, V41, '-f', 'json'])).stdout);
    expect(json.reportVersion).toBe(1);
    expect(json.mask).toEqual({ from: 'v0.0.41', to: 'v0.0.40' });
    const ids = json.changes.map((c: { id: string }) => c.id);
    expect(ids).toContain('endpoint-added');
    for (const format of ['yaml', 'markdown', 'html', 'junit', 'sarif', 'github', 'singleline']) {
      const out = await cliIn(['diff', V40, V41, '-f', format]);
      expect(out.code, format).toBe(0);
      for (const c of json.changes) expect(out.stdout, `${format} lacks ${c.fingerprint}`).toContain(c.fingerprint);
    }
    const md = (await cliIn(['changelog', V40, V41])).stdout;
    expect(md).toMatch(/^#+ .*Breaking/m);
  });

  it('writes -o atomically and supports the structural jsonpatch view', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-out-'));
    expect((await cliIn(['diff', V40, V41, '-f', 'sarif', '-o', join(dir, 'r.sarif')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    const patch = JSON.parse((await cliIn(['diff', V40, V41, '--mode', 'structural', '-f', 'jsonpatch'])).stdout);
    expect(patch.length).toBeGreaterThan(50);
    expect(patch[0]).toHaveProperty('op');
    expect((await cliIn(['diff', V40, V41, '-f', 'jsonpatch'])).code).toBe(2);
  });

  it('--select compares one schema; a bad path names the missing segment', async () => {
    const one = await cliIn(['diff', V40, V41, '--select', '.components.schemas."v0.0.40_job_desc_msg"']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/current_working_directory/);
    expect(one.stdout).not.toMatch(/endpoint-/);
    const bad = await cliIn(['diff', V40, V41, '--select', '.components.schemas."v0.0.40_nope".properties']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no "v0\.0\.40_nope" at #\/components\/schemas/);
  });

  it('--select on an operation reports exactly what that operation reaches', async () => {
    // By hand, from the fixtures: GET /slurm/v0.0.40/jobs takes update_time (string → integer) and answers
    // openapi_job_info_resp, whose jobs items lose 'nice', gain 'stdout_expanded', turn priority into an object
    // and whose job_state gains two enum values. Nothing else in the two specs is reachable from it.
    const report = JSON.parse((await cliIn(['diff', V40, V41, '--select', '.paths["/slurm/v0.0.40/jobs"].get', '-f', 'json'])).stdout);
    const S = '#/components/schemas/v0.0.41_';
    expect(report.changes.map((c: { level: string; id: string; location: string; message: string }) => [c.level, c.id, c.location, c.message])).toEqual([
      ['warning', 'response-enum-value-added', '#/components/schemas/v0.0.40_job_state/items', 'enum value "POWER_UP_NODE" added'],
      ['warning', 'response-enum-value-added', '#/components/schemas/v0.0.40_job_state/items', 'enum value "RESV_DEL_HOLD" added'],
      ['info', 'response-property-added', `${S}openapi_job_info_resp/properties/jobs/items`, "optional property 'stdout_expanded' added"],
      ['breaking', 'response-property-removed', `${S}openapi_job_info_resp/properties/jobs/items`, "optional property 'nice' removed"],
      ['breaking', 'response-type-changed', `${S}openapi_job_info_resp/properties/jobs/items/properties/priority`, 'type changed from integer to object'],
      ['breaking', 'request-parameter-type-narrowed', '#/paths/~1slurm~1v0.0.41~1jobs/get/parameters/0/schema', 'type narrowed from string to integer (as text on the wire)'],
    ]);
    const op = await cliIn(['diff', V40, V41, '--select', '.paths["/slurm/v0.0.40/jobs"].get']);
    // update_time string → integer: fewer strings accepted on the wire (issue 8 item 7).
    expect(op.stdout).toMatch(/request-parameter-type-narrowed/);
    expect(op.stdout).not.toMatch(/job\/submit|endpoint-removed|Components|component-schema/);
    expect(op.stdout.trim().split('\n').at(-1)).toBe('3 breaking, 2 warnings, 1 info');
    // The new spec's own names work too (v0.0.41 → masked v0.0.40).
    const own = await cliIn(['diff', V40, V41, '--select-old', '.paths["/slurm/v0.0.40/jobs"].get', '--select-new', '.paths["/slurm/v0.0.41/jobs"].get']);
    expect(own.stdout.trim().split('\n').at(-1)).toBe('3 breaking, 2 warnings, 1 info');
  });
});

describe('diff of a spec split over several files (fixtures/multi-file: only referenced files differ)', () => {
  it('sees the changes in the referenced files, located in them', async () => {
    const result = await cliIn(['diff', 'fixtures/multi-file/old/api.yaml', 'fixtures/multi-file/new/api.yaml', '-f', 'json']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);
    const rows = report.changes.map((c: { level: string; id: string; location: string; message: string; operations: { method: string }[] }) => [
      c.level, c.id, c.location, c.message, c.operations.map((o) => o.method).join(' '),
    ]);
    // By hand: common.yaml makes NewPet.tag required; schemas/pet.yaml drops tag; schemas/owner.json turns id into a string.
    expect(rows).toEqual([
      ['breaking', 'request-property-required-added', 'common.yaml#/components/schemas/NewPet', "property 'tag' became required", 'POST'],
      ['breaking', 'response-property-removed', 'schemas/pet.yaml', "optional property 'tag' removed", 'GET POST'],
      ['breaking', 'response-type-changed', 'schemas/owner.json#/properties/id', 'type changed from integer to string', 'GET POST'],
    ]);
    expect((await cliIn(['diff', 'fixtures/multi-file/old/api.yaml', 'fixtures/multi-file/old/api.yaml'])).stdout).toContain('no changes');
    expect((await cliIn(['validate', 'fixtures/multi-file/new/api.yaml'])).code).toBe(0);
  });

  it('a ref that cannot be followed is one line naming the ref and the file, exit 3 — never "no changes"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-multi-'));
    cpSync('fixtures/multi-file/new', dir, { recursive: true });
    writeFileSync(join(dir, 'api.yaml'), readFileSync('fixtures/multi-file/new/api.yaml', 'utf8').replace("'common.yaml#/components/schemas/NewPet'", "'missing.yaml#/NewPet'"));
    const result = await cliIn(['diff', join(dir, 'api.yaml'), join(dir, 'api.yaml')]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`specdrift: ${join(dir, 'api.yaml')}: cannot follow $ref 'missing.yaml#/NewPet': missing.yaml does not exist\n`);
    const piped = await cliAsync(['diff', '-', 'fixtures/multi-file/new/api.yaml'], { input: readFileSync('fixtures/multi-file/new/api.yaml', 'utf8') });
    expect(piped.code).toBe(3);
    expect(piped.stderr).toMatch(/^specdrift: <stdin>: \$ref '\.\/schemas\/pet\.yaml' at #\/paths\/.* refers to another file; specdrift follows those only for specs read from files on disk — /);
  });
});

// issue 8 item 8: the deprecation policy from the command line and the config file.
describe('diff --deprecation-days / --deprecated-since (fixtures/deprecation)', () => {
  const OLD = 'fixtures/deprecation/old.yaml';
  const NEW = 'fixtures/deprecation/new.yaml';
  const idOf = (stdout: string, location: string) =>
    (JSON.parse(stdout).changes as { id: string; location: string }[]).filter((c) => c.location === location).map((c) => c.id);

  it('a grace period that is over (or not) decides the removal of what has no x-sunset', async () => {
    const over = await cliIn(['diff', OLD, NEW, '-f', 'json', '--deprecation-days', '30', '--deprecated-since', '2000-01-01']);
    expect(over.code).toBe(0);
    expect(idOf(over.stdout, 'GET /pets/{id}')).toEqual(['endpoint-removed-deprecated']);
    const ahead = await cliIn(['diff', OLD, NEW, '-f', 'json', '--deprecation-days', '30', '--deprecated-since', '2999-01-01T00:00:00Z']);
    expect(idOf(ahead.stdout, 'GET /pets/{id}')).toEqual(['endpoint-removed-before-sunset']);
    // No policy: deprecated is enough.
    expect(idOf((await cliIn(['diff', OLD, NEW, '-f', 'json'])).stdout, 'GET /pets/{id}')).toEqual(['endpoint-removed-deprecated']);
  });

  it('the config file gives the same policy; the command line wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-deprecation-'));
    const config = join(dir, 'specdrift.config.yaml');
    writeFileSync(config, 'deprecationDays: 30\ndeprecatedSince: "2999-01-01"\n');
    const fromConfig = await cliIn(['diff', OLD, NEW, '-f', 'json', '--config', config]);
    expect(idOf(fromConfig.stdout, 'GET /pets/{id}')).toEqual(['endpoint-removed-before-sunset']);
    const overridden = await cliIn(['diff', OLD, NEW, '-f', 'json', '--config', config, '--deprecated-since', '2000-01-01']);
    expect(idOf(overridden.stdout, 'GET /pets/{id}')).toEqual(['endpoint-removed-deprecated']);
    writeFileSync(config, 'deprecatedSince: "last spring"\n');
    const bad = await cliIn(['diff', OLD, NEW, '--config', config]);
    expect(bad.code).toBe(9);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/bad deprecatedSince "last spring" — give an RFC 3339 date/);
  });

  it('bad values are one error line with exit 2', async () => {
    for (const [flag, value, message] of [
      ['--deprecation-days', 'ninety', /^specdrift: bad --deprecation-days "ninety" — give a whole number of days ≥ 0/],
      ['--deprecation-days', '-5', /^specdrift: bad --deprecation-days "-5"/],
      ['--deprecated-since', '2025-02-30', /^specdrift: bad --deprecated-since "2025-02-30" — give an RFC 3339 date \(2025-06-30\)/],
    ] as const) {
      const result = await cliIn(['diff', OLD, NEW, flag, value]);
      expect(result.code, `${flag} ${value}`).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr.trim()).toMatch(message);
    }
  });

  it('--help documents both flags', async () => {
    const help = (await cliIn(['diff', '--help'])).stdout;
    expect(help).toContain('--deprecation-days');
    expect(help).toContain('--deprecated-since');
  });
});
