/**
 * The HTML report in a real browser (issue 13): Debian's chromium, headless, driven through the DevTools
 * Protocol by puppeteer-core. A diff report and a changelog range of our fixtures (and the real v0.0.41 → v0.0.42
 * changelog): no console or page errors, no request leaves the file, the level and rule filters hide exactly the
 * rows of other levels and rules (counted against the JSON report), the search box filters, a deep link opens its
 * collapsed section, and the page fits a phone. Screenshots are kept under .cache/browser/ (a CI artifact).
 */
// @ts-nocheck

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { renderReport } from '../../../src/diff/formats/index.js';
import { renderRange } from '../../../src/diff/formats/range.js';
import type { Change, DiffReport } from '../../../src/diff/model.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { runChangelogRange } from '../../../src/pipeline/changelog.js';
import { runDiffPipeline } from '../../../src/pipeline/diff.js';
import { loadSpec } from '../../../src/source/load.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { describeIntegration } from '../../helpers/integration.js';
import { renderCompatReport } from '../../../src/compat/report/index.js';
import { report as compatReport } from '../../compat/report/sample-report.js';

const OUT = join(REPO_ROOT, '.cache', 'browser');
const fixture = (name: string) => join(REPO_ROOT, 'fixtures/slurm-like', name);
const options = { color: false, rules: ALL_RULES, maxChars: 0 };

/** Writes a page under .cache/browser/ and opens it; every request other than the file itself is refused and recorded. */
async function open(browser: Browser, name: string, html: string): Promise<{ page: Page; problems: string[]; url: string }> {
  const file = join(OUT, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${String(error)}`));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.url().split('#')[0] === url) void request.continue();
    else {
      problems.push(`request: ${request.url()}`);
      void request.abort();
    }
  });
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems, url };
}

/** Rows a reader can see: filters (display: none) and collapsed sections (content-visibility: hidden) hide them. */
const visibleRows = (page: Page, selector = 'tr[data-level]') => page.$$eval(selector, (rows) => rows.filter((row) => row.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })).map((row) => row.id));

/** Level filter, rule filter and search, each counted against the changes of the JSON report. */
async function checkFilters(page: Page, changes: readonly Change[]): Promise<void> {
  expect(await visibleRows(page)).toHaveLength(changes.length);
  expect(await page.$eval('#filter-count', (el) => el.textContent)).toBe(`${changes.length} of ${changes.length} shown`);
  for (const level of ['breaking', 'warning', 'info']) {
    await page.select('#filter-level', level);
    const expected = changes.filter((c) => c.level === level).length;
    expect(await visibleRows(page), level).toHaveLength(expected);
  }
  await page.select('#filter-level', '');
  const rule = changes[changes.length - 1].id;
  await page.select('#filter-rule', rule);
  expect(await visibleRows(page), rule).toHaveLength(changes.filter((c) => c.id === rule).length);
  await page.select('#filter-rule', '');
  const target = changes[0];
  await page.type('#filter-search', target.fingerprint);
  expect((await visibleRows(page)).map((id) => id.replace(/^\d+-/, ''))).toEqual([`c-${target.fingerprint}`]);
  await page.$eval('#filter-search', (el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('input'));
  });
  expect(await visibleRows(page)).toHaveLength(changes.length);
}

/** Every section collapsed, then `#anchor`: the row's sections open again and the row is in view. */
async function checkDeepLink(page: Page, anchor: string): Promise<void> {
  await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = false)));
  expect(await visibleRows(page)).toEqual([]);
  await page.evaluate((id) => void (location.hash = id), anchor);
  await page.waitForFunction((id) => document.getElementById(id)?.checkVisibility() === true, {}, anchor);
  expect(await visibleRows(page)).toContain(anchor);
  const inView = await page.$eval(`[id="${anchor}"]`, (row) => {
    const box = row.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight;
  });
  expect(inView).toBe(true);
}

/** On a phone's viewport nothing is wider than the screen. */
async function checkPhone(page: Page, name: string): Promise<void> {
  expect(await page.$eval('meta[name="viewport"]', (meta) => meta.getAttribute('content'))).toBe('width=device-width, initial-scale=1');
  await page.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true });
  await page.reload({ waitUntil: 'load' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: join(OUT, `${name}-phone.png`) });
}

describeIntegration('the HTML report in headless chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    // Root in CI: chromium's sandbox cannot run as root, hence --no-sandbox (the page is our own file).
    browser = await puppeteer.launch({ executablePath: inject('specdriftChromium'), headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], timeout: 60_000, protocolTimeout: 60_000 });
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('diff report: filters, search, deep link, phone; no errors, no network', async () => {
    const report = (await runDiffPipeline(await loadSpec(fixture('v0.0.40.json')), await loadSpec(fixture('v0.0.41.json')))).report;
    const { changes } = JSON.parse(renderReport(report, 'json', options)) as DiffReport;
    expect(changes).toHaveLength(14);
    const { page, problems } = await open(browser, 'diff-report', renderReport(report, 'html', options));
    await checkFilters(page, changes);
    await page.screenshot({ path: join(OUT, 'diff-report.png'), fullPage: true });
    await checkDeepLink(page, `c-${changes.at(-1)!.fingerprint}`);
    await checkPhone(page, 'diff-report');
    expect(problems).toEqual([]);
  }, 120_000);

  it('changelog range (v0.0.40 → v0.0.41 → v0.0.42 fixtures): every step filtered together, deep links into a step', async () => {
    const steps = await runChangelogRange([fixture('v0.0.40.json'), fixture('v0.0.41.json'), fixture('v0.0.42.json')], loadSpec, {});
    const changes = steps.flatMap((step) => step.report!.changes);
    const { page, problems } = await open(browser, 'changelog-range', renderRange(steps, 'html', { ...options, groupBy: 'resource' }));
    expect(await page.$$eval('details.box > summary > h2', (hs) => hs.map((h) => h.textContent))).toEqual(['v0.0.41 → v0.0.42', 'v0.0.40 → v0.0.41']);
    await checkFilters(page, changes);
    await page.screenshot({ path: join(OUT, 'changelog-range.png'), fullPage: true });
    // Step 1 (v0.0.40 → v0.0.41) is listed second; its rows' ids carry its number.
    await checkDeepLink(page, `1-c-${steps[0].report!.changes[0].fingerprint}`);
    await checkPhone(page, 'changelog-range');
    expect(problems).toEqual([]);
  }, 120_000);

  it('changelog of the real v0.0.41 → v0.0.42 specs', async () => {
    const dir = inject('specdriftRealSpecs');
    const report = (await runDiffPipeline(await loadSpec(join(dir, '24.11/v0.0.41.json')), await loadSpec(join(dir, '24.11/v0.0.42.json')))).report;
    const { changes } = JSON.parse(renderReport(report, 'json', options)) as DiffReport;
    const { page, problems } = await open(browser, 'changelog-real', renderReport(report, 'html', { ...options, groupBy: 'resource' }));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Slurm REST API v0.0.41 → v0.0.42');
    await checkFilters(page, changes);
    await page.screenshot({ path: join(OUT, 'changelog-real.png') });
    await checkDeepLink(page, `c-${changes[Math.floor(changes.length / 2)].fingerprint}`);
    expect(problems).toEqual([]);
  }, 120_000);

  it('compat report: the same shell; filters by status and by generator, deep link to an entry', async () => {
    const { page, problems } = await open(browser, 'compat-report', renderCompatReport(compatReport, 'html'));
    const entries = 'li[data-level]';
    // By hand from the sample: not passing (alpha fail, beta not compiled, gamma unavailable), one spec problem, one finding.
    expect(await page.$$eval(entries, (all) => all.map((li) => li.getAttribute('data-level')))).toEqual(['fail', 'not-compiled', 'unavailable', 'spec problem', 'warning']);
    await page.select('#filter-level', 'warning');
    expect(await visibleRows(page, entries)).toEqual(['finding-1']);
    await page.select('#filter-level', '');
    await page.select('#filter-rule', 'beta');
    expect(await visibleRows(page, entries)).toEqual(['not-passing-2']);
    await page.select('#filter-rule', '');
    await page.type('#filter-search', 'java not found');
    expect(await visibleRows(page, entries)).toEqual(['not-passing-3']);
    await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = false)));
    await page.evaluate(() => void (location.hash = 'spec-problem-1'));
    await page.waitForFunction(() => document.getElementById('spec-problem-1')?.checkVisibility() === true);
    await page.screenshot({ path: join(OUT, 'compat-report.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 120_000);
});
