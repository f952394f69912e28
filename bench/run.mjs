#!/usr/bin/env node
// Benchmark: wall time and peak RSS of `specdrift diff` against peers, all measured in this one run.
// Also: `specdrift validate` on a generated ~10 MB spec full of errors (`--only validate` runs just that case).
// Each tool runs in its own process under GNU time (peak RSS); medians of --runs (default 3).
// Prints ratios; never asserts (speed goals are read here, not in unit tests).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'bench');
mkdirSync(cache, { recursive: true });
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || (argv.includes('--quick') ? 1 : 3);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const timeLimitS = 300;

// The load section (serve and proxy under autocannon) is bench/load.mjs; `--only load` runs just that.
if (!only || only.includes('load')) await (await import('./load.mjs')).runLoad(root, argv);
if (only?.every((o) => o === 'load')) process.exit(0);

const OCTOKIT = ['17.0.0', '19.0.0'];

/** @octokit/openapi ships GitHub's REST spec; fetched from the npm registry once into .cache/bench. */
function githubSpec(version) {
  const out = join(cache, `github-${version}.json`);
  if (!existsSync(out)) {
    const dir = join(cache, `octokit-${version}`);
    mkdirSync(dir, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `@octokit/openapi@${version}`, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', tgz, 'package/generated/api.github.com.json'], { cwd: dir });
    writeFileSync(out, readFileSync(join(dir, 'package/generated/api.github.com.json')));
  }
  return out;
}

/** Peers get the seed's text view: `sed s/0.0.41/0.0.40/g; s/0041/0040/g` on the raw text. */
function textMasked(path, from, to, name) {
  const out = join(cache, name);
  const text = readFileSync(path, 'utf8').replaceAll(from, to).replaceAll(from.replaceAll('.', ''), to.replaceAll('.', ''));
  writeFileSync(out, text);
  return out;
}

const realDir = process.env.SPECDRIFT_REAL_SPECS ?? join(root, '.cache', 'slurm-specs');
const pairs = [];
// `--only validate` runs just the validate case below: no diff pairs to prepare.
if (!only || only.some((o) => o !== 'validate')) {
  if (existsSync(join(realDir, '24.11/v0.0.40.json'))) {
    const oldPath = join(realDir, '24.11/v0.0.40.json');
    pairs.push({ name: 'slurm v0.0.40→v0.0.41 (real, 24.11)', old: oldPath, new: join(realDir, '24.11/v0.0.41.json'), peerNew: textMasked(join(realDir, '24.11/v0.0.41.json'), '0.0.41', '0.0.40', 'slurm-v41-sed.json') });
  } else console.log('note: real Slurm specs missing (run scripts/slurm-specs.sh as root); skipping that pair');
  try {
    const [a, b] = OCTOKIT.map(githubSpec);
    pairs.push({ name: `github REST @octokit/openapi ${OCTOKIT.join('→')}`, old: a, new: b, peerNew: b });
  } catch (err) {
    console.log(`note: cannot fetch @octokit/openapi from the npm registry (${err.message.split('\n')[0]}); skipping that pair`);
  }
}

const tools = [
  { name: 'JSON.parse floor', script: 'floor.mjs', peer: true },
  { name: 'specdrift diff', script: 'specdrift.mjs', peer: false },
  { name: 'json-diff', script: 'json-diff.mjs', peer: true },
  { name: 'jsondiffpatch', script: 'jsondiffpatch.mjs', peer: true },
  { name: 'api-smart-diff', script: 'api-smart-diff.mjs', peer: true },
].filter((t) => !only || only.some((o) => t.name.includes(o)));

function measure(tool, a, b) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--max-old-space-size=4096', join(root, 'bench/tools', tool.script), a, b], {
    encoding: 'utf8',
    timeout: timeLimitS * 1000,
    maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error || r.status !== 0) return { wall: NaN, rssMb: NaN, error: r.error?.code ?? `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}` };
  const rssKb = Number(r.stderr.trim().split('\n').pop());
  return { wall, rssMb: rssKb / 1024 };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`specdrift benchmark — ${runs} run(s) per cell, medians; node ${process.version}; ${new Date().toISOString()}`);
for (const pair of tools.length > 0 ? pairs : []) {
  console.log(`\n## ${pair.name}`);
  const results = {};
  for (const tool of tools) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const m = measure(tool, pair.old, tool.peer ? pair.peerNew : pair.new);
      samples.push(m);
      if (m.error) break;
    }
    const failed = samples.find((s) => s.error);
    results[tool.name] = failed ? { error: failed.error } : { wall: median(samples.map((s) => s.wall)), rssMb: median(samples.map((s) => s.rssMb)) };
  }
  const ours = results['specdrift diff'];
  console.log('| tool | wall s | peak RSS MB | specdrift wall ÷ tool wall |');
  console.log('|---|---:|---:|---:|');
  for (const [name, r] of Object.entries(results)) {
    if (r.error) console.log(`| ${name} | failed: ${r.error} | | |`);
    else console.log(`| ${name} | ${r.wall.toFixed(2)} | ${r.rssMb.toFixed(0)} | ${ours && !ours.error ? (ours.wall / r.wall).toFixed(2) : '–'} |`);
  }
  const floor = results['JSON.parse floor'];
  if (ours && !ours.error && floor && !floor.error) console.log(`specdrift = ${(ours.wall / floor.wall).toFixed(2)}× the JSON.parse floor, peak ${ours.rssMb.toFixed(0)} MB`);
}

// validate at scale (issue 9 item 13): a generated ~10 MB spec with tens of thousands of errors, through the real CLI.
if (!only || only.includes('validate')) {
  const spec = join(cache, 'invalid-10mb.json');
  if (!existsSync(spec)) execFileSync(process.execPath, [join(root, 'bench/tools/gen-invalid-spec.mjs'), spec], { stdio: 'inherit' });
  const samples = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, join(root, 'bin/specdrift.js'), 'validate', spec], { encoding: 'utf8', timeout: timeLimitS * 1000, maxBuffer: 256 << 20 });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    // Exit 1: the spec has errors, which is the point.
    if (r.error || r.status !== 1) {
      samples.push({ error: r.error?.code ?? `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}` });
      break;
    }
    summary = r.stdout.trim().split('\n').pop().replace(/^.*: /, '');
    const [user, sys, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    samples.push({ wall, cpu: user + sys, rssMb: rssKb / 1024 });
  }
  const mb = (readFileSync(spec).length / 1024 / 1024).toFixed(1);
  console.log(`\n## specdrift validate, generated ${mb} MB spec (bench/tools/gen-invalid-spec.mjs)`);
  // CPU seconds (user + sys) next to wall time: on a shared machine the wall time mostly measures the others' load.
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| command | wall s | cpu s | peak RSS MB | findings |');
  console.log('|---|---:|---:|---:|---|');
  const failed = samples.find((s) => s.error);
  if (failed) console.log(`| specdrift validate | failed: ${failed.error} | | | |`);
  else console.log(`| specdrift validate | ${median(samples.map((s) => s.wall)).toFixed(2)} | ${median(samples.map((s) => s.cpu)).toFixed(2)} | ${median(samples.map((s) => s.rssMb)).toFixed(0)} | ${summary} |`);
}
