/**
 * Regenerates the compat matrices and times quoted in the docs from ONE run, so the docs say what the matrix says.
 *   npx tsx scripts/gen-compat-matrices.ts [--check] [--cache-dir DIR]
 * Each matrix sits in a doc between `<!-- compat-matrix:NAME:start -->` and `<!-- compat-matrix:NAME:end -->`. Every
 * matrix is run twice with the CLI: first with `--no-cache` (generate + compile + call), then again from the cache;
 * its block gets the second run's matrix and totals. The `compat-matrix:times` block gets both wall times per matrix,
 * the date, the machine's cores and `uptime`'s load average at the start and the end of the whole run, because
 * timings in the docs must come from a stated run. `--check` writes nothing and exits 1 when a block differs in its
 * cells (timings and load aside). Slow: every generator runs, twice (about 15 min on 2 loaded cores).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Matrix {
  name: string;
  doc: string;
  /** CLI arguments after `specdrift compat`. */
  args: string[];
}

/** The matrices the docs quote. */
export const MATRICES: readonly Matrix[] = [
  { name: 'slurm-like', doc: 'docs/compat.md', args: ['fixtures/slurm-like/v0.0.41.json'] },
  { name: 'planted-defects', doc: 'docs/compat.md', args: ['fixtures/compat/planted-defects.json', '--patch', 'all'] },
  { name: 'planted-defects-no-unions', doc: 'docs/compat.md', args: ['fixtures/compat/planted-defects-no-unions.json', '--patch', 'all', '-g', 'go', 'java'] },
];
const TIMES = { name: 'times', doc: 'docs/compat.md' };

const markers = (name: string) => [`<!-- compat-matrix:${name}:start -->`, `<!-- compat-matrix:${name}:end -->`] as const;

/** The matrix and generator totals of a text report (the rest is listed in the doc's prose). */
export function matrixBlock(report: string): string {
  const lines = report.split('\n');
  const start = lines.findIndex((l) => l.startsWith('Matrix'));
  const end = lines.findIndex((l, i) => i > start && /^(Not passing|Variant calls|Scenario|Spec problems)/.test(l));
  return lines.slice(start, end === -1 ? undefined : end).join('\n').trimEnd();
}

/** Cells only: timings ("1.4 s (cached)") and the run line left out, for --check. */
const cellsOf = (block: string) => block.split('\n').filter((l) => !l.startsWith('Run:')).map((l) => l.replace(/\d+(\.\d+)? (s|ms)( \(cached\))?/g, 'T')).join('\n');

const load = () => loadavg().map((l) => l.toFixed(1)).join(', ');

function run(m: Matrix, cacheDir: string, extra: string[]): { text: string; seconds: number } {
  const args = ['bin/specdrift.js', 'compat', ...m.args, ...extra, '-q', '--cache-dir', cacheDir, '--out', join(REPO, '.cache', 'matrix-clients'), '--no-color'];
  const started = Date.now();
  let text: string;
  try {
    text = execFileSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; status?: number };
    if (e.stdout === undefined || e.stdout === '') throw error;
    text = e.stdout; // --fail-on none is the default, so a non-zero exit is a real failure; keep what was printed
  }
  return { text, seconds: (Date.now() - started) / 1000 };
}

function replaceBlock(docText: string, docName: string, name: string, block: string): { text: string; old: string } {
  const [open, close] = markers(name);
  const from = docText.indexOf(open);
  const to = docText.indexOf(close);
  if (from === -1 || to < from) throw new Error(`${docName}: no ${open} … ${close} block`);
  return { text: `${docText.slice(0, from + open.length)}\n${block}\n${docText.slice(to)}`, old: docText.slice(from + open.length, to).trim() };
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const cacheAt = argv.indexOf('--cache-dir');
  const cacheDir = resolve(cacheAt === -1 ? join(REPO, '.cache', 'matrix-cache') : argv[cacheAt + 1]);
  const date = new Date().toISOString().slice(0, 10);
  const startLoad = load();
  const started = Date.now();
  const results = MATRICES.map((m) => {
    process.stderr.write(`${m.name}: first run (--no-cache)…\n`);
    const cold = run(m, cacheDir, ['--no-cache']);
    process.stderr.write(`${m.name}: ${cold.seconds.toFixed(1)} s; second run (cached)…\n`);
    const warm = run(m, cacheDir, []);
    process.stderr.write(`${m.name}: ${warm.seconds.toFixed(1)} s\n`);
    return { m, cold, warm };
  });
  const endLoad = load();
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);

  let differs = 0;
  const docs = new Map<string, string>();
  const read = (name: string) => docs.get(name) ?? readFileSync(join(REPO, name), 'utf8');
  for (const { m, warm } of results) {
    const block = ['```text', `Run: specdrift compat ${m.args.join(' ')} (second run of the ${date} run below)`, matrixBlock(warm.text), '```'].join('\n');
    const { text, old } = replaceBlock(read(m.doc), m.doc, m.name, block);
    if (check && cellsOf(old) !== cellsOf(block)) {
      differs++;
      process.stderr.write(`${m.doc}: matrix ${m.name} differs from a run now; regenerate with npx tsx scripts/gen-compat-matrices.ts\n`);
    }
    docs.set(m.doc, text);
  }
  const table = [
    `One run of \`npx tsx scripts/gen-compat-matrices.ts\` on ${date}, ${minutes} min in all, ${cpus().length} cores shared with`,
    `other work: \`uptime\` load average ${startLoad} at the start and ${endLoad} at the end. Each matrix ran twice with the`,
    'CLI, built-in server: first with `--no-cache` (every client generated and compiled again), then from the cache.',
    '',
    '| matrix (`specdrift compat …`) | first run (generate + compile + call) | second run (cached) |',
    '|---|---:|---:|',
    ...results.map(({ m, cold, warm }) => `| \`${m.args.join(' ')}\` | ${cold.seconds.toFixed(1)} s | ${warm.seconds.toFixed(1)} s |`),
  ].join('\n');
  docs.set(TIMES.doc, replaceBlock(read(TIMES.doc), TIMES.doc, TIMES.name, table).text);
  if (check) return differs > 0 ? 1 : 0;
  for (const [name, text] of docs) {
    writeFileSync(join(REPO, name), text);
    process.stderr.write(`${name}: written\n`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  process.exitCode = main(process.argv.slice(2));
}
