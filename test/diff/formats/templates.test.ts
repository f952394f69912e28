/**
 * `--template FILE` (docs/templates.md): a user's layout over the documented model, and the sandbox a template
 * from a cloned repository runs in (no JavaScript, no prototypes, no files, bounded time, memory and output).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../src/diff/model.js';
import { renderReport, type RenderOptions } from '../../../src/diff/formats/index.js';
import { renderRange } from '../../../src/diff/formats/range.js';
import { runChangelogRange } from '../../../src/pipeline/changelog.js';
import { ExitCode, SpecdriftError } from '../../../src/errors.js';
import { renderTemplate, TEMPLATE_MAX_CHARS } from '../../../src/output/template.js';
import { runDiffPipeline } from '../../../src/pipeline/diff.js';
import { loadSpec } from '../../../src/source/load.js';
import { cliAsync, REPO_ROOT } from '../../helpers/cli.js';

const OLD = join(REPO_ROOT, 'fixtures/release-notes/old.yaml');
const NEW = join(REPO_ROOT, 'fixtures/release-notes/new.yaml');

// Diffed inside each test, not in a beforeAll: Stryker counts code run outside a test as "static" and runs every
// test against each of its mutants (docs/testing.md, "Mutation score").
const releaseNotes = async (): Promise<DiffReport> => (await runDiffPipeline(await loadSpec(OLD), await loadSpec(NEW))).report;

const withTemplate = async (format: 'markdown' | 'html', source: string, options: Partial<RenderOptions> = {}) =>
  renderReport(await releaseNotes(), format, { color: false, maxChars: 0, ...options, template: { source, origin: 'test.liquid' } });

/** The error a render throws, as the CLI prints it. */
function refusal(render: () => unknown): { code: number; line: string } {
  try {
    render();
  } catch (err) {
    expect(err).toBeInstanceOf(SpecdriftError);
    const error = err as SpecdriftError;
    return { code: error.exitCode, line: error.line() };
  }
  throw new Error('the template was not refused');
}

/** A Keep-a-Changelog style, flat by category whatever --group-by says: a different style from the built-in one. */
const KEEP_A_CHANGELOG = `## [{{ new.version }}] - {{ new.title }}
{% assign categories = "Breaking,Deprecated,Added,Changed,Renamed,Removed" | split: "," %}
{% for category in categories %}{% assign list = changes | where: "category", category %}{% if list.size > 0 %}
### {{ category }}
{% for c in list %}- {{ c.where }}: {{ c.message }}{% if c.operations.size > 1 %} (used by {{ c.operations | join: ", " }}){% endif %}
{% endfor %}{% endif %}{% endfor %}
_{{ summary.breaking }} breaking changes since {{ old.version }}._
`;

describe('a user template', () => {
  it('reproduces a Keep-a-Changelog style on the release-notes fixtures', async () => {
    // Written by hand from fixtures/release-notes/{old,new}.yaml.
    expect(await withTemplate('markdown', KEEP_A_CHANGELOG)).toBe(`## [1.5.0] - Library API

### Breaking
- schema \`Book\`: optional property 'isbn' removed (used by GET /books, GET /books/{id})
- schema \`Book\` property \`pages\`: type widened from integer to number (used by GET /books, GET /books/{id})
- POST /loans → request body \`member\`: required property 'member' added
- POST /loans → request body \`days\`: type changed from integer to string

### Deprecated
- GET /books/{id} → deprecated: operation deprecated

### Added
- schema \`Book\` property \`status\`: enum value "lost" added (used by GET /books, GET /books/{id})
- GET /books → query parameter \`<lang>\`: optional query parameter '<lang>' added
- GET /members: GET /members added

_4 breaking changes since 1.4.0._
`);
  });

  it('HTML escapes by default; the filters and partials of the built-in layout are there to use', async () => {
    const html = await withTemplate('html', '<ul>{% for c in changes %}<li id="{{ c.anchor }}">{{ c.message }} <small>{{ c.id | upcase }}</small></li>{% endfor %}</ul>');
    expect(html).toContain(`<li id="c-f436d25016f01a3a">optional query parameter &#39;&lt;lang&gt;&#39; added <small>REQUEST-PARAMETER-ADDED</small></li>`);
    expect(html).not.toContain('<lang>');
    const sections = await withTemplate('markdown', "{% render 'markdown-step', step: steps.first, h: '##' %}", { groupBy: 'resource' });
    expect(sections.split('\n').filter((line) => line.startsWith('## '))).toEqual(['## books', '## loans', '## members']);
  });

  it('a range: steps newest first, each with its summary and operation counts; a failed step says why', async () => {
    const fixture = (name: string) => join(REPO_ROOT, 'fixtures/slurm-like', name);
    const steps = await runChangelogRange([fixture('v0.0.40.json'), fixture('v0.0.41.json'), fixture('v0.0.42.json'), join(REPO_ROOT, 'fixtures/slurm-like/missing.json')], loadSpec, {});
    const source = '{{ title }} ({{ steps.size }} steps, {{ failed }} failed)\n{% for s in steps %}{{ s.title }}: {% if s.error != "" %}failed{% else %}{{ s.summary.breaking }} breaking, +{{ s.operations_added }}/-{{ s.operations_removed }} operations{% endif %}\n{% endfor %}';
    const notes = renderRange(steps, 'markdown', { color: false, maxChars: 0, template: { source, origin: 'range.liquid' } });
    // By hand: v0.0.41 adds POST /slurm/v0.0.41/job/allocate and removes GET /slurmdb/v0.0.40/diag (6 breaking in all).
    expect(notes.split('\n').slice(1, 4)).toEqual([
      `v0.0.42.json → missing.json: failed`.replace('v0.0.42.json', fixture('v0.0.42.json')).replace('missing.json', join(REPO_ROOT, 'fixtures/slurm-like/missing.json')),
      'v0.0.41 → v0.0.42: 0 breaking, +0/-0 operations',
      'v0.0.40 → v0.0.41: 6 breaking, +1/-1 operations',
    ]);
    expect(notes.split('\n')[0]).toMatch(/^Slurm REST API v0\.0\.40 → .*missing\.json \(3 steps, 1 failed\)$/);
  });

  it('the built-in HTML of a range: self-contained, one collapsible section per step, newest first, ids per step', async () => {
    const fixture = (name: string) => join(REPO_ROOT, 'fixtures/slurm-like', name);
    const steps = await runChangelogRange([fixture('v0.0.40.json'), fixture('v0.0.41.json'), fixture('v0.0.42.json')], loadSpec, {});
    const html = renderRange(steps, 'html', { color: false });
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(html).not.toMatch(/<(img|link|iframe|object|embed|base)\b|\ssrc="|@import|url\(|https?:\/\//i);
    expect([...html.matchAll(/<details class="box" open data-box id="(\d-step)"><summary><h2>([^<]+)<\/h2>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['2-step v0.0.41 → v0.0.42', '1-step v0.0.40 → v0.0.41']);
    const ids = [...html.matchAll(/<tr [^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.startsWith('1-c-'))).toHaveLength(14);
  });

  it('the built-in layouts are templates over the same model: --group-by and the model agree', async () => {
    const headings = (groupBy: 'level' | 'resource') => withTemplate('markdown', '{% for s in sections %}{{ s.title }}|{% endfor %}', { groupBy });
    expect(await headings('level')).toBe('Breaking|Deprecated|Added|\n');
    expect(await headings('resource')).toBe('books|loans|members|\n');
  });
});

describe('a malicious template is refused with one clear line (exit code 11)', () => {
  const model = { title: 'x', changes: [{ message: 'm' }] };
  const render = (source: string, limits: { renderMs?: number; outputMaxChars?: number } = {}) => () => renderTemplate(source, model, { escape: 'none', origin: 'evil.liquid', ...limits });

  it('no prototype: constructor, __proto__ and friends are unknown names, not objects', () => {
    for (const source of ['{{ changes.constructor }}', '{{ title.constructor.name }}', "{{ changes['__proto__'] }}", '{{ changes.first.constructor.constructor }}', '{% assign f = changes | map: "constructor" %}{{ f.first.name }}']) {
      const { code, line } = refusal(render(source));
      expect(code, source).toBe(ExitCode.template);
      expect(line, source).toMatch(/^template evil\.liquid: undefined variable: .* — see docs\/templates\.md/);
    }
  });

  it('no files: include, render and layout of /etc/passwd (or anything) find nothing', () => {
    for (const source of ["{% include '/etc/passwd' %}", "{% render '../../../../etc/passwd' %}", "{% layout '/etc/passwd' %}{% block x %}{% endblock %}"]) {
      const { code, line } = refusal(render(source));
      expect(code, source).toBe(ExitCode.template);
      expect(line, source).toMatch(/^template evil\.liquid: .*Failed to lookup.*\/etc\/passwd.* — templates cannot include files/);
      expect(line).not.toContain('root:');
    }
  });

  it('no endless loop: a range past the allocation bound, and nested loops past the render-time bound', () => {
    expect(refusal(render('{% for i in (1..1000000000) %}x{% endfor %}')).line).toMatch(/^template evil\.liquid: memory alloc limit exceeded.* — the template loops or builds too much/);
    // The render-time bound (30 s by default) set short here, so the test does not wait for it.
    const nested = refusal(render('{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}', { renderMs: 200 }));
    expect(nested).toEqual({ code: ExitCode.template, line: expect.stringMatching(/^template evil\.liquid: template render limit exceeded.* — the template loops or builds too much/) });
  });

  it('no huge output: doubling a string, or output past the bound', () => {
    expect(refusal(render('{% assign a = "xxxxxxxxxx" %}{% for i in (1..40) %}{% assign a = a | append: a %}{% endfor %}{{ a }}')).line).toMatch(/memory alloc limit exceeded/);
    const big = refusal(render('{% for i in (1..5000) %}0123456789{% endfor %}', { outputMaxChars: 10_000 }));
    expect(big).toEqual({ code: ExitCode.template, line: 'template evil.liquid: rendered 50000 characters, more than 10000 — the template repeats too much (docs/templates.md, limits)' });
  });

  it('no oversized template, no unknown filter, no JavaScript', () => {
    expect(refusal(render('x'.repeat(TEMPLATE_MAX_CHARS + 1))).line).toMatch(/^template evil\.liquid: 262145 characters, more than the 262144 a template may have/);
    expect(refusal(render('{{ title | eval }}')).line).toMatch(/^template evil\.liquid: undefined filter: eval/);
    // Liquid has no expression that runs code: this is text with an unknown tag, not a call.
    expect(refusal(render("{% eval 'process.exit(1)' %}")).line).toMatch(/^template evil\.liquid: tag "eval" not found/);
  });
});

describe('specdrift --template', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'specdrift-template-'));
    writeFileSync(join(dir, 'keep.liquid'), KEEP_A_CHANGELOG);
    writeFileSync(join(dir, 'evil.liquid'), "{% include '/etc/passwd' %}");
    writeFileSync(join(dir, 'broken.liquid'), '{% for c in %}{{ c }}');
  });

  it('changelog renders with the user template', async () => {
    const result = await cliAsync(['changelog', OLD, NEW, '--template', join(dir, 'keep.liquid')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 4)).toEqual(['## [1.5.0] - Library API', '', '### Breaking', "- schema `Book`: optional property 'isbn' removed (used by GET /books, GET /books/{id})"]);
  });

  it('a refused template: exit 11, one line on stderr, no output file', async () => {
    const out = join(dir, 'notes.html');
    const result = await cliAsync(['diff', OLD, NEW, '-f', 'html', '--template', join(dir, 'evil.liquid'), '-o', out]);
    expect(result.code).toBe(ExitCode.template);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/evil\.liquid: .*\/etc\/passwd.* — templates cannot include files/);
    expect(() => writeFileSync(join(out, 'x'), '')).toThrow();
  });

  it('a syntax error is refused before any spec is loaded', async () => {
    const result = await cliAsync(['changelog', OLD, join(REPO_ROOT, 'fixtures/release-notes/missing.yaml'), '--template', join(dir, 'broken.liquid')]);
    expect(result.code).toBe(ExitCode.template);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/broken\.liquid: illegal tag: \{% for c in %\}, line:1, col:1 — see docs\/templates\.md/)]);
  });

  it('a missing template file is exit 3; a template with a format it does not lay out is exit 2', async () => {
    expect((await cliAsync(['changelog', OLD, NEW, '--template', join(dir, 'nope.liquid')])).code).toBe(ExitCode.sourceNotFound);
    const json = await cliAsync(['diff', OLD, NEW, '-f', 'json', '--template', join(dir, 'keep.liquid')]);
    expect(json.code).toBe(ExitCode.usage);
    expect(json.stderr).toContain('--template lays out --format markdown or html');
  });
});
