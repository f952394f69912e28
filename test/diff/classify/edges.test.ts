/**
 * Edges of the CI gate's policy that the Stryker run on src/diff/classify (docs/testing.md) showed no test looked
 * at: severity arguments and sections, glob semantics, several uses of one finding, --fail-on thresholds.
 * Every expectation is written by hand from the documented behaviour (docs/diff.md, docs/policy).
 */
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/errors.js';
import {
  classify,
  compileGlob,
  EMPTY_POLICY,
  parseAcceptLine,
  parseAcceptList,
  parseSeverityArg,
  parseSeveritySection,
  resolveSeverity,
  shouldFail,
} from '../../../src/diff/classify/index.js';
import { failsOn } from '../../../src/diff/classify/classify.js';
import { isGlob } from '../../../src/diff/classify/glob.js';
import type { Change, DiffReport, Level } from '../../../src/diff/model.js';
import { thrown } from '../../helpers/errors.js';
import { sampleReport } from '../formats/sample-report.js';

const LEVEL_HINT = 'use one of breaking, warning, info, off';

describe('--severity arguments', () => {
  it('reads RULE=LEVEL: the last "=" splits, both sides trimmed, the level in any case', () => {
    expect(parseSeverityArg('response-*=Warning ')).toMatchObject({ pattern: 'response-*', level: 'warning', origin: '--severity', exact: false });
    expect(parseSeverityArg(' rule-x =off')).toMatchObject({ pattern: 'rule-x', level: 'off', exact: true });
    expect(parseSeverityArg('a=b=INFO')).toMatchObject({ pattern: 'a=b', level: 'info' });
  });

  it('refuses a missing rule or "=" with a usage error and an example', () => {
    for (const arg of ['=info', 'noequals', '   =info']) {
      const e = thrown(() => parseSeverityArg(arg));
      expect(e.exitCode, arg).toBe(ExitCode.usage);
      expect(e.message).toBe(`--severity '${arg}': expected RULE=LEVEL`);
      expect(e.hint).toBe('e.g. --severity response-enum-value-added=breaking or --severity "response-*=warning"');
    }
  });

  it('refuses an unknown level, naming where it was written and the levels there are', () => {
    const e = thrown(() => parseSeverityArg('x=loud'));
    expect([e.exitCode, e.message, e.hint]).toEqual([ExitCode.usage, "--severity 'x=loud': unknown severity level 'loud'", LEVEL_HINT]);
    expect(thrown(() => parseSeverityArg('x=loud', 'CFG')).message).toBe("CFG 'x=loud': unknown severity level 'loud'");
  });
});

describe('the config file severity section', () => {
  it('reads patterns to levels, each with its origin', () => {
    expect(parseSeveritySection(undefined, 'cfg.json')).toEqual([]);
    expect(parseSeveritySection(null, 'cfg.json')).toEqual([]);
    const parsed = parseSeveritySection({ 'response-*': 'Info', 'x-y': 'off' }, 'cfg.json');
    expect(parsed.map(({ pattern, level, origin, exact }) => ({ pattern, level, origin, exact }))).toEqual([
      { pattern: 'response-*', level: 'info', origin: 'cfg.json: severity."response-*"', exact: false },
      { pattern: 'x-y', level: 'off', origin: 'cfg.json: severity."x-y"', exact: true },
    ]);
  });

  it('refuses what is not an object of strings naming a level, as a config error', () => {
    for (const section of [[], 'str', 3]) {
      const e = thrown(() => parseSeveritySection(section, 'cfg.json'));
      expect([e.exitCode, e.message, e.hint]).toEqual([
        ExitCode.config,
        "cfg.json: 'severity' must be an object of rule-id: level",
        'e.g. "severity": { "response-enum-value-added": "breaking" }',
      ]);
    }
    const notString = thrown(() => parseSeveritySection({ 'response-*': 3 }, 'cfg.json'));
    expect([notString.exitCode, notString.message, notString.hint]).toEqual([ExitCode.config, 'cfg.json: severity."response-*": level must be a string', LEVEL_HINT]);
    const unknown = thrown(() => parseSeveritySection({ a: 'LOUD' }, 'cfg.json'));
    expect([unknown.exitCode, unknown.message]).toEqual([ExitCode.config, `cfg.json: severity."a": unknown severity level 'LOUD'`]);
  });

  it('an exact rule id beats any glob; among the same kind the later wins', () => {
    const overrides = ['response-enum-value-added=breaking', 'response-*=info', 'response-*=warning'].map((arg) => parseSeverityArg(arg));
    expect(resolveSeverity(overrides, 'response-enum-value-added')?.level).toBe('breaking');
    expect(resolveSeverity(overrides, 'response-property-added')?.level).toBe('warning');
    expect(resolveSeverity(overrides, 'request-property-added')).toBeUndefined();
    const twice = ['x-y=info', 'x-y=warning'].map((arg) => parseSeverityArg(arg));
    expect(resolveSeverity(twice, 'x-y')?.level).toBe('warning');
  });
});

describe('globs', () => {
  it('* stays in a segment, ** crosses, braces are literal, dots match, ! negates', () => {
    expect(compileGlob('/slurm/*/jobs')('/slurm/v0.0.41/jobs')).toBe(true);
    expect(compileGlob('/slurm/*/jobs')('/slurm/a/b/jobs')).toBe(false);
    expect(compileGlob('/slurm/**')('/slurm/a/b')).toBe(true);
    expect(compileGlob('/job/{job_id}')('/job/{job_id}')).toBe(true);
    expect(compileGlob('/job/{a,b}')('/job/a')).toBe(false);
    expect(compileGlob('*')('.hidden')).toBe(true);
    expect(compileGlob('!response-*')('request-x')).toBe(true);
    expect(compileGlob('!response-*')('response-x')).toBe(false);
  });

  it('a pattern is a glob when it has *, ?, [ or ], or starts with !', () => {
    expect(['a*', 'a?', '[ab]', 'a]', '!x'].map(isGlob)).toEqual([true, true, true, true, true]);
    expect(['x!', 'plain-id', '/job/{job_id}'].map(isGlob)).toEqual([false, false, false]);
  });
});

describe('--fail-on thresholds', () => {
  const change = (level: Level, accepted = false): Change => ({ ...sampleReport().changes[0], level, ...(accepted ? { accepted: { entry: 'a.txt:1 x', reason: 'r' } } : {}) });

  it('a level fails its own threshold and the ones below it', () => {
    expect((['breaking', 'warning', 'info', 'any', 'none'] as const).map((failOn) => failsOn(change('warning'), failOn))).toEqual([false, true, true, true, false]);
    expect(failsOn(change('breaking'), 'breaking')).toBe(true);
    expect(failsOn(change('info'), 'warning')).toBe(false);
  });

  it('an accepted change never fails, not even --fail-on any', () => {
    expect(failsOn(change('breaking', true), 'any')).toBe(false);
    const report: DiffReport = { ...sampleReport(), changes: [change('breaking', true), change('info')] };
    expect(shouldFail(report, 'breaking')).toBe(false);
    expect(shouldFail(report, 'info')).toBe(true);
  });
});

describe('a finding with several uses', () => {
  const withUses = (lead: [string, Level], ...others: [string, Level][]): DiffReport => {
    const report = sampleReport();
    const [first] = report.changes;
    return { ...report, changes: [{ ...first, id: lead[0], level: lead[1], alsoAs: others.map(([id, level]) => ({ id, level })) }] };
  };

  it('the most severe use leads, the others stay in alsoAs, and the summary counts the finding once', () => {
    const judged = classify(withUses(['response-enum-value-added', 'info'], ['request-enum-value-added', 'breaking']), EMPTY_POLICY);
    expect(judged.changes.map((c) => [c.id, c.level, c.alsoAs])).toEqual([['request-enum-value-added', 'breaking', [{ id: 'response-enum-value-added', level: 'info' }]]]);
    expect(judged.summary).toMatchObject({ breaking: 1, warning: 0, info: 0, total: 1 });
  });

  it('on a tie the first use keeps the lead', () => {
    const judged = classify(withUses(['response-enum-value-added', 'warning'], ['request-enum-value-added', 'warning']), EMPTY_POLICY);
    expect(judged.changes.map((c) => c.id)).toEqual(['response-enum-value-added']);
  });

  it('a use turned off goes; a finding with no use left goes too', () => {
    const off = (arg: string) => ({ ...EMPTY_POLICY, severity: [parseSeverityArg(arg)] });
    const one = classify(withUses(['response-enum-value-added', 'info'], ['request-enum-value-added', 'breaking']), off('request-*=off'));
    expect(one.changes.map((c) => [c.id, c.level])).toEqual([['response-enum-value-added', 'info']]);
    expect('alsoAs' in one.changes[0]).toBe(false);
    expect(classify(withUses(['response-enum-value-added', 'info'], ['request-enum-value-added', 'breaking']), off('*-enum-value-added=off')).changes).toEqual([]);
  });
});

describe('accept-list entries', () => {
  const DEFAULT_HINT = 'see docs/accept-list.md for the accept-list format';
  const refusal = (f: () => unknown) => {
    const e = thrown(f);
    return [e.exitCode, e.message, e.hint];
  };

  it('reads the line syntax into exactly the fields it names', () => {
    expect(parseAcceptLine('response-* /slurm/** get reason: fine expires: 2027-01-01', 'x:1')).toEqual({
      origin: 'x:1',
      rule: 'response-*',
      path: '/slurm/**',
      method: 'GET',
      reason: 'fine',
      expires: '2027-01-01',
      selector: 'response-* /slurm/** GET',
    });
    expect(parseAcceptLine('ABCDEF0123456789 reason: r', 'x:1')).toEqual({ origin: 'x:1', fingerprint: 'abcdef0123456789', reason: 'r', selector: 'abcdef0123456789' });
    expect(parseAcceptLine('rule-a delete reason: r', 'x:1')).toMatchObject({ rule: 'rule-a', method: 'DELETE', selector: 'rule-a DELETE' });
    expect(parseAcceptLine('rule-a * reason: r', 'x:1')).toMatchObject({ method: '*' });
    expect(parseAcceptLine('rule-a /jobs reason: r', 'x:1')).toMatchObject({ rule: 'rule-a', path: '/jobs', selector: 'rule-a /jobs' });
  });

  it('refuses each malformed line with the line, the problem and what to write', () => {
    expect(refusal(() => parseAcceptLine('response-property-removed', 'x:1'))).toEqual([
      ExitCode.config,
      'x:1: accept-list entry has no reason',
      "write 'RULE [PATH] [METHOD] reason: TEXT' or 'FINGERPRINT reason: TEXT'",
    ]);
    expect(refusal(() => parseAcceptLine('reason: because', 'x:2'))).toEqual([
      ExitCode.config,
      "x:2: accept-list entry has no rule or fingerprint before 'reason:'",
      "write 'RULE [PATH] [METHOD] reason: TEXT'",
    ]);
    expect(refusal(() => parseAcceptLine('0123456789abcdef GET reason: r', 'x:3'))).toEqual([
      ExitCode.config,
      "x:3: a fingerprint entry takes nothing else before 'reason:', got '0123456789abcdef GET'",
      DEFAULT_HINT,
    ]);
    expect(refusal(() => parseAcceptLine('a b c d reason: r', 'x:4'))).toEqual([
      ExitCode.config,
      "x:4: too many words before 'reason:' in 'a b c d'",
      'write RULE [PATH] [METHOD] reason: TEXT (globs contain no spaces)',
    ]);
    expect(refusal(() => parseAcceptLine('rule-a /p FETCH reason: r', 'x:5'))).toEqual([
      ExitCode.config,
      "x:5: unknown HTTP method 'FETCH'",
      'use one of GET, PUT, POST, DELETE, OPTIONS, HEAD, PATCH, TRACE or *',
    ]);
    for (const date of ['2027-02-30', '2027-1-1']) {
      expect(refusal(() => parseAcceptLine(`rule-a reason: r expires: ${date}`, 'x:6'))).toEqual([
        ExitCode.config,
        `x:6: 'expires' must be a date YYYY-MM-DD, got '${date}'`,
        'e.g. expires: 2027-01-01',
      ]);
    }
  });

  it('refuses malformed structured entries, naming the line of the key at fault', () => {
    expect(refusal(() => parseAcceptList('- rule: a\n  reason: r\n  colour: red\n', 'a.yaml'))).toEqual([
      ExitCode.config,
      "a.yaml:3: unknown key 'colour' in accept-list entry",
      'allowed keys: fingerprint, rule, path, method, reason, expires',
    ]);
    expect(refusal(() => parseAcceptList('- fingerprint: abc\n  reason: r\n', 'a.yaml'))).toEqual([
      ExitCode.config,
      "a.yaml:1: fingerprint 'abc' is not 16 hex digits",
      'copy it from the report (json, singleline or text format)',
    ]);
    expect(refusal(() => parseAcceptList('- path: /x\n  reason: r\n', 'a.yaml'))).toEqual([
      ExitCode.config,
      'a.yaml:1: accept-list entry needs a fingerprint or a rule',
      'e.g. rule: response-property-removed',
    ]);
    expect(refusal(() => parseAcceptList('- rule: a\n', 'a.yaml'))).toEqual([
      ExitCode.config,
      'a.yaml:1: accept-list entry has no reason',
      'add reason: why this change is acceptable (who decided, ticket)',
    ]);
    expect(refusal(() => parseAcceptList('- rule: [a]\n  reason: r\n', 'a.yaml'))).toEqual([ExitCode.config, "a.yaml:1: 'rule' must be a string", DEFAULT_HINT]);
    expect(refusal(() => parseAcceptList("- rule: ' '\n  reason: r\n", 'a.yaml'))).toEqual([ExitCode.config, "a.yaml:1: 'rule' is empty", DEFAULT_HINT]);
    expect(refusal(() => parseAcceptList('other: 1\n', 'a.yaml'))).toEqual([
      ExitCode.config,
      "a.yaml:1: unknown top-level key 'other'",
      "an accept-list is a list of entries, or an object with an 'accept' list",
    ]);
    expect(refusal(() => parseAcceptList('accept: 3\n', 'a.yaml'))).toEqual([
      ExitCode.config,
      "a.yaml:1: expected a list of accept-list entries (or 'accept:' with a list)",
      DEFAULT_HINT,
    ]);
    expect(refusal(() => parseAcceptList('- 3\n', 'a.yaml'))).toEqual([ExitCode.config, 'a.yaml:1: accept-list entry must be an object or a one-line string', DEFAULT_HINT]);
  });

  it('tells the formats apart by extension or first line; empty lists are empty', () => {
    expect(parseAcceptList('# c\n\nrule-a reason: r\n', 'accept.txt').map((e) => e.origin)).toEqual(['accept.txt:3']);
    expect(parseAcceptList('- rule-a reason: r\n', 'accept.txt').map((e) => [e.origin, e.rule])).toEqual([['accept.txt:1', 'rule-a']]);
    expect(parseAcceptList('accept:\n  - rule: a\n    reason: r\n', 'list').map((e) => e.rule)).toEqual(['a']);
    expect(parseAcceptList('---\n- rule: a\n  reason: r\n', 'list').map((e) => e.rule)).toEqual(['a']);
    expect(parseAcceptList('[{"rule": "a", "reason": "r"}]', 'list').map((e) => e.rule)).toEqual(['a']);
    expect(parseAcceptList('', 'a.yaml')).toEqual([]);
    expect(parseAcceptList('accept:\n', 'a.yaml')).toEqual([]);
  });
});
