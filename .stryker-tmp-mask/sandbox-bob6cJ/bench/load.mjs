// Load section of `npm run bench` (`--only load` runs just this): throughput, p99 latency and RSS of
// `specdrift serve`, and of `specdrift proxy` in front of it, under autocannon on 127.0.0.1. Bounded: a fixed
// number of connections for a fixed number of seconds per server (--load-connections, default 50;
// --load-seconds, default 5); every server is started and stopped here. Prints; never asserts.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

const PATH = '/slurm/v0.0.41/ping';

const flag = (argv, name, fallback) => {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** VmRSS and VmHWM (peak) of a process in MB, from /proc (Linux); undefined elsewhere. */
function rssOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/** Start `specdrift ARGS` and wait for its "… at http://127.0.0.1:PORT" line (30 s at most). */
function start(root, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/specdrift.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`specdrift ${args[0]} did not start within 30 s: ${stderr.trim()}`));
    }, 30_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const origin = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      if (origin === undefined) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        origin,
        pid: child.pid,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(kill);
              done();
            });
            child.kill('SIGINT');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`specdrift ${args[0]} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

async function measure(autocannon, name, server, seconds, connections) {
  const before = rssOf(server.pid);
  const loadBefore = load();
  const result = await autocannon({ url: server.origin + PATH, connections, duration: seconds });
  const after = rssOf(server.pid);
  return { name, result, before, after, loadBefore, loadAfter: load() };
}

export async function runLoad(root, argv) {
  const seconds = flag(argv, '--load-seconds', 5);
  const connections = flag(argv, '--load-connections', 50);
  let autocannon;
  try {
    autocannon = (await import('autocannon')).default;
  } catch {
    console.log('note: autocannon is not installed (npm install); skipping the load section');
    return;
  }
  if (!existsSync(join(root, 'dist/cli/main.js'))) {
    console.log('note: dist/ is missing (npm run build); skipping the load section');
    return;
  }
  const spec = join(root, 'fixtures/slurm-like/v0.0.41.json');
  console.log(`\n## load: serve and proxy → serve, autocannon, ${connections} connections × ${seconds} s each, GET ${PATH} (fixtures/slurm-like/v0.0.41.json)`);
  const rows = [];
  const serve = await start(root, ['serve', spec, '-q', '--no-auth']);
  try {
    rows.push(await measure(autocannon, 'serve', serve, seconds, connections));
    const proxy = await start(root, ['proxy', spec, '--target', serve.origin, '-q']);
    try {
      rows.push(await measure(autocannon, 'proxy → serve', proxy, seconds, connections));
    } finally {
      await proxy.stop();
    }
  } finally {
    await serve.stop();
  }
  const mb = (m) => (m === undefined || Number.isNaN(m) ? '–' : m.toFixed(0));
  console.log('| server | req/s (mean) | p99 ms | requests | non-2xx | errors | RSS before MB | RSS after MB | peak RSS MB | load avg before → after |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const { name, result, before, after, loadBefore, loadAfter } of rows) {
    console.log(
      `| ${name} | ${result.requests.average.toFixed(0)} | ${result.latency.p99} | ${result.requests.total} | ${result.non2xx} | ${result.errors + result.timeouts} | ${mb(before?.rss)} | ${mb(after?.rss)} | ${mb(after?.peak)} | ${loadBefore} → ${loadAfter} |`,
    );
  }
}
