#!/usr/bin/env node
// Benchmark (issue 12): every speed goal is a row with its measure, the reference named in the goal, the ratio and
// ✓/✗, all measured in this one run; peers (JSON.parse floor, json-diff, jsondiffpatch, api-smart-diff) beside them.
// Each command runs in its own process under GNU time (peak RSS, CPU); medians of --runs (default 3; start-up 7).
// The load average is printed at start and end: on a shared machine read the ratios, and discard a noisy run.
// Prints; never asserts (speed goals are read here, not in unit tests).
//   npm run bench [-- --runs N] [--quick] [--scale] [--compat] [--only startup,slurm,github,scale,yaml,validate,load,serve,changelog,compat]
// `--scale` adds the 4× / 16× synthetic GitHub pairs (minutes); `--compat` the compat cold/cached rows (network).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache', 'bench');
mkdirSync(cache, { recursive: true });
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || (argv.includes('--quick') ? 1 : 3);
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : undefined;
const wants = (section, byDefault = true) => (only ? only.includes(section) : byDefault);
const timeLimitS = 600;
const BIN = join(root, 'bin', 'specdrift.js');
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// The load section (serve and proxy under autocannon) is bench/load.mjs; `--only load` runs just that.
if (wants('load')) await (await import('./load.mjs')).runLoad(root, argv);
// `serve` with and without --handlers beside Prism (start-up, req/s, p99; issue 15): bench/serve-handlers.mjs.
if (wants('serve')) await (await import('./serve-handlers.mjs')).runServeHandlers(root, argv);
if (only?.every((o) => o === 'load' || o === 'serve')) process.exit(0);

console.log(`\nspecdrift benchmark — ${runs} run(s) per cell, medians; node ${process.version}; ${new Date().toISOString()}`);
console.log(`load average at start: ${load()}`);

/** One process under GNU time: wall (s), cpu (user + sys, s), peak RSS (MB); `ok` decides which exit codes are fine. */
function once(command, args, ok = (status) => status === 0, env = process.env) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', command, ...args], { encoding: 'utf8', timeout: timeLimitS * 1000, maxBuffer: 256 << 20, env });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error || !ok(r.status)) return { error: r.error?.code ?? `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ')}` };
  const [user, sys, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: user + sys, rssMb: rssKb / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
function measure(command, args, { n = runs, ok, env } = {}) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const m = once(command, args, ok, env);
    if (m.error) return m;
    samples.push(m);
  }
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rssMb: median(samples.map((s) => s.rssMb)), stdout: samples[0].stdout };
}

const node = (script, ...args) => [process.execPath, ['--max-old-space-size=4096', script, ...args]];
const specdrift = (...args) => [process.execPath, ['--max-old-space-size=4096', BIN, ...args]];
const diffArgs = (a, b) => ['diff', a, b, '--format', 'json', '-o', '/dev/null', '--fail-on', 'none'];
const tool = (name) => join(root, 'bench', 'tools', name);

/** Goal rows, printed together at the end: what, measured, reference, ratio, goal, ✓/✗. */
const goals = [];
function goal(what, ours, ref, refName, limit, kind = 'wall') {
  if (ours?.error || ref?.error || !ours || !ref) {
    goals.push(`| ${what} | ${ours?.error ?? '–'} | ${refName}: ${ref?.error ?? '–'} | | | ≤ ${limit}× | ✗ (failed) |`);
    return;
  }
  const value = kind === 'rss' ? ours.rssMb : ours.wall;
  const base = kind === 'rss' ? ref.rssMb : ref.wall;
  const ratio = value / base;
  const fmt = (v) => (kind === 'rss' ? `${v.toFixed(0)} MB` : `${v.toFixed(3)} s`);
  // CPU seconds beside wall time: on a loaded machine they move less (a reader's check, not the goal).
  const cpu = kind === 'rss' ? '' : `${(ours.cpu / ref.cpu).toFixed(2)}×`;
  goals.push(`| ${what} | ${fmt(value)} | ${refName} ${fmt(base)} | ${ratio.toFixed(2)}× | ${cpu} | ≤ ${limit}× | ${ratio <= limit ? '✓' : '✗'} |`);
}
function absoluteGoal(what, ours, limitS) {
  if (ours.error) goals.push(`| ${what} | ${ours.error} | | | | ≤ ${limitS} s | ✗ (failed) |`);
  else goals.push(`| ${what} | ${ours.wall.toFixed(3)} s | (absolute) | | | ≤ ${limitS} s | ${ours.wall <= limitS ? '✓' : '✗'} |`);
}

function table(title, results) {
  console.log(`\n## ${title}`);
  console.log('| command | wall s | cpu s | peak RSS MB |');
  console.log('|---|---:|---:|---:|');
  for (const [name, r] of Object.entries(results)) {
    if (r.error) console.log(`| ${name} | failed: ${r.error} | | |`);
    else console.log(`| ${name} | ${r.wall.toFixed(3)} | ${r.cpu.toFixed(2)} | ${r.rssMb.toFixed(0)} |`);
  }
}

// --- start-up ------------------------------------------------------------------------------------------------
if (wants('startup')) {
  const n = Math.max(runs, 7);
  const tiny = join(cache, 'tiny.json');
  writeFileSync(tiny, JSON.stringify({ openapi: '3.0.3', info: { title: 'tiny', version: '1' }, paths: {} }));
  // A CA bundle in NODE_EXTRA_CA_CERTS (this machine has one) is parsed by every node start, ~0.08 s of CPU before
  // any script runs: not part of what the goal measures, so these rows run without it (none of them uses the network).
  const env = { ...process.env };
  const extraCa = env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_EXTRA_CA_CERTS;
  const results = {
    'node -e 0 (node start)': measure(process.execPath, ['-e', '0'], { n, env }),
    'specdrift --version': measure(...specdrift('--version'), { n, env }),
    'specdrift --help': measure(...specdrift('--help'), { n, env }),
    'specdrift diff tiny tiny': measure(...specdrift(...diffArgs(tiny, tiny)), { n, env }),
  };
  table(`start-up (${n} runs each${extraCa ? '; NODE_EXTRA_CA_CERTS unset for these rows' : ''})`, results);
  absoluteGoal('start-up: `specdrift --help`', results['specdrift --help'], 0.08);
  // On a loaded machine node's own start eats the budget: the part that is ours, against the same goal less node's 0.04 s.
  const nodeStart = results['node -e 0 (node start)'];
  for (const cmd of ['--help', '--version']) {
    const r = results[`specdrift ${cmd}`];
    if (!r.error && !nodeStart.error) goals.push(`| start-up: \`specdrift ${cmd}\` less node start | ${(r.wall - nodeStart.wall).toFixed(3)} s | node -e 0 ${nodeStart.wall.toFixed(3)} s | | cpu +${(r.cpu - nodeStart.cpu).toFixed(2)} s | ≤ 0.04 s | ${r.wall - nodeStart.wall <= 0.04 ? '✓' : '✗'} |`);
  }
  absoluteGoal('start-up: `specdrift --version`', results['specdrift --version'], 0.08);
  // A diff of a 100-byte spec with itself: everything before the first spec byte is read, plus a trivial diff.
  const tinyDiff = results['specdrift diff tiny tiny'];
  if (!tinyDiff.error && !nodeStart.error) goals.push(`| start-up: \`specdrift diff tiny tiny\` (≥ time to the first spec byte) less node start | ${(tinyDiff.wall - nodeStart.wall).toFixed(3)} s | node -e 0 ${nodeStart.wall.toFixed(3)} s | | cpu +${(tinyDiff.cpu - nodeStart.cpu).toFixed(2)} s | ≤ 0.04 s | ${tinyDiff.wall - nodeStart.wall <= 0.04 ? '✓' : '✗'} |`);
  // The goal's own measure, where strace is installed: from the process's execve to its first open() of the spec,
  // against node -e 0 from execve to exit, both traced (strace's overhead on both sides).
  if (existsSync('/usr/bin/strace')) {
    const traced = (args) => {
      const samples = [];
      for (let i = 0; i < n; i++) {
        const log = join(cache, 'strace.txt');
        const r = spawnSync('/usr/bin/strace', ['-f', '-ttt', '-e', 'trace=execve,openat,exit_group', '-o', log, process.execPath, ...args], { env, encoding: 'utf8', timeout: 60_000 });
        if (r.status !== 0) return undefined;
        const lines = readFileSync(log, 'utf8').split('\n');
        const at = (line) => Number(line.split(/\s+/)[1]);
        const start = at(lines[0]);
        const firstByte = lines.find((line) => line.includes(`"${tiny}"`) && line.includes('openat('));
        const exit = lines.find((line) => line.includes('exit_group('));
        samples.push((firstByte ? at(firstByte) : at(exit)) - start);
      }
      return median(samples);
    };
    const toFirstByte = traced([BIN, ...diffArgs(tiny, tiny)]);
    const nodeAlone = traced(['-e', '0']);
    if (toFirstByte !== undefined && nodeAlone !== undefined) {
      console.log(`\nstrace, ${n} runs each (medians): execve → first open() of the spec ${toFirstByte.toFixed(3)} s; node -e 0 execve → exit ${nodeAlone.toFixed(3)} s`);
      goals.push(`| start-up: time to the first spec byte (\`diff tiny tiny\`, strace) less node start | ${(toFirstByte - nodeAlone).toFixed(3)} s | node -e 0 ${nodeAlone.toFixed(3)} s | | | ≤ 0.04 s | ${toFirstByte - nodeAlone <= 0.04 ? '✓' : '✗'} |`);
    }
  }
}

// --- diff pairs against peers -----------------------------------------------------------------------------
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

const PEERS = [
  ['JSON.parse floor', 'floor.mjs'],
  ['json-diff', 'json-diff.mjs'],
  ['jsondiffpatch', 'jsondiffpatch.mjs'],
  ['api-smart-diff', 'api-smart-diff.mjs'],
];

function pairResults(name, oldPath, newPath, peerNew, peers = PEERS.map(([p]) => p)) {
  const results = {};
  results['specdrift diff'] = measure(...specdrift(...diffArgs(oldPath, newPath)));
  for (const [peer, script] of PEERS) if (peers.includes(peer)) results[peer] = measure(...node(tool(script), oldPath, peerNew));
  table(name, results);
  return results;
}

const realDir = process.env.SPECDRIFT_REAL_SPECS ?? join(root, '.cache', 'slurm-specs');
const slurmOld = join(realDir, '24.11/v0.0.40.json');
const slurmNew = join(realDir, '24.11/v0.0.41.json');
if (wants('slurm')) {
  if (existsSync(slurmOld)) {
    const r = pairResults('slurm v0.0.40→v0.0.41 (real, 24.11)', slurmOld, slurmNew, textMasked(slurmNew, '0.0.41', '0.0.40', 'slurm-v41-sed.json'));
    goal('real Slurm v0.0.40→v0.0.41 vs json-diff (wall)', r['specdrift diff'], r['json-diff'], 'json-diff', 1);
  } else console.log('\nnote: real Slurm specs missing (run scripts/slurm-specs.sh as root); skipping that pair');
}

let github;
if (wants('github') || wants('validate') || wants('scale', false) || argv.includes('--scale')) {
  try {
    github = OCTOKIT.map(githubSpec);
  } catch (err) {
    console.log(`\nnote: cannot fetch @octokit/openapi from the npm registry (${err.message.split('\n')[0]}); skipping the GitHub pairs`);
  }
}
if (github && wants('github')) {
  const r = pairResults(`github REST @octokit/openapi ${OCTOKIT.join('→')}`, github[0], github[1], github[1]);
  goal('GitHub pair vs JSON.parse floor (wall)', r['specdrift diff'], r['JSON.parse floor'], 'floor', 2);
  goal('GitHub pair vs JSON.parse floor (peak RSS)', r['specdrift diff'], r['JSON.parse floor'], 'floor', 1.3, 'rss');
}
if (github && (argv.includes('--scale') || only?.includes('scale'))) {
  for (const n of [4, 16]) {
    const [a, b] = github.map((path, i) => {
      const out = join(cache, `github-${OCTOKIT[i]}-x${n}.json`);
      if (!existsSync(out)) execFileSync(process.execPath, [tool('gen-scaled.mjs'), path, out, String(n)], { stdio: 'inherit' });
      return out;
    });
    const mb = (readFileSync(a).length / 1024 / 1024).toFixed(0);
    const r = pairResults(`github ${n}× synthetic (bench/tools/gen-scaled.mjs, ${mb} MB per side)`, a, b, b, ['JSON.parse floor']);
    goal(`GitHub ${n}× pair vs floor (wall)`, r['specdrift diff'], r['JSON.parse floor'], 'floor', 2);
    goal(`GitHub ${n}× pair vs floor (peak RSS)`, r['specdrift diff'], r['JSON.parse floor'], 'floor', n === 16 ? 1.5 : 1.3, 'rss');
  }
}

// --- YAML vs JSON: the same documents, diffed as YAML and as JSON ----------------------------------------
if (wants('yaml')) {
  const sources = existsSync(slurmOld) ? [slurmOld, slurmNew] : [join(root, 'fixtures/slurm-like/v0.0.40.json'), join(root, 'fixtures/slurm-like/v0.0.41.json')];
  const { stringify } = await import('yaml');
  const yamlPaths = sources.map((path) => {
    const out = join(cache, `${path.split('/').slice(-2).join('-').replace(/\.json$/, '')}.yaml`);
    if (!existsSync(out)) writeFileSync(out, stringify(JSON.parse(readFileSync(path, 'utf8'))));
    return out;
  });
  const results = {
    'specdrift diff (JSON)': measure(...specdrift(...diffArgs(...sources))),
    'specdrift diff (YAML)': measure(...specdrift(...diffArgs(...yamlPaths))),
  };
  table(`YAML vs JSON (${sources.map((s) => s.split('/').pop()).join(' → ')}, converted by bench)`, results);
  goal('same pair as YAML vs as JSON (wall)', results['specdrift diff (YAML)'], results['specdrift diff (JSON)'], 'JSON', 1.3);
}

// --- validate --------------------------------------------------------------------------------------------
if (wants('validate')) {
  const spec = join(cache, 'invalid-10mb.json');
  if (!existsSync(spec)) execFileSync(process.execPath, [tool('gen-invalid-spec.mjs'), spec], { stdio: 'inherit' });
  // Exit 1: the spec has errors, which is the point.
  const results = { 'specdrift validate (generated 10 MB, errors)': measure(...specdrift('validate', spec), { ok: (s) => s === 1 }) };
  if (github) results['specdrift validate (GitHub 19.0.0)'] = measure(...specdrift('validate', github[1]), { ok: (s) => s === 0 || s === 1 });
  table('validate (no goal in issue 12; for comparison between runs)', results);
}

// --- changelog over a version range, compat ----------------------------------------------------------------
// Issue 12: `changelog` over 5 versions (two 22.05 slices, then the real 24.11 v0.0.40 … v0.0.42) ≤ 1.5× the
// slowest single step. The 22.05 document holds several versions: bench slices v0.0.37 and v0.0.38 out of it once.
if (wants('changelog')) {
  const s2205 = join(realDir, '22.05/openapi.json');
  const real = ['24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.42.json'].map((p) => join(realDir, p));
  if ([s2205, ...real].every(existsSync)) {
    const slices = ['37', '38'].map((v) => {
      const out = join(cache, `slurm-22.05-v0.0.${v}.json`);
      if (!existsSync(out)) execFileSync(process.execPath, [BIN, 'slice', s2205, '--version', `v0.0.${v}`, '-o', out], { stdio: 'inherit' });
      return out;
    });
    const versions = [...slices, ...real];
    const results = {};
    for (let i = 0; i + 1 < versions.length; i++) {
      const name = (p) => p.split('/').pop().replace(/^slurm-22\.05-/, '22.05 ').replace(/\.json$/, '');
      results[`changelog ${name(versions[i])} → ${name(versions[i + 1])}`] = measure(...specdrift('changelog', versions[i], versions[i + 1], '-o', '/dev/null'));
    }
    const steps = Object.values(results);
    results[`changelog over all ${versions.length} versions (one run)`] = measure(...specdrift('changelog', ...versions, '-o', '/dev/null'));
    table(`changelog: each step, then the range in one run (${versions.length} versions)`, results);
    const failed = steps.find((r) => r.error);
    const slowest = failed ?? steps.reduce((a, b) => (b.wall > a.wall ? b : a));
    goal(`changelog over ${versions.length} versions vs slowest single step (wall)`, results[`changelog over all ${versions.length} versions (one run)`], slowest, 'slowest step', 1.5);
  } else console.log('\nnote: real Slurm specs missing (scripts/slurm-specs.sh); skipping the changelog rows');
}
if (argv.includes('--compat') || only?.includes('compat')) {
  const dir = mkdtempSync(join(tmpdir(), 'specdrift-bench-compat-'));
  const args = ['compat', join(root, 'fixtures/slurm-like/v0.0.41.json'), '-g', 'all', '-q', '--out', join(dir, 'out'), '--cache-dir', join(dir, 'cache'), '-f', 'json'];
  const anyExit = { ok: (s) => s !== null && s !== undefined };
  const results = { 'compat cold (empty cache)': measure(...specdrift(...args), { n: 1, ...anyExit }), 'compat cached': measure(...specdrift(...args), { n: 1, ...anyExit }) };
  table('compat on the fixture spec × all generator targets', results);
  absoluteGoal('compat cold', results['compat cold (empty cache)'], 60);
  absoluteGoal('compat cached', results['compat cached'], 5);
  rmSync(dir, { recursive: true, force: true });
}

console.log('\n## goals (issue 12)');
console.log('| goal | measured | reference | wall ratio | cpu ratio | goal | |');
console.log('|---|---:|---|---:|---:|---|---|');
for (const row of goals) console.log(row);
console.log(`\nload average at end: ${load()}`);
