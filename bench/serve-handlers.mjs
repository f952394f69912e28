#!/usr/bin/env node
// Bench: start-up time and req/s of `specdrift serve` without and with --handlers, beside Prism (`prism mock`, the
// mock server users compare with), on the farm-manager fixture (examples/farm-manager/impl.ts, loaded with tsx) and on
// the real slurmrestd v0.0.42 spec when SPECDRIFT_REAL_SPECS is set (a small .mjs handler for its ping).
// Start-up = from spawn until the first 2xx answer to the measured GET (polled every 25 ms), for every server alike.
// Load: autocannon on 127.0.0.1, bounded in time and count (--seconds, default 5; --connections, default 50;
// --max-requests, default 200000). Prism is installed on demand into .cache/bench/prism (never a dependency of the
// package); when that fails its rows say why and the bench goes on. Prints; never asserts.
// Run on its own: node bench/serve-handlers.mjs [--seconds N] [--connections N] [--max-requests N] [--no-prism];
// or `runServeHandlers(root, argv)` from run.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Prism release the issue measured against (5.14); its engines field asks for Node ≥ 18.20.1. */
const PRISM_VERSION = '5.14.2';

const flag = (argv, name, fallback) => {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** A port free right now on 127.0.0.1 (both servers get `-p PORT`, so start-up is measured the same way for both). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/** `prism` from .cache/bench/prism, installed there on first use; `{ error }` (one line) when that is not possible. */
function ensurePrism(root) {
  const dir = join(root, '.cache', 'bench', 'prism');
  const bin = join(dir, 'node_modules', '.bin', 'prism');
  if (!existsSync(bin)) {
    mkdirSync(dir, { recursive: true });
    console.log(`note: installing @stoplight/prism-cli@${PRISM_VERSION} into ${dir} (once)…`);
    const npm = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--loglevel=error', `@stoplight/prism-cli@${PRISM_VERSION}`], {
      encoding: 'utf8',
      timeout: 600_000,
    });
    if (npm.error || npm.status !== 0 || !existsSync(bin)) {
      return { error: `prism not installed (npm install @stoplight/prism-cli@${PRISM_VERSION}: ${npm.error?.code || (npm.stderr ?? '').trim().split('\n').pop() || `exit ${npm.status}`})` };
    }
  }
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (version.status !== 0) return { error: `prism does not run here: ${(version.stderr ?? '').trim().split('\n').pop() || version.error?.code || `exit ${version.status}`}` };
  return { bin, version: version.stdout.trim() };
}

/**
 * Spawn a server and poll `url` until it answers 2xx; resolves with the ms from spawn to that answer and stop().
 * Rejects (the row then says why) when the process exits or nothing answers 2xx within `limitMs`.
 */
function start(command, args, url, limitMs = 120_000) {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr = (stderr + c).slice(-4000)));
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => (clearTimeout(kill), done()));
      child.kill('SIGINT');
    });
  return new Promise((resolve, reject) => {
    let exited = false;
    child.once('exit', (code) => {
      exited = true;
      reject(new Error(`exited with ${code} before answering: ${stderr.trim().split('\n').pop() ?? ''}`));
    });
    const poll = async () => {
      if (exited) return;
      if (performance.now() - started > limitMs) {
        reject(new Error(`no 2xx answer from ${url} within ${limitMs / 1000} s`)); // (before stop(): its exit must not set the reason)
        return stop();
      }
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        if (response.ok) return resolve({ startMs: performance.now() - started, stop });
      } catch {
        // not listening yet
      }
      setTimeout(poll, 25);
    };
    poll();
  });
}

export async function runServeHandlers(root, argv = []) {
  const seconds = flag(argv, '--seconds', 5);
  const connections = flag(argv, '--connections', 50);
  const maxRequests = Math.max(flag(argv, '--max-requests', 200_000), connections);
  let autocannon;
  try {
    autocannon = (await import('autocannon')).default;
  } catch {
    console.log('note: autocannon is not installed; skipping serve --handlers');
    return;
  }
  const prism = argv.includes('--no-prism') ? { error: 'left out (--no-prism)' } : ensurePrism(root);
  const specdrift = (args) => (port) => [process.execPath, [join(root, 'bin/specdrift.js'), 'serve', ...args, '--port', String(port), '-q', '--no-auth']];
  const prismMock = (spec) => (port) => [prism.bin, ['mock', spec, '-h', '127.0.0.1', '-p', String(port)]];
  const farm = join(root, 'fixtures/farm-manager/openapi.yaml');
  const specs = [
    {
      spec: 'farm fixture',
      path: '/api/v1/jobs',
      cases: [
        { name: 'specdrift serve', command: specdrift([farm]) },
        { name: 'specdrift serve --handlers impl.ts', command: specdrift([farm, '--handlers', join(root, 'examples/farm-manager/impl.ts')]) },
        // Prism serves the paths as written, without the server URL's base path (/api/v1): the same operation.
        { name: `Prism ${PRISM_VERSION} mock`, command: prismMock(farm), prism: true, path: '/jobs' },
      ],
    },
  ];
  const realDir = process.env.SPECDRIFT_REAL_SPECS;
  const real = realDir ? join(realDir, '24.11/v0.0.42.json') : undefined;
  if (real && existsSync(real)) {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-bench-'));
    const handlers = join(dir, 'ping.mjs');
    writeFileSync(handlers, 'export const slurm_v0042_get_ping = (req, ctx) => ctx.sample();\n');
    specs.push({
      spec: 'slurm v0.0.42 (real)',
      path: '/slurm/v0.0.42/ping/',
      cases: [
        { name: 'specdrift serve', command: specdrift([real]) },
        { name: 'specdrift serve --handlers ping.mjs', command: specdrift([real, '--handlers', handlers]) },
        { name: `Prism ${PRISM_VERSION} mock`, command: prismMock(real), prism: true },
      ],
    });
  } else console.log(`note: ${real ?? 'SPECDRIFT_REAL_SPECS'} ${real ? 'missing' : 'not set'}; only the fixture`);

  console.log(
    `\n## serve (with and without --handlers) beside Prism: start-up to the first 2xx, then autocannon ${connections} connections × ${seconds} s` +
      ` (at most ${maxRequests} requests), GET one operation; load average at start ${load()}`,
  );
  console.log('| spec | server | start-up ms | req/s (mean) | p99 ms | requests | non-2xx | errors | specdrift/Prism start-up | specdrift/Prism req/s | load avg before → after |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { spec, path, cases } of specs) {
    const rows = [];
    for (const c of cases) {
      if (c.prism && prism.error) {
        rows.push({ c, error: prism.error });
        continue;
      }
      const port = await freePort();
      const url = `http://127.0.0.1:${port}${c.path ?? path}`;
      const before = load();
      let server;
      try {
        server = await start(...c.command(port), url);
        const result = await autocannon({ url, connections, duration: seconds, maxOverallRequests: maxRequests });
        rows.push({ c, startMs: server.startMs, result, before, after: load() });
      } catch (error) {
        rows.push({ c, error: error.message.split('\n')[0] });
      } finally {
        await server?.stop();
      }
    }
    const reference = rows.find((r) => r.c.prism && !r.error);
    for (const r of rows) {
      if (r.error) {
        console.log(`| ${spec} | ${r.c.name} | failed: ${r.error} | | | | | | | | |`);
        continue;
      }
      const { result } = r;
      const ratio = (a, b) => (r.c.prism || !reference ? '' : `${(a / b).toFixed(2)}×`);
      console.log(
        `| ${spec} | ${r.c.name} | ${r.startMs.toFixed(0)} | ${result.requests.average.toFixed(0)} | ${result.latency.p99} | ${result.requests.total} | ${result.non2xx} | ${result.errors + result.timeouts} | ` +
          `${ratio(r.startMs, reference?.startMs)} | ${ratio(result.requests.average, reference?.result.requests.average)} | ${r.before} → ${r.after} |`,
      );
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runServeHandlers(join(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2));
