/**
 * Reports the diff engine really produces (Slurm-like fixtures here; the real slurmrestd specs in
 * engine-output.integration.test.ts), classified and rendered in every format, checked against
 * docs/report.schema.json, the SARIF 2.1.0 schema and an XML parser; the human formats (markdown, html,
 * github, yaml) parsed back and compared with the JSON report.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { classify, loadPolicy, shouldFail } from '../../../src/diff/classify/index.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { FORMATS, renderReport } from '../../../src/diff/formats/index.js';
import { checkEveryFormat, diffFiles } from './check-formats.js';

// marked 4 ships no types: the part of its lexer's token shape this test reads.
type MdToken = { type: 'heading'; depth: number; text: string } | { type: 'list'; items: { text: string }[] } | { type: 'space' | 'paragraph' | 'html' | 'blockquote' };
const { marked } = createRequire(import.meta.url)('marked') as { marked: { lexer(source: string): MdToken[] } };

describe('engine output (fixtures/slurm-like v0.0.40 → v0.0.41)', () => {
  const fixtures = new URL('../../../fixtures/slurm-like/', import.meta.url).pathname;

  it('validates in every format before and after classification', async () => {
    const report = diffFiles(`${fixtures}v0.0.40.json`, `${fixtures}v0.0.41.json`, 'v0.0.40', 'v0.0.41');
    expect(report.changes.length).toBeGreaterThan(0);
    checkEveryFormat(report);
    const breaking = report.changes.filter((change) => change.level === 'breaking');
    expect(breaking.length).toBeGreaterThan(0);
    const policy = await loadPolicy({ severity: ['response-*=info'], rules: ALL_RULES });
    const classified = classify(report, { ...policy, accept: [{ origin: 'accept.txt:1', fingerprint: breaking[0].fingerprint, reason: 'known', selector: breaking[0].fingerprint }] });
    checkEveryFormat(classified);
    expect(classified.summary.accepted).toBe(1);
    expect(classified.changes.filter((change) => change.id.startsWith('response-')).every((change) => change.level === 'info')).toBe(true);
    expect(shouldFail(classified, 'breaking')).toBe(breaking.length > 1);
  });
});

/** `level id fingerprint` of every change of the canonical JSON report, sorted: what every other format must show, once each. */
const rowsOf = (json: { changes: { level: string; id: string; fingerprint: string }[] }) => json.changes.map((c) => `${c.level} ${c.id} ${c.fingerprint}`).sort();

/** HTML void elements (no end tag). */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The element structure of the HTML report: every tag closes in order (a strict check written here because no
 * HTML parser is installed), and the changes' table rows as `level id fingerprint`.
 */
function htmlRows(html: string): { rows: string[]; summary: string } {
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, '');
  const stack: string[] = [];
  for (const [, close, name] of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g)) {
    const tag = name.toLowerCase();
    if (VOID.has(tag)) continue;
    if (!close) stack.push(tag);
    else expect(stack.pop(), `</${tag}> closes the wrong element`).toBe(tag);
  }
  expect(stack).toEqual([]);
  const text = (fragment: string) => fragment.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const rows = [...body.matchAll(/<tr class="(breaking|warning|info)"[^>]*><td class="level">([^<]*)<\/td><td><code[^>]*>([^<]+)<\/code><\/td>[\s\S]*?<td class="fp"><a href="#[^"]+"[^>]*><code>([0-9a-f]{16})<\/code><\/a><\/td><\/tr>/g)].map(
    ([, cls, level, id, fingerprint]) => {
      expect(text(level)).toBe(cls);
      return `${cls} ${id} ${fingerprint}`;
    },
  );
  const summary = /<p class="summary">([^<]*)<\/p>/.exec(body)?.[1] ?? '';
  return { rows: rows.sort(), summary: text(summary) };
}

/** Markdown through a CommonMark lexer: headings and the list items under each operation, as `level id fingerprint`. */
function markdownRows(md: string): { headings: string[]; rows: string[]; summary: string | undefined } {
  const tokens = marked.lexer(md);
  const headings: string[] = [];
  const rows: string[] = [];
  let summary: string | undefined;
  let depth = 0;
  for (const token of tokens) {
    if (token.type === 'heading') {
      depth = token.depth;
      headings.push(`${'#'.repeat(token.depth)} ${token.text}`);
    } else if (token.type === 'list') {
      for (const item of token.items) {
        if (depth === 1) {
          const m = /^\*\*Summary:\*\* (.*)$/.exec(item.text);
          if (m) summary = m[1];
          continue;
        }
        expect(depth, `list item outside an operation: ${item.text}`).toBe(3);
        const m = /<sub>(?:(warning|info) · )?`([a-z-]+)` · `([0-9a-f]{16})`<\/sub>$/.exec(item.text);
        expect(m, item.text).not.toBeNull();
        rows.push(`${m![1] ?? 'breaking'} ${m![2]} ${m![3]}`);
      }
    }
  }
  return { headings, rows: rows.sort(), summary };
}

/** GitHub workflow commands: `::error|warning|notice file=…,title=…::message` per change, then a summary line. */
function githubRows(out: string): { rows: string[]; summary: string } {
  const lines = out.trimEnd().split('\n');
  const summary = lines.pop()!;
  const COMMAND: Record<string, string> = { error: 'breaking', warning: 'warning', notice: 'info' };
  const rows = lines.map((line) => {
    // Property values escape `,` and `:` (%2C, %3A); the message has no raw newline.
    const m = /^::(error|warning|notice) file=([^,:\s]+),title=([^,:]+)::(.+) — rule ([a-z-]+), fingerprint ([0-9a-f]{16})$/.exec(line);
    expect(m, line).not.toBeNull();
    const [, command, , title, , id, fingerprint] = m!;
    const [level, titleId] = decodeURIComponent(title).split(': ');
    expect(titleId).toBe(id);
    expect(COMMAND[command]).toBe(level);
    return `${level} ${id} ${fingerprint}`;
  });
  return { rows: rows.sort(), summary };
}

describe('formats parsed back and compared with the JSON report (fixtures/slurm-like v0.0.40 → v0.0.41)', () => {
  const fixtures = new URL('../../../fixtures/slurm-like/', import.meta.url).pathname;
  // Diffed and rendered inside each test, not in the describe body (nor in the first describe's): Stryker counts
  // code run while a file is collected as "static" and runs every test against each of its mutants
  // (docs/testing.md, "Mutation score").
  const outputs = () => {
    const report = diffFiles(`${fixtures}v0.0.40.json`, `${fixtures}v0.0.41.json`, 'v0.0.40', 'v0.0.41');
    const render = (format: (typeof FORMATS)[number]) => renderReport(report, format, { color: false, rules: ALL_RULES });
    const json = JSON.parse(render('json'));
    return { render, json, expected: rowsOf(json) };
  };

  it('the JSON report has the 14 changes and 6/3/5 summary of the fixtures', () => {
    const { json, expected } = outputs();
    expect(json.summary).toMatchObject({ breaking: 6, warning: 3, info: 5, total: 14 });
    expect(expected).toHaveLength(14);
  });

  it('yaml round-trips to the JSON report', () => {
    const { render, json } = outputs();
    expect(parseYaml(render('yaml'))).toEqual(json);
  });

  it('markdown: one title, category and operation headings, one list item per change', () => {
    const { render, expected } = outputs();
    const { headings, rows, summary } = markdownRows(render('markdown'));
    expect(rows).toEqual(expected);
    expect(summary).toBe('6 breaking, 3 warnings, 5 info');
    expect(headings.filter((h) => h.startsWith('# '))).toHaveLength(1);
    // The fixture's one rename (v0.0.40_stats_msg → v0.0.41_stats_rpc) is listed as such.
    expect(headings.filter((h) => h.startsWith('## '))).toEqual(['## Breaking', '## Added', '## Changed', '## Renamed']);
    expect(headings.filter((h) => h.startsWith('### ')).length).toBeGreaterThan(3);
  });

  it('html: balanced elements, one table row per change, the summary', () => {
    const { render, expected } = outputs();
    const { rows, summary } = htmlRows(render('html'));
    expect(rows).toEqual(expected);
    expect(summary).toBe('6 breaking, 3 warnings, 5 info');
  });

  it('github: one well-formed annotation per change, level by command, then the summary', () => {
    const { render, expected } = outputs();
    const { rows, summary } = githubRows(render('github'));
    expect(rows).toEqual(expected);
    expect(summary).toBe('specdrift: 6 breaking, 3 warnings, 5 info');
  });
});
