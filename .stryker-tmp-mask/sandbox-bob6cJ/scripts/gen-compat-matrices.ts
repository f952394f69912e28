/**
 * Regenerates the compat matrices quoted in the docs from one run each, so the docs say what the matrix says.
 *   npx tsx scripts/gen-compat-matrices.ts [--check] [NAME…]
 * Each matrix sits in a doc between `<!-- compat-matrix:NAME:start -->` and `<!-- compat-matrix:NAME:end -->`; the
 * block gets the text report's matrix and totals, the command, the date and the machine's load (`uptime`), because
 * timings in the docs must come from a stated run. `--check` writes nothing and exits 1 when a block differs in its
 * cells (timings and load aside). Slow: every generator runs (cached clients are reused, see docs/generators.md).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
  { name: 'planted-defects', doc: 'docs/compat.md', args: ['fixtures/compat/planted-defects.json', '--patch', 'all'] },
];

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

function run(m: Matrix): string {
  const args = ['bin/specdrift.js', 'compat', ...m.args, '-q', '--out', join(REPO, '.cache', 'matrix-clients'), '--no-color'];
  let text: string;
  try {
    text = execFileSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stdout?: string; status?: number };
    if (e.stdout === undefined || e.stdout === '') throw error;
    text = e.stdout; // --fail-on none is the default, so a non-zero exit is a real failure; keep what was printed
  }
  const load = loadavg().map((l) => l.toFixed(1)).join(', ');
  return ['```text', `Run: specdrift compat ${m.args.join(' ')} (${new Date().toISOString().slice(0, 10)}, load average ${load})`, matrixBlock(text), '```'].join('\n');
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const names = argv.filter((a) => !a.startsWith('--'));
  let differs = 0;
  for (const m of MATRICES.filter((x) => names.length === 0 || names.includes(x.name))) {
    const file = join(REPO, m.doc);
    const doc = readFileSync(file, 'utf8');
    const [open, close] = markers(m.name);
    const from = doc.indexOf(open);
    const to = doc.indexOf(close);
    if (from === -1 || to < from) throw new Error(`${m.doc}: no ${open} … ${close} block`);
    const old = doc.slice(from + open.length, to).trim();
    const block = run(m);
    if (check) {
      if (cellsOf(old) !== cellsOf(block)) {
        differs++;
        process.stderr.write(`${m.doc}: matrix ${m.name} differs from a run now; regenerate with npx tsx scripts/gen-compat-matrices.ts ${m.name}\n`);
      }
      continue;
    }
    writeFileSync(file, `${doc.slice(0, from + open.length)}\n${block}\n${doc.slice(to)}`);
    process.stderr.write(`${m.doc}: matrix ${m.name} written\n`);
  }
  return differs > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  process.exitCode = main(process.argv.slice(2));
}
