/**
 * Writes docs/formats.md: the prose of scripts/formats-doc.src.md with every `@@OUTPUT format [flags]@@` replaced
 * by the real output of this build on fixtures/release-notes/{old,new}.yaml (with fixtures/release-notes/accept.yaml).
 * Run from anywhere: npx tsx scripts/gen-formats-doc.ts
 * test/diff/formats/formats-doc.test.ts fails when the committed file differs from renderFormatsDoc().
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isFormat, renderReport, summaryLine, type Format, type GroupBy } from '../src/diff/formats/index.js';
import { ALL_RULES } from '../src/diff/rules/index.js';
import { runDiffPipeline } from '../src/pipeline/diff.js';
import { loadSpec } from '../src/source/load.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const FORMATS_DOC_PATH = join(ROOT, 'docs', 'formats.md');
const SOURCE_PATH = join(ROOT, 'scripts', 'formats-doc.src.md');

/** Relative to the repository root, so the page is the same on every machine (the command runs from the root). */
const OLD = 'fixtures/release-notes/old.yaml';
const NEW = 'fixtures/release-notes/new.yaml';
const ACCEPT = 'fixtures/release-notes/accept.yaml';
/** The version printed in SARIF's tool.driver, fixed so a release does not make the page stale. */
const TOOL_VERSION = '0.0.0-docs';

const FENCE: Record<Format, string> = { text: 'text', json: 'json', yaml: 'yaml', markdown: 'markdown', html: 'html', junit: 'xml', sarif: 'json', github: 'text', singleline: 'text' };

/** The HTML page without its inline CSS and script (the same on every page, and long). */
const withoutShell = (html: string) =>
  html.replace(/<style>[\s\S]*?<\/style>/, (m) => `<style>/* ${m.length - 15} characters of inline CSS */</style>`).replace(/<script>[\s\S]*?<\/script>/, (m) => `<script>/* ${m.length - 17} characters of inline script: filters, search, deep links */</script>`);

/** A fence longer than any backtick run inside (the markdown output holds code spans). */
function fenced(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/**
 * The page, rendered in memory. Loads the fixtures relative to the repository root without changing the process's
 * working directory (vitest's worker threads, which Stryker's runner uses, cannot chdir); the accept list is read by
 * its absolute path, which the page then shows relative to the root, as the documented command would.
 */
export async function renderFormatsDoc(): Promise<string> {
  const { report } = await runDiffPipeline(await loadSpec(OLD, { cwd: ROOT }), await loadSpec(NEW, { cwd: ROOT }), { accept: [join(ROOT, ACCEPT)] });
  const render = (spec: string): string => {
    const [format, ...flags] = spec.split(' ');
    if (!isFormat(format)) throw new Error(`formats-doc.src.md: unknown format in @@OUTPUT ${spec}@@`);
    const groupBy = flags.includes('--group-by') ? (flags[flags.indexOf('--group-by') + 1] as GroupBy) : undefined;
    const output = renderReport(report, format, { color: false, rules: ALL_RULES, toolVersion: TOOL_VERSION, compact: flags.includes('--compact'), groupBy, maxChars: 65536 });
    return fenced(FENCE[format], (format === 'html' ? withoutShell(output) : output).replaceAll(`${ROOT}/`, ''));
  };
  const summary = summaryLine(report.summary).replaceAll(`${ROOT}/`, '');
  return readFileSync(SOURCE_PATH, 'utf8')
    .replace(/@@OUTPUT ([^@]+)@@/g, (_, spec: string) => render(spec))
    .replace('@@SUMMARY@@', summary)
    .replace('@@TOTAL@@', String(report.summary.total))
    .replace('@@COMMAND@@', `specdrift diff ${OLD} ${NEW} --accept ${ACCEPT} --format FORMAT`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(FORMATS_DOC_PATH, await renderFormatsDoc());
  process.stdout.write(`wrote ${FORMATS_DOC_PATH}\n`);
}
