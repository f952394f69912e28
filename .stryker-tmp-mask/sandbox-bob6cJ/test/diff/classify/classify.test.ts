// @ts-nocheck
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExitCode, SpecdriftError } from '../../../src/errors.js';
import {
  classify,
  EMPTY_POLICY,
  FAIL_ON_VALUES,
  loadPolicy,
  parseAcceptLine,
  shouldFail,
  summarize,
  unusedAcceptEntries,
  type FailOn,
} from '../../../src/diff/classify/index.js';
import type { Change, DiffReport, Level } from '../../../src/diff/model.js';
import { SAMPLE_RULES, sampleReport } from '../formats/sample-report.js';

const TODAY = new Date('2026-06-01T12:00:00Z');
const policy = (options: Parameters<typeof loadPolicy>[0]) => loadPolicy({ today: TODAY, ...options });
const levelOf = (report: DiffReport, id: string) => report.changes.find((change) => change.id === id)?.level;

async function rejection(promise: Promise<unknown>): Promise<SpecdriftError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SpecdriftError);
  return error as SpecdriftError;
}

/** The sample report as the engine would hand it over: nothing accepted yet. */
function unclassified(): DiffReport {
  const report = sampleReport();
  const changes = report.changes.map(({ accepted: _accepted, ...change }) => change);
  return { ...report, changes, summary: summarize(changes), warnings: undefined };
}

describe('severity overrides', () => {
  it('sets levels by exact rule id and by glob, and recomputes the summary', async () => {
    const report = classify(unclassified(), await policy({ severity: ['response-enum-value-added=breaking', 'schema-*=warning'] }));
    expect(levelOf(report, 'response-enum-value-added')).toBe('breaking');
    expect(levelOf(report, 'schema-removed')).toBe('warning');
    expect(levelOf(report, 'schema-renamed')).toBe('warning');
    expect(report.summary).toEqual({ breaking: 4, warning: 4, info: 3, accepted: 0, total: 11 });
  });

  it('lets an exact id beat a glob in any order, and the command line beat the config', async () => {
    const exactFirst = await policy({ severity: ['response-enum-value-added=info', 'response-*=breaking'] });
    expect(levelOf(classify(unclassified(), exactFirst), 'response-enum-value-added')).toBe('info');
    expect(levelOf(classify(unclassified(), exactFirst), 'response-property-removed')).toBe('breaking');
    const cliOverConfig = await policy({ severity: ['endpoint-added=warning'], config: { severity: { 'endpoint-added': 'breaking' } } });
    expect(levelOf(classify(unclassified(), cliOverConfig), 'endpoint-added')).toBe('warning');
  });

  it('drops a rule set to off', async () => {
    const report = classify(unclassified(), await policy({ severity: ['response-description-changed=off'], config: { severity: { 'schema-*': 'off' } } }));
    expect(report.changes.map((change) => change.id)).not.toContain('response-description-changed');
    expect(report.changes.some((change) => change.id.startsWith('schema-'))).toBe(false);
    expect(report.summary.total).toBe(7);
  });

  it('rejects unknown levels: usage error on the command line, config error in the config file', async () => {
    const cli = await rejection(policy({ severity: ['endpoint-added=fatal'] }));
    expect(cli.exitCode).toBe(ExitCode.usage);
    expect(cli.message).toContain("unknown severity level 'fatal'");
    expect((await rejection(policy({ severity: ['endpoint-added'] }))).exitCode).toBe(ExitCode.usage);
    const config = await rejection(policy({ config: { severity: { 'endpoint-added': 'loud' } }, configName: 'specdrift.json' }));
    expect(config.exitCode).toBe(ExitCode.config);
    expect(config.message).toBe(`specdrift.json: severity."endpoint-added": unknown severity level 'loud'`);
  });

  it('warns about overrides that match no known rule', async () => {
    const loaded = await policy({ severity: ['endpoint-addded=off', 'response-*=warning'], rules: SAMPLE_RULES });
    expect(loaded.warnings).toEqual(["--severity: 'endpoint-addded' matches no known rule (see `specdrift rules`)"]);
  });
});

describe('accept-lists', () => {
  async function acceptFile(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'specdrift-accept-'));
    const file = join(dir, name);
    await writeFile(file, text);
    return file;
  }

  it('marks matching changes accepted, keeps them in the report, and excludes them from --fail-on', async () => {
    const file = await acceptFile(
      'accept.yaml',
      [
        'accept:',
        '  - rule: response-property-removed',
        '    path: /slurm/*/jobs',
        '    method: GET',
        '    reason: moved to job_resources.allocated_nodes (SLURM-99)',
        '  - "request-parameter-removed /slurm/*/jobs GET reason: use the since filter"',
        '  - fingerprint: 16af7f9082293e1c',
        '    reason: script is required since 24.11',
      ].join('\n'),
    );
    const report = classify(unclassified(), await policy({ acceptFiles: [file] }));
    const accepted = report.changes.filter((change) => change.accepted);
    expect(accepted.map((change) => [change.id, change.accepted])).toEqual([
      ['response-property-removed', { reason: 'moved to job_resources.allocated_nodes (SLURM-99)', entry: `${file}:2 response-property-removed /slurm/*/jobs GET` }],
      ['request-parameter-removed', { reason: 'use the since filter', entry: `${file}:6 request-parameter-removed /slurm/*/jobs GET` }],
      ['request-property-required-added', { reason: 'script is required since 24.11', entry: `${file}:7 16af7f9082293e1c` }],
    ]);
    expect(report.summary).toEqual({ breaking: 0, warning: 2, info: 6, accepted: 3, total: 11 });
    expect(shouldFail(report, 'breaking')).toBe(false);
    expect(shouldFail(report, 'warning')).toBe(true);
  });

  it('ignores expired entries and says so in report.warnings', async () => {
    const file = await acceptFile('accept.txt', 'response-property-removed reason: temporary expires: 2026-06-01\nendpoint-added reason: fine expires: 2026-06-02\n');
    const loaded = await policy({ acceptFiles: [file] });
    expect(loaded.expired.map((entry) => entry.origin)).toEqual([`${file}:1`]);
    const report = classify(unclassified(), loaded);
    expect(report.changes.find((change) => change.id === 'response-property-removed')?.accepted).toBeUndefined();
    expect(report.changes.find((change) => change.id === 'endpoint-added')?.accepted?.reason).toBe('fine');
    expect(report.warnings).toEqual([
      `${file}:1: accept-list entry 'response-property-removed' expired on 2026-06-01 and no longer applies; renew its date or remove it`,
    ]);
  });

  it('reads accept files named in the config relative to its directory, and lists entries that accepted nothing', async () => {
    const file = await acceptFile('specdrift-accept.txt', 'endpoint-added reason: fine\nendpoint-removed reason: not in this diff\n');
    const loaded = await policy({ config: { accept: ['specdrift-accept.txt'] }, configName: 'specdrift.config.json', configDir: dirname(file) });
    const report = classify(unclassified(), loaded);
    expect(report.summary.accepted).toBe(1);
    expect(unusedAcceptEntries(report, loaded).map((entry) => entry.origin)).toEqual([`${file}:2`]);
  });

  it('applies accept-lists after severity overrides (an entry can accept a change whatever its new level)', async () => {
    const file = await acceptFile('accept.txt', 'endpoint-added reason: new endpoints are fine\n');
    const loaded = await policy({ severity: ['endpoint-added=breaking'], acceptFiles: [file] });
    const change = classify(unclassified(), loaded).changes.find((candidate) => candidate.id === 'endpoint-added')!;
    expect([change.level, change.accepted?.reason]).toEqual(['breaking', 'new endpoints are fine']);
  });

  it('reports a missing accept file as a config error', async () => {
    const error = await rejection(policy({ acceptFiles: ['/nonexistent/accept.yaml'] }));
    expect(error.exitCode).toBe(ExitCode.config);
    expect(error.message).toBe("cannot read accept-list '/nonexistent/accept.yaml': no such file");
  });
});

describe('filters', () => {
  it('keeps or drops changes by rule glob', async () => {
    const included = classify(unclassified(), await policy({ includeRules: ['schema-*', 'endpoint-*'] }));
    expect(included.changes.map((change) => change.id)).toEqual(['endpoint-added', 'schema-removed', 'schema-renamed', 'schema-property-added']);
    const excluded = classify(unclassified(), await policy({ config: { excludeRules: ['schema-*'] } }));
    expect(excluded.changes.some((change) => change.id.startsWith('schema-'))).toBe(false);
  });

  it('narrows operations by path glob and drops changes left with none', async () => {
    const report = classify(unclassified(), await policy({ excludePaths: ['/slurm/*/job/*'] }));
    const enumAdded = report.changes.find((change) => change.id === 'response-enum-value-added')!;
    expect(enumAdded.operations.map((operation) => operation.path)).toEqual(['/slurm/{v}/jobs']);
    expect(report.changes.map((change) => change.id)).not.toContain('operation-deprecated');
    expect(report.changes.map((change) => change.id)).toContain('schema-removed'); // affects no operation: judged by location
    const only = classify(unclassified(), await policy({ includePaths: ['/slurm/*/jobs', '#/servers/**'] }));
    expect(only.changes.map((change) => change.id)).toEqual([
      'response-property-removed',
      'request-parameter-removed',
      'response-enum-value-added',
      'schema-property-added',
      'server-url-changed',
    ]);
  });

  it('drops changes by location glob', async () => {
    const report = classify(unclassified(), await policy({ excludePaths: ['#/components/schemas/job_s*'] }));
    expect(report.changes.map((change) => change.id)).not.toContain('response-enum-value-added');
    expect(report.changes.map((change) => change.id)).toContain('schema-removed');
  });

  it('rejects a filter list that is not strings', async () => {
    expect((await rejection(policy({ config: { includePaths: '/slurm/**' } }))).exitCode).toBe(ExitCode.config);
    expect((await rejection(policy({ config: { accept: 'accept.yaml' } }))).exitCode).toBe(ExitCode.config);
  });
});

describe('shouldFail', () => {
  const withLevels = (levels: Level[], acceptedIndex = -1): DiffReport => {
    const changes = levels.map(
      (level, index): Change => ({
        ...unclassified().changes[0],
        level,
        fingerprint: index.toString(16).padStart(16, '0'),
        ...(index === acceptedIndex ? { accepted: { reason: 'r', entry: 'e' } } : {}),
      }),
    );
    return { ...unclassified(), changes, summary: summarize(changes) };
  };

  it('fails at or above the threshold, never on accepted changes, never for none', () => {
    const report = withLevels(['warning', 'info']);
    expect(FAIL_ON_VALUES.map((failOn) => [failOn, shouldFail(report, failOn)])).toEqual([
      ['breaking', false],
      ['warning', true],
      ['info', true],
      ['any', true],
      ['none', false],
    ]);
    expect(shouldFail(withLevels(['breaking'], 0), 'any')).toBe(false);
    expect(shouldFail(withLevels([]), 'any')).toBe(false);
  });
});

describe('classify invariants (property-based)', () => {
  const levelArb = fc.constantFrom<Level>('breaking', 'warning', 'info');
  const overrideArb = fc.tuple(
    fc.constantFrom('response-*', 'schema-*', '*', 'endpoint-added', 'response-enum-value-added', 'request-*'),
    fc.constantFrom('breaking', 'warning', 'info', 'off'),
  );
  const reportArb = fc.array(levelArb, { maxLength: 11 }).map((levels) => {
    const base = unclassified();
    const changes = levels.map((level, index) => ({ ...base.changes[index % base.changes.length], level }));
    return { ...base, changes, summary: summarize(changes) };
  });
  const entryArb = fc.constantFrom(
    'response-* reason: r',
    'schema-removed #/components/** reason: r',
    'request-parameter-removed /slurm/** GET reason: r',
    '2169424857218ace reason: r',
    'endpoint-added * POST reason: r',
  );

  it('summary partitions the changes; classify is idempotent and pure; failing is monotone in the threshold', async () => {
    await fc.assert(
      fc.asyncProperty(reportArb, fc.array(overrideArb, { maxLength: 4 }), fc.array(entryArb, { maxLength: 3 }), async (report, overrides, entries) => {
        const base = await policy({ severity: overrides.map(([rule, level]) => `${rule}=${level}`) });
        const loaded = { ...base, accept: entries.map((line, index) => parseAcceptLine(line, `accept.txt:${index + 1}`)) };
        const before = structuredClone(report);
        const once = classify(report, loaded);
        expect(report).toEqual(before);
        expect(classify(once, loaded)).toEqual(once);
        const { breaking, warning, info, accepted, total } = once.summary;
        expect(breaking + warning + info + accepted).toBe(total);
        expect(total).toBe(once.changes.length);
        expect(once.changes.length).toBeLessThanOrEqual(report.changes.length);
        const fails = (failOn: FailOn) => shouldFail(once, failOn);
        if (fails('breaking')) expect(fails('warning')).toBe(true);
        if (fails('warning')) expect(fails('info')).toBe(true);
        expect(fails('info')).toBe(breaking + warning + info > 0);
        expect(fails('none')).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('the empty policy changes nothing but the summary', () => {
    fc.assert(
      fc.property(reportArb, (report) => {
        const out = classify(report, EMPTY_POLICY);
        expect(out.changes).toEqual(report.changes);
        expect(out.summary).toEqual(summarize(report.changes));
      }),
    );
  });
});
