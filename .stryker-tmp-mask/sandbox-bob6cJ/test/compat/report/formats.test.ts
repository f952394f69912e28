/**
 * The compat report formats on one small report: each carries the matrix, reasons, totals, spec problems and
 * validation findings; spec text cannot inject markup, terminal escapes or break the XML; --fail-on semantics.
 */
// @ts-nocheck

import { Chalk } from 'chalk';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { compatShouldFail, renderCompatReport } from '../../../src/compat/report/index.js';
import { describeProgress, ProgressBoard } from '../../../src/compat/report/progress.js';
import { HOSTILE, report } from './sample-report.js';

describe('compat report formats', () => {
  it('text: the matrix as a table with numbered generator columns, reasons below, no terminal escapes from the spec', () => {
    const text = renderCompatReport(report, 'text');
    expect(text).toContain('\n             [1]  [2]  [3]\n  get_jobs  pass  n/c  n/a\n  post_job  FAIL  n/c  n/a\n');
    expect(text).toContain('  fail  alpha × post_job (client broke the spec)\n      request broke the spec: [request-content-type]');
    expect(text).toContain('  not compiled  beta × every operation');
    expect(text).toContain('      at run time anyway: 1 pass, 1 fail');
    expect(text).toContain('  1. request-rejected [request-content-type] at #/paths/~1job/post/requestBody/content');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('\\u001b[2J');
    expect(text.trimEnd().split('\n').at(-1)).toBe('6 cells: 1 pass, 1 fail, 2 not compiled, 2 unavailable; exchanges: 2 both conform, 1 client broke the spec; 0 of 2 generators run passed every operation');
  });

  it('text: colours only when asked', () => {
    expect(renderCompatReport(report, 'text', { chalk: new Chalk({ level: 1 }) })).toContain('\u001b[31m');
    expect(renderCompatReport(report, 'text', { chalk: new Chalk({ level: 0 }) })).not.toMatch(/\u001b\[\d+m/);
  });

  it('markdown: one row per operation, escaped spec text', () => {
    const md = renderCompatReport(report, 'markdown');
    expect(md).toContain('| `get_jobs` | ✅ | 🛠️ | ➖ |');
    expect(md).toContain('| `post_job` | ❌ | 🛠️ | ➖ |');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
  });

  it('html: self-contained (one inline script), every spec string escaped, reasons as cell titles', () => {
    const html = renderCompatReport(report, 'html');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script>']);
    expect(html).not.toMatch(/<link|src=|https?:\/\//);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/<td class="c fail" title="fail — client broke the spec — request broke the spec: \[request-content-type\] POST \/job: Content-Type text\/plain &lt;b&gt;">FAIL<\/td>/);
  });

  it('junit: a suite per generator and a testcase per cell; failing statuses are failures, unavailable ones skipped', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(renderCompatReport(report, 'junit'));
    const root = parsed.testsuites;
    expect([root['@_tests'], root['@_failures'], root['@_skipped']]).toEqual(['6', '3', '2']);
    const alpha = root.testsuite[0];
    expect(alpha['@_name']).toBe('alpha 1.2.3');
    expect(alpha.testcase.map((t: Record<string, string>) => t['@_name'])).toEqual(['get_jobs', 'post_job']);
    expect(alpha.testcase[1].failure['@_type']).toBe('fail');
    expect(root.testsuite[1].testcase[0].failure['@_type']).toBe('not-compiled');
    expect(root.testsuite[2].testcase[0].skipped['@_message']).toBe('java not found');
  });

  it('json: the report object itself', () => {
    expect(JSON.parse(renderCompatReport(report, 'json'))).toEqual(report);
  });

  it('--fail-on fail counts fail, not-generated and not-compiled cells; none never fails', () => {
    expect(compatShouldFail(report, 'fail')).toBe(true);
    expect(compatShouldFail(report, 'none')).toBe(false);
    const onlyUnavailable = { ...report, cells: report.cells.filter((c) => c.status === 'pass' || c.status === 'unavailable') };
    expect(compatShouldFail(onlyUnavailable, 'fail')).toBe(false);
  });
});

describe('progress', () => {
  it('plain lines for logs, and a board of one line per generator for terminals', () => {
    expect(describeProgress({ generator: 'orval', phase: 'prepared', detail: 'cached' })).toBe('compat: orval: client ready (cached)');
    let now = 0;
    const board = new ProgressBoard(() => now);
    board.update({ generator: 'orval', phase: 'preparing' });
    board.update({ generator: 'openapi-generator-4.3.1:python', phase: 'queued' });
    now = 3000;
    expect(board.frame()).toEqual(['orval                           generating and compiling 3 s', 'openapi-generator-4.3.1:python  queued']);
  });
});
