// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ExitCode, SpecdriftError } from '../../../src/errors.js';
import { compileAcceptEntry, parseAcceptLine, parseAcceptList } from '../../../src/diff/classify/index.js';
import { SAMPLE_CHANGES } from '../formats/sample-report.js';

function configErrorOf(run: () => unknown): SpecdriftError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SpecdriftError);
    expect((error as SpecdriftError).exitCode).toBe(ExitCode.config);
    return error as SpecdriftError;
  }
  throw new Error('expected a SpecdriftError');
}

const byId = (id: string) => SAMPLE_CHANGES.find((change) => change.id === id)!;

describe('accept-list parsing', () => {
  it('reads YAML entries with their line numbers', () => {
    const yaml = [
      '# accepted changes for 24.11',
      'accept:',
      '  - rule: request-property-required-added',
      '    path: /slurm/*/job/submit',
      '    method: post',
      '    reason: "SLURM-1234: script is required"',
      '    expires: 2027-01-01',
      '  - fingerprint: 2169424857218ACE',
      '    reason: field moved to job_resources.allocated_nodes',
      '  - response-* /slurm/*/jobs GET reason: enum growth is fine',
    ].join('\n');
    const entries = parseAcceptList(yaml, 'accept.yaml');
    expect(entries).toEqual([
      {
        origin: 'accept.yaml:3',
        rule: 'request-property-required-added',
        path: '/slurm/*/job/submit',
        method: 'POST',
        reason: 'SLURM-1234: script is required',
        expires: '2027-01-01',
        selector: 'request-property-required-added /slurm/*/job/submit POST',
      },
      { origin: 'accept.yaml:8', fingerprint: '2169424857218ace', reason: 'field moved to job_resources.allocated_nodes', selector: '2169424857218ace' },
      { origin: 'accept.yaml:10', rule: 'response-*', path: '/slurm/*/jobs', method: 'GET', reason: 'enum growth is fine', selector: 'response-* /slurm/*/jobs GET' },
    ]);
  });

  it('reads a JSON list with line numbers', () => {
    const json = JSON.stringify([{ rule: 'schema-removed', reason: 'unused' }, { fingerprint: 'ba0e6591101288aa', reason: 'ok' }], null, 2);
    const entries = parseAcceptList(json, 'accept.json');
    expect(entries.map((entry) => entry.origin)).toEqual(['accept.json:2', 'accept.json:6']);
  });

  it('reads the line syntax, skipping comments and blank lines', () => {
    const text = [
      '# fingerprint, or RULE [PATH] [METHOD], then reason:',
      '',
      '2169424857218ace reason: moved, see SLURM-99',
      'request-property-required-added /slurm/*/job/submit POST reason: script required since 24.11 expires: 2027-01-01',
      'operation-deprecated DELETE reason: we keep it one more release',
      'schema-removed #/components/schemas/*_msg reason: unused schemas',
    ].join('\n');
    const entries = parseAcceptList(text, 'accept.txt');
    expect(entries.map((entry) => [entry.origin, entry.selector, entry.reason, entry.expires])).toEqual([
      ['accept.txt:3', '2169424857218ace', 'moved, see SLURM-99', undefined],
      ['accept.txt:4', 'request-property-required-added /slurm/*/job/submit POST', 'script required since 24.11', '2027-01-01'],
      ['accept.txt:5', 'operation-deprecated DELETE', 'we keep it one more release', undefined],
      ['accept.txt:6', 'schema-removed #/components/schemas/*_msg', 'unused schemas', undefined],
    ]);
  });

  it('sniffs YAML in a file without a YAML extension', () => {
    expect(parseAcceptList('- rule: x-y\n  reason: because\n', 'accepted-changes')).toHaveLength(1);
  });

  it('rejects an entry without a reason, naming file and line', () => {
    const error = configErrorOf(() => parseAcceptList('accept:\n  - rule: a\n    reason: ok\n  - rule: b\n    reason: ""\n', 'accept.yaml'));
    expect(error.message).toMatch(/^accept\.yaml:5: .*empty/);
    expect(configErrorOf(() => parseAcceptList('accept:\n  - rule: a\n', 'accept.yaml')).message).toMatch(/^accept\.yaml:2: .*no reason/);
    expect(configErrorOf(() => parseAcceptList('# c\nschema-removed /a GET\n', 'accept.txt')).message).toMatch(/^accept\.txt:2: .*no reason/);
    expect(configErrorOf(() => parseAcceptList('schema-removed reason:   \n', 'accept.txt')).message).toMatch(/^accept\.txt:1: .*no reason/);
  });

  it('rejects malformed files and bad fields with file:line', () => {
    expect(configErrorOf(() => parseAcceptList('accept:\n  - rule: a\n   reason: [unclosed\n', 'a.yaml')).message).toMatch(/^a\.yaml:\d+: malformed/);
    expect(configErrorOf(() => parseAcceptList('{"accept": [ {"rule": "a", } ]', 'a.json')).message).toMatch(/^a\.json:1: malformed/);
    expect(configErrorOf(() => parseAcceptList('- rule: a\n  reson: typo\n', 'a.yaml')).message).toBe("a.yaml:2: unknown key 'reson' in accept-list entry");
    expect(configErrorOf(() => parseAcceptList('- fingerprint: abc\n  reason: r\n', 'a.yaml')).message).toMatch(/^a\.yaml:1: .*16 hex/);
    expect(configErrorOf(() => parseAcceptList('- rule: a\n  reason: r\n  expires: 2027-02-30\n', 'a.yaml')).message).toMatch(/^a\.yaml:3: .*YYYY-MM-DD/);
    expect(configErrorOf(() => parseAcceptList('- rule: a\n  method: FETCH\n  reason: r\n', 'a.yaml')).message).toMatch(/^a\.yaml:2: unknown HTTP method/);
    expect(configErrorOf(() => parseAcceptList('- reason: r\n', 'a.yaml')).message).toMatch(/needs a fingerprint or a rule/);
    expect(configErrorOf(() => parseAcceptList('ignore:\n  - rule: a\n', 'a.yaml')).message).toMatch(/^a\.yaml:1: unknown top-level key 'ignore'/);
    expect(configErrorOf(() => parseAcceptList('a b c d reason: too many\n', 'a.txt')).message).toMatch(/^a\.txt:1: too many words/);
  });
});

describe('accept-list matching', () => {
  it('matches by fingerprint only', () => {
    const change = byId('response-property-removed');
    expect(compileAcceptEntry(parseAcceptLine(`${change.fingerprint} reason: r`, 'x:1'))(change)).toBe(true);
    expect(compileAcceptEntry(parseAcceptLine(`${change.fingerprint} reason: r`, 'x:1'))(byId('request-parameter-removed'))).toBe(false);
  });

  it('matches rule globs, path globs and methods against every affected operation', () => {
    const enumAdded = byId('response-enum-value-added'); // affects GET /slurm/{v}/jobs and GET /slurm/{v}/job/{job_id}
    const matches = (line: string) => compileAcceptEntry(parseAcceptLine(line, 'x:1'))(enumAdded);
    expect(matches('response-* reason: r')).toBe(true);
    expect(matches('response-enum-value-added /slurm/** GET reason: r')).toBe(true);
    expect(matches('response-enum-value-added /slurm/*/jobs reason: r')).toBe(false); // one operation is not covered
    expect(matches('response-enum-value-added /slurm/** POST reason: r')).toBe(false);
    expect(matches('response-enum-value-added #/components/schemas/job_* reason: r')).toBe(true);
    expect(matches('request-* reason: r')).toBe(false);
  });

  it('matches changes without operations by location', () => {
    const schemaRemoved = byId('schema-removed');
    const matches = (line: string) => compileAcceptEntry(parseAcceptLine(line, 'x:1'))(schemaRemoved);
    expect(matches('schema-removed #/components/schemas/*_msg reason: r')).toBe(true);
    expect(matches('schema-removed /slurm/** reason: r')).toBe(false);
    expect(matches('schema-removed * GET reason: r')).toBe(false);
  });

  it('matches path templates with braces literally', () => {
    const deprecated = byId('operation-deprecated');
    expect(compileAcceptEntry(parseAcceptLine('operation-deprecated /slurm/{v}/job/{job_id} DELETE reason: r', 'x:1'))(deprecated)).toBe(true);
  });
});
