import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../helpers/property-runs.js';
import { summarize } from '../../../src/diff/classify/index.js';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { canonicalReport, escapeGithubData, FORMATS, renderReport, type Format } from '../../../src/diff/formats/index.js';
import { toYaml } from '../../../src/diff/formats/json.js';
import { SAMPLE_RULES, sampleReport } from './sample-report.js';
import { errorsOf, validateReport as validate, validateSarif } from './validators.js';

const render = (format: Format, report: DiffReport = sampleReport(), failOn?: 'breaking' | 'warning' | 'info') =>
  renderReport(report, format, { color: false, rules: SAMPLE_RULES, failOn, toolVersion: '0.1.0' });

const decodeEntities = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const decodeGithub = (text: string) => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');

/** The output as plain text, with the format's own escaping undone, for "does it say X" checks. */
function searchableText(format: Format, output: string): string {
  switch (format) {
    case 'html':
      return decodeEntities(output);
    case 'markdown':
      return decodeEntities(output.replace(/\\([\\`*_[\]|~#$!])/g, '$1'));
    case 'junit':
      return JSON.stringify(new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(output));
    case 'github':
      return decodeGithub(output);
    case 'json':
    case 'sarif':
      return JSON.stringify(JSON.parse(output));
    case 'yaml':
      return JSON.stringify(parseYaml(output));
    default:
      return output;
  }
}

/** How a string appears in searchableText: JSON-based decodings keep JSON string escaping. */
const asSearched = (format: Format, text: string) => (['junit', 'json', 'sarif', 'yaml'].includes(format) ? JSON.stringify(text).slice(1, -1) : text);

describe('every format carries every change', () => {
  const report = sampleReport();
  for (const format of FORMATS) {
    it(`${format}: rule id, location and fingerprint of every change, and the warnings`, () => {
      const text = searchableText(format, render(format, report));
      for (const change of report.changes) {
        for (const value of [change.id, change.location, change.fingerprint]) expect(text, `${change.id}: ${value}`).toContain(asSearched(format, value));
        if (change.accepted) expect(text).toContain(asSearched(format, change.accepted.reason));
      }
      for (const warning of report.warnings ?? []) expect(text).toContain(asSearched(format, warning));
    });
  }

  it('every format renders an empty report', () => {
    const empty: DiffReport = { ...sampleReport(), changes: [], summary: summarize([]), warnings: undefined };
    for (const format of FORMATS) expect(render(format, empty).length, format).toBeGreaterThan(0);
    expect(render('text', empty)).toContain('no changes');
  });
});

describe('json and yaml', () => {
  it('json output validates against docs/report.schema.json', () => {
    const output = JSON.parse(render('json'));
    expect(validate(output), errorsOf(validate)).toBe(true);
    expect(validate({ ...output, summary: { ...output.summary, total: -1 } })).toBe(false);
    expect(validate({ ...output, changes: [{ ...output.changes[0], fingerprint: 'xyz' }] })).toBe(false);
  });

  it('json is canonical: 2-space indent, model key order, spec values with sorted keys', () => {
    const output = render('json');
    expect(output.split('\n')[1]).toBe('  "reportVersion": 1,');
    const parsed = JSON.parse(output);
    expect(Object.keys(parsed)).toEqual(['reportVersion', 'old', 'new', 'mask', 'changes', 'summary', 'warnings']);
    expect(Object.keys(parsed.changes[2])).toEqual(['id', 'level', 'kind', 'section', 'message', 'location', 'operations', 'old', 'new', 'fingerprint', 'accepted']);
    expect(Object.keys(parsed.changes[1].old.value)).toEqual(['in', 'name', 'schema']);
  });

  it('json does not depend on the key order of its input (property)', () => {
    const shuffleKeys = (value: unknown, seed: number): unknown => {
      if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, seed));
      if (value === null || typeof value !== 'object') return value;
      const keys = Object.keys(value);
      const rotated = [...keys.slice(seed % (keys.length || 1)), ...keys.slice(0, seed % (keys.length || 1))].reverse();
      return Object.fromEntries(rotated.map((key) => [key, shuffleKeys((value as Record<string, unknown>)[key], seed)]));
    };
    fc.assert(
      fc.property(fc.nat(20), (seed) => {
        expect(render('json', shuffleKeys(sampleReport(), seed) as DiffReport)).toBe(render('json'));
      }),
    );
  });

  it('the YAML writer round-trips any JSON value through the yaml parser (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(parseYaml(toYaml(value as never))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: propertyRuns(500) },
    );
    const tricky = ['true', 'No', '~', '1e3', '0x1f', '- a', 'a: b', 'a #b', ' lead', 'trail ', '{v}', '[x]', '@a', '`b', '%c', '!d', '&e', '*f', '|', '>', "'", '"', '\u007f\u0085\u2028', '', '.inf'];
    expect(parseYaml(toYaml({ values: tricky, [tricky.join('')]: tricky }))).toEqual({ values: tricky, [tricky.join('')]: tricky });
  });

  it('yaml and json carry the same document', () => {
    expect(parseYaml(render('yaml'))).toEqual(JSON.parse(render('json')));
    expect(JSON.parse(render('json'))).toEqual(canonicalReport(sampleReport()));
  });
});

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(render('sarif'));
    expect(validateSarif(log), errorsOf(validateSarif)).toBe(true);
    expect(validateSarif({ ...log, version: '2.0.0' })).toBe(false);
  });

  it('turns any kind of source into a valid artifact URI', () => {
    const sources = ['cmd:slurmrestd --generate-openapi-spec -d v0.0.41', 'git:HEAD~1:specs/api v1.json', '/abs/path/spec #1.json', 'http://127.0.0.1:6820/openapi/v3', 'v41', '-'];
    for (const source of sources) {
      const report = { ...sampleReport(), old: { source }, new: { source } };
      const log = JSON.parse(render('sarif', report));
      expect(validateSarif(log), `${source}: ${errorsOf(validateSarif)}`).toBe(true);
      expect(decodeURI(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).replace('%23', '#')).toContain(source.replace(/^\//, ''));
    }
  });

  it('maps rules, levels, fingerprints, locations and accepted changes', () => {
    const report = sampleReport();
    const run = JSON.parse(render('sarif', report)).runs[0];
    const ruleIds: string[] = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    // Exactly the rules the changes use, in order of first use, described from the catalogue where it has them.
    expect(ruleIds).toEqual([...new Set(report.changes.map((change) => change.id))]);
    expect(ruleIds).toContain('schema-renamed'); // used by a change, missing from the catalogue
    const described = run.tool.driver.rules.find((rule: { id: string }) => rule.id === SAMPLE_RULES.find((r) => ruleIds.includes(r.id))!.id);
    expect(described.shortDescription?.text ?? described.fullDescription?.text).toBeTruthy();
    expect(run.tool.driver.version).toBe('0.1.0');
    expect(run.results).toHaveLength(report.changes.length);
    report.changes.forEach((change, index) => {
      const result = run.results[index];
      expect(result.ruleId).toBe(change.id);
      expect(ruleIds[result.ruleIndex]).toBe(change.id);
      expect(result.level).toBe({ breaking: 'error', warning: 'warning', info: 'note' }[change.level]);
      expect(result.partialFingerprints).toEqual({ 'specdrift/v1': change.fingerprint });
      const pointer = (change.new ?? change.old)?.pointer;
      expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toBe(pointer);
      const spec = change.new ? report.new : report.old;
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(spec.source);
      expect(Boolean(result.suppressions)).toBe(Boolean(change.accepted));
    });
    const accepted = run.results.find((result: { suppressions?: unknown }) => result.suppressions);
    expect(accepted.suppressions).toEqual([
      { kind: 'external', status: 'accepted', justification: expect.stringContaining('SLURM-1234'), properties: { entry: expect.stringContaining('accept.yaml:3') } },
    ]);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe(report.warnings![0]);
  });
});

describe('junit', () => {
  const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) }).parse(xml);

  it('is well-formed XML with one testcase per change, failures at the fail-on level, accepted ones skipped', () => {
    const xml = render('junit');
    expect(XMLValidator.validate(xml)).toBe(true);
    const suites = parse(xml).testsuites;
    expect([suites.tests, suites.failures, suites.skipped]).toEqual(['11', '2', '1']);
    const cases = suites.testsuite.flatMap((suite: { testcase?: unknown[] }) => suite.testcase ?? []);
    expect(cases).toHaveLength(11);
    const enumCase = cases.find((testcase: { name: string }) => testcase.name.startsWith('response-enum-value-added'));
    expect(enumCase.failure).toBeUndefined();
    expect(parse(render('junit', sampleReport(), 'warning')).testsuites.failures).toBe('4');
    expect(parse(render('junit', sampleReport(), 'info')).testsuites.failures).toBe('10');
  });

  it('keeps special characters intact through XML escaping, including control characters XML cannot carry', () => {
    const report = sampleReport();
    report.changes[6] = { ...report.changes[6], message: `bell\u0007 and <tag> & "q" ]]> end` };
    const xml = render('junit', report, 'info');
    expect(XMLValidator.validate(xml)).toBe(true);
    const text = JSON.stringify(new XMLParser({ ignoreAttributes: false }).parse(xml));
    expect(text).toContain('bell\\\\u0007 and <tag> & \\"q\\" ]]> end');
  });
});

describe('github annotations', () => {
  it('writes one workflow command per change with GitHub escaping', () => {
    const lines = render('github').trimEnd().split('\n');
    const report = sampleReport();
    const commands = lines.filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(report.changes.length + report.warnings!.length);
    expect(commands.filter((line) => line.startsWith('::error ')).length).toBe(2);
    expect(commands.filter((line) => line.startsWith('::warning ')).length).toBe(3); // two changes and the expired-entry warning
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) (file=[^,:]*,)?title=[^,:]*::/);
    const description = commands.find((line) => line.includes('response-description-changed'))!;
    expect(description).toContain('100%25 new%0Asecond line :: ::error ::, done%0D');
    const accepted = commands.find((line) => line.includes('request-property-required-added'))!;
    expect(accepted.startsWith('::notice ')).toBe(true);
  });

  it('escapes data so that any text round-trips and never breaks the line (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeGithubData(text);
        expect(escaped).not.toMatch(/[\r\n]/);
        if (!/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/.test(text)) {
          expect(decodeGithub(escaped)).toBe(text);
        }
      }),
    );
  });
});

describe('text, singleline, markdown, html', () => {
  it('text: header, one line per change, summary line; colour only when asked', () => {
    const report = sampleReport();
    const plain = render('text', report);
    expect(plain).not.toMatch(/\u001b\[/);
    expect(renderReport(report, 'text', { color: true })).toMatch(/\u001b\[31m/);
    expect(plain.split('\n').filter((line) => /^ {2}[✗!·✓] /.test(line))).toHaveLength(report.changes.length);
    expect(plain).toContain('\n2 breaking, 2 warnings, 6 info (1 accepted)\n');
    expect(plain.indexOf('GET /slurm/{v}/jobs')).toBeLessThan(plain.indexOf('\nComponents\n'));
  });

  it('text and singleline neutralise terminal escapes and line breaks from spec text', () => {
    const report = sampleReport();
    report.changes[0] = { ...report.changes[0], message: 'evil \u001b[2J\u001b]0;title\u0007 text\n::error::injected' };
    for (const format of ['text', 'singleline'] as const) {
      const output = render(format, report);
      expect(output).not.toContain('\u001b');
      expect(output).toContain('evil \\u001b[2J\\u001b]0;title\\u0007 text\\n::error::injected');
      expect(output.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    }
  });

  it('singleline: tab-separated fixed columns, one line per change', () => {
    const report = sampleReport();
    const lines = render('singleline', report).trimEnd().split('\n').filter((line) => !line.startsWith('#'));
    expect(lines).toHaveLength(report.changes.length);
    for (const line of lines) expect(line.split('\t')).toHaveLength(7);
    expect(lines[2].split('\t').slice(0, 4)).toEqual(['breaking', 'accepted', 'request-property-required-added', '16af7f9082293e1c']);
  });

  it('markdown: release-note sections in order, breaking includes accepted, no raw HTML from spec text', () => {
    const output = render('markdown');
    const headings = output.split('\n').filter((line) => line.startsWith('## '));
    // The order SchedMD's notes and keep-a-changelog use: what breaks, what goes away later, then the rest.
    expect(headings).toEqual(['## Breaking', '## Deprecated', '## Added', '## Changed', '## Renamed', '## Removed']);
    // The title names the API and the versions (info.version here: no tags); the sources go in the footer.
    expect(output).toMatch(/^# Slurm REST API Slurm-24\.11\.0 &amp; v0\.0\.40 → Slurm-24\.11\.0 &amp; v0\.0\.41$/m);
    expect(output.split('\n')[0]).not.toContain('.json');
    expect(output).toMatch(/^<sub>Old: Slurm REST API \(Slurm-24\.11\.0 &amp; v0\.0\.40\) from \.cache\/slurm-specs\/24\.11\/v0\.0\.40\.json<br>New: .*v0\.0\.41\.json<\/sub>$/m);
    const breaking = output.slice(output.indexOf('## Breaking'), output.indexOf('## Deprecated'));
    expect(breaking).toContain('**accepted:**');
    expect(output).not.toContain('<script>');
    expect(output).toContain('&lt;script&gt;');
  });

  it('html: self-contained (one inline script, no external resources), everything escaped', () => {
    const output = render('html');
    expect(output.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(output.match(/<script\b[^>]*>/gi)).toEqual(['<script>']);
    expect(output).not.toMatch(/<(img|link|iframe|object|embed|base)\b|\ssrc="|@import|url\(|https?:\/\//i);
    expect(output).not.toMatch(/href="?https?:/i);
    expect(output).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
    expect(output).toContain('&lt;/pre&gt;&lt;img src=x&gt;');
    expect(output).toContain('x-odd&lt;name&gt;&amp;&quot;q&#39;%,:');
  });
});

describe('large reports', () => {
  it('renders 10,000 changes in every format', () => {
    const base = sampleReport();
    // Under Stryker (which sets STRYKER_MUTATOR_WORKER), 300 changes: this test covers nearly every formats mutant,
    // so each survivor paid for the full render in all nine formats; its one check (non-trivial output) bites the same.
    const count = process.env.STRYKER_MUTATOR_WORKER === undefined ? 10_000 : 300;
    const changes: Change[] = Array.from({ length: count }, (_, index) => {
      const template = base.changes[index % base.changes.length];
      const path = `/slurm/{v}/resource${index % 500}`;
      return {
        ...template,
        location: template.section === 'paths' ? `GET ${path}` : `${template.location}${index}`,
        operations: template.operations.length ? [{ method: 'GET', path }, ...template.operations] : [],
        fingerprint: index.toString(16).padStart(16, '0'),
      };
    });
    const report: DiffReport = { ...base, changes, summary: summarize(changes) };
    // Render time is measured by `npm run bench`, never asserted in a unit test.
    for (const format of FORMATS) {
      const output = renderReport(report, format, { color: true, rules: SAMPLE_RULES });
      expect(output.length).toBeGreaterThan(count);
    }
  });
});

describe('text --compact', () => {
  const op = { method: 'GET', path: '/slurm/v0.0.40/jobs', operationId: 'slurm_v0040_get_jobs' };
  const change = (name: string, overrides: Partial<Change> = {}): Change => ({
    id: 'response-enum-value-added',
    level: 'warning',
    kind: 'added',
    section: 'paths',
    message: `enum value "${name}" added`,
    location: '#/components/schemas/v0.0.40_job_state/items',
    operations: [op],
    new: { pointer: '/components/schemas/v0.0.40_job_state/items/enum/3', value: name },
    fingerprint: name.padEnd(16, '0').slice(0, 16),
    ...overrides,
  });
  const changes = [change('A'), change('B'), change('C'), change('D', { level: 'breaking' }), change('E', { location: '#/elsewhere' })];
  const report: DiffReport = { ...sampleReport(), changes, summary: summarize(changes) };

  it('folds a run of same-rule, same-level, same-place changes into one line naming each', () => {
    const text = renderReport(report, 'text', { color: false, compact: true });
    expect(text).toMatch(/response-enum-value-added {2}#\/components\/schemas\/v0\.0\.40_job_state\/items: enum value "A", "B", "C" added {2}\[3 changes\]/);
    // A different level or place is a line of its own, with its fingerprint.
    expect(text).toMatch(/enum value "D" added {2}\[D000000000000000\]/);
    expect(text).toMatch(/#\/elsewhere: enum value "E" added {2}\[E000000000000000\]/);
    expect(text.split('\n').filter((l) => l.includes('response-enum-value-added'))).toHaveLength(3);
  });

  it('changes nothing without the option', () => {
    const text = renderReport(report, 'text', { color: false });
    expect(text.split('\n').filter((l) => l.includes('response-enum-value-added'))).toHaveLength(5);
  });
});
