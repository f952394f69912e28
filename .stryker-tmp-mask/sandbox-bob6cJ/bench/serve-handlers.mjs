#!/usr/bin/env node
// Bench: start-up time and req/s of `specdrift serve` without and with --handlers, on the farm-manager fixture
// (examples/farm-manager/impl.ts, loaded with tsx) and on the real slurmrestd v0.0.42 spec (a small .mjs handler
// for its ping). autocannon on 127.0.0.1, bounded (--seconds, default 5; --connections, default 50). Prints; never asserts.
// Run on its own: node bench/serve-handlers.mjs [--seconds N] [--connections N]; or `runServeHandlers(root, argv)` from run.mjs.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const flag = (argv, name, fallback) => {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** Start `specdrift serve ARGS`; resolves with its origin, the ms until it printed its URL, and stop(). */
function start(root, args) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/specdrift.js'), 'serve', ...args, '-q', '--no-auth'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`serve did not start within 60 s: ${stderr.trim()}`))), 60_000);
    child.stderr.on('data', (c) => (stderr += c));
    child.stdout.on('data', (c) => {
      stdout += c;
      const origin = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (!origin) return;
      clearTimeout(timer);
      resolve({
        origin,
        startMs: performance.now() - started,
        stop: () => new Promise((done) => (child.exitCode !== null ? done() : (child.once('exit', done), child.kill('SIGINT')))),
      });
    });
    child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`serve exited with ${code}: ${stderr.trim()}`))));
  });
}

export async function runServeHandlers(root, argv = []) {
  const seconds = flag(argv, '--seconds', 5);
  const connections = flag(argv, '--connections', 50);
  let autocannon;
  try {
    autocannon = (await import('autocannon')).default;
  } catch {
    console.log('note: autocannon is not installed; skipping serve --handlers');
    return;
  }
  const farm = join(root, 'fixtures/farm-manager/openapi.yaml');
  const cases = [
    { name: 'farm fixture, no handlers', args: [farm], path: '/api/v1/jobs' },
    { name: 'farm fixture, --handlers impl.ts', args: [farm, '--handlers', join(root, 'examples/farm-manager/impl.ts')], path: '/api/v1/jobs' },
  ];
  const real = join(process.env.SPECDRIFT_REAL_SPECS ?? join(root, '.cache/slurm-specs'), '24.11/v0.0.42.json');
  if (existsSync(real)) {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-bench-'));
    const handlers = join(dir, 'ping.mjs');
    writeFileSync(handlers, "export const slurm_v0042_get_ping = (req, ctx) => ctx.sample();\n");
    cases.push({ name: 'slurm v0.0.42 (real), no handlers', args: [real], path: '/slurm/v0.0.42/ping/' });
    cases.push({ name: 'slurm v0.0.42 (real), --handlers ping.mjs', args: [real, '--handlers', handlers], path: '/slurm/v0.0.42/ping/' });
  } else console.log(`note: ${real} missing; only the fixture`);
  console.log(`\n## serve with and without --handlers: start-up, and autocannon ${connections} connections × ${seconds} s, GET one operation`);
  console.log('| case | start-up ms | req/s (mean) | p99 ms | non-2xx | load avg before → after |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const c of cases) {
    const server = await start(root, c.args);
    try {
      const before = load();
      const result = await autocannon({ url: server.origin + c.path, connections, duration: seconds });
      console.log(`| ${c.name} | ${server.startMs.toFixed(0)} | ${result.requests.average.toFixed(0)} | ${result.latency.p99} | ${result.non2xx} | ${before} → ${load()} |`);
    } finally {
      await server.stop();
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runServeHandlers(join(dirname(fileURLToPath(import.meta.url)), '..'), process.argv.slice(2));
