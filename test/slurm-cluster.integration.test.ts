/**
 * Real single-node Slurm clusters (scripts/slurm-cluster.sh) and the validating proxy in front of
 * them: what the real slurmrestd sends, checked against the spec it serves. Needs root on Debian
 * bookworm (CI); the integration suite's global setup checks that first and fails the run elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLUSTER_LOCK, describeCluster, parseEnv, runClusterScript, takeLock, useCluster } from './helpers/cluster.js';
import { createExchangeValidator } from '../src/compat/exchange/index.js';
import { findUndocumentedProperties, startValidatingProxy, summarizeProxyRecords, type ProxyRecord, type ValidatingProxy } from '../src/compat/proxy/index.js';
import type { JsonObject } from '../src/openapi/types.js';

const repoRoot = dirname(dirname(fileURLToPath(import.meta.url)));



interface Reply {
  status: number;
  text: string;
  json: any;
}

/** A slurmrestd client: fetch (keep-alive), the two X-SLURM-USER-* headers, JSON bodies. */
function slurmClient(base: () => string, user: () => string, token: () => string) {
  return async (method: string, path: string, opts: { body?: unknown; token?: string | null } = {}): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (opts.token !== null) {
      headers['X-SLURM-USER-NAME'] = user();
      headers['X-SLURM-USER-TOKEN'] = opts.token ?? token();
    }
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(base() + path, { method, headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json };
  };
}

async function pollJob(call: ReturnType<typeof slurmClient>, path: string, done: (states: string[]) => boolean, timeoutMs = 30_000): Promise<Reply> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await call('GET', path);
    const state = reply.json?.jobs?.[0]?.job_state;
    const states = Array.isArray(state) ? state.map(String) : state === undefined ? [] : [String(state)];
    if (done(states)) return reply;
    if (Date.now() > deadline) throw new Error(`${path}: still ${states.join(',') || reply.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The records' findings as `side rule pointer` strings, for compact assertions. */
const findingsOf = (records: readonly ProxyRecord[]): Set<string> =>
  new Set(records.flatMap((r) => [...r.clientViolations.map((v) => `client ${v.rule} ${v.pointer}`), ...r.serverViolations.map((v) => `server ${v.rule} ${v.pointer}`)]));

/** `address:port` of every TCP listener on one of `ports`, from /proc/net/tcp and tcp6 (no dependency on ss). */
function listeningAddresses(ports: number[]): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      if (state !== '0A' || local === undefined) continue; // 0A: LISTEN
      const [hexAddress, hexPort] = local.split(':');
      const port = parseInt(hexPort, 16);
      if (!ports.includes(port)) continue;
      // IPv4 is one little-endian 32-bit word; IPv6 listeners are shown as-is (never expected here).
      const address = hexAddress.length === 8 ? (hexAddress.match(/../g) as string[]).reverse().map((byte) => parseInt(byte, 16)).join('.') : `[${hexAddress}]`;
      found.push(`${address}:${port}`);
    }
  }
  return found;
}

describeCluster('real Slurm 22.05 cluster (bookworm packages) behind the validating proxy', () => {
  const version = '22.05';
  let env: Record<string, string> = {};
  let doc: JsonObject;
  let proxy: ValidatingProxy;
  const direct = slurmClient(() => env.SLURMRESTD_URL, () => env.SLURM_USER, () => env.SLURM_JWT);
  const viaProxy = slurmClient(() => proxy.url, () => env.SLURM_USER, () => env.SLURM_JWT);

  const cluster = useCluster(version);
  beforeAll(async () => {
    await cluster.start();
    env = cluster.env();
    doc = cluster.served();
    proxy = await startValidatingProxy(doc, { target: env.SLURMRESTD_URL });
  });
  afterAll(async () => {
    await proxy?.close();
    await cluster.stop(async (stopped) => {
      expect(stopped.code, stopped.stderr).toBe(0);
      expect((await runClusterScript('status', version)).code).toBe(3); // every daemon stopped
    });
  });

  it('starts on 127.0.0.1 and prints URL, user and a JWT; saves the served spec', async () => {
    expect(env.SLURMRESTD_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env.SLURM_USER).toBe('nobody');
    expect(env.SLURM_JWT).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(doc.openapi).toBe('3.0.2');
    expect(Object.keys(doc.paths as JsonObject)).toHaveLength(36);
    const port = Number(new URL(env.SLURMRESTD_URL).port);
    const addresses = listeningAddresses([port - 2, port - 1, port]);
    expect(addresses.sort()).toEqual([`127.0.0.1:${port - 2}`, `127.0.0.1:${port - 1}`, `127.0.0.1:${port}`]);
  });

  it('answers an authenticated /slurm/v0.0.38/ping', async () => {
    const reply = await direct('GET', '/slurm/v0.0.38/ping');
    expect(reply.status).toBe(200);
    expect(reply.json.pings[0]).toMatchObject({ ping: 'UP', mode: 'primary' });
  });

  it('is idempotent: start again reuses the cluster; status and env report it', async () => {
    const again = await runClusterScript('start', version);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('already running');
    expect(parseEnv(again.stdout).SLURMRESTD_URL).toBe(env.SLURMRESTD_URL);
    const status = await runClusterScript('status', version);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^slurmrestd +running \(pid \d+\)$/m);
    const exported = await runClusterScript('env', version);
    expect(exported.stdout).toMatch(new RegExp(`^export SLURMRESTD_URL=${env.SLURMRESTD_URL.replace(/[.]/g, '\\.')}$`, 'm'));
    const token = await runClusterScript('token', version);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('through the proxy: every v0.0.38 GET without path parameters answers 200, and the spec is wrong about all but one', async () => {
    const validator = createExchangeValidator(doc);
    const paths = validator.operations.filter((o) => o.method === 'get' && o.path.startsWith('/slurm/v0.0.38/') && !o.path.includes('{')).map((o) => o.path);
    expect(paths.sort()).toEqual(['diag', 'jobs', 'licenses', 'nodes', 'partitions', 'ping', 'reservations'].map((p) => `/slurm/v0.0.38/${p}`));
    const first = proxy.records.length;
    for (const path of paths) expect((await viaProxy('GET', path)).status, path).toBe(200);
    const records = proxy.records.slice(first);
    expect(records.every((r) => r.clientViolations.length === 0)).toBe(true);
    // Schema findings only (undocumented properties aside): licenses is the one response that validates.
    const validating = records.filter((r) => r.serverViolations.every((v) => v.rule === 'response-body-undocumented-property')).map((r) => r.url);
    expect(validating).toEqual(['/slurm/v0.0.38/licenses']);
    expect(records.every((r) => r.verdict === 'server-broke-spec')).toBe(true);

    const findings = findingsOf(records);
    // meta.Slurm.version.major is typed string, sent as a number.
    expect(findings).toContain('server response-body-schema /meta/Slurm/version/major');
    const ping = records.find((r) => r.url === '/slurm/v0.0.38/ping') as ProxyRecord;
    expect(ping.serverViolations.map((v) => v.message)).toContain(
      '/meta/Slurm/version/major: number 22 where the schema (#/components/schemas/v0.0.38_meta/properties/Slurm/properties/version/properties/major) expects string',
    );
    // null where the spec says integer.
    expect(findings).toContain('server response-body-schema /partitions/0/default_time_limit');
    expect(findings).toContain('server response-body-schema /nodes/0/owner');
    const partitions = records.find((r) => r.url === '/slurm/v0.0.38/partitions') as ProxyRecord;
    expect(partitions.serverViolations.find((v) => v.pointer === '/partitions/0/default_time_limit')?.message).toMatch(/null where the schema .* does not allow null/);
    // A key with spaces where the spec documents min_nodes_per_job.
    expect(partitions.serverViolations).toContainEqual(
      expect.objectContaining({
        rule: 'response-body-undocumented-property',
        pointer: '/partitions/0/min nodes per job',
        message: "/partitions/0/min nodes per job: property 'min nodes per job' is not in the schema (#/components/schemas/v0.0.38_partition); the schema has 'min_nodes_per_job'",
      }),
    );
    // licenses validates but carries `meta`, which its schema does not list.
    expect(findings).toContain('server response-body-undocumented-property /meta');
  });

  it('through the proxy: submit a job, see it COMPLETED; cancel a second one', async () => {
    const submit = (seconds: number) =>
      viaProxy('POST', '/slurm/v0.0.38/job/submit', {
        body: { script: `#!/bin/sh\nsleep ${seconds}\n`, job: { name: `specdrift-${seconds}`, current_working_directory: '/tmp', environment: { PATH: '/bin:/usr/bin' } } },
      });
    const first = await submit(1);
    expect(first.status).toBe(200);
    const jobId = first.json.job_id as number;
    expect(jobId).toBeGreaterThan(0);
    const done = await pollJob(viaProxy, `/slurm/v0.0.38/job/${jobId}`, (states) => states.includes('COMPLETED'));
    expect(done.json.jobs[0]).toMatchObject({ job_id: jobId, user_name: 'nobody', current_working_directory: '/tmp' });

    const second = await submit(60);
    const secondId = second.json.job_id as number;
    const running = await pollJob(viaProxy, `/slurm/v0.0.38/job/${secondId}`, (states) => states.includes('RUNNING'));
    expect(running.json.jobs[0].job_resources.allocated_nodes[0].sockets).toEqual({ '0': expect.objectContaining({ cores: expect.any(Object) }) });
    const runningRecord = proxy.records.at(-1) as ProxyRecord;
    // The spec says sockets has a `cores` property; the server sends a map keyed by socket id.
    expect(runningRecord.serverViolations).toContainEqual(
      expect.objectContaining({ rule: 'response-body-undocumented-property', pointer: '/jobs/0/job_resources/allocated_nodes/0/sockets/0', schemaPointer: '/components/schemas/v0.0.38_node_allocation/properties/sockets' }),
    );
    // null where the spec says integer, in job records too.
    expect(findingsOf([runningRecord])).toContain('server response-body-schema /jobs/0/time_limit');

    const cancelled = await viaProxy('DELETE', `/slurm/v0.0.38/job/${secondId}`);
    expect(cancelled.status).toBe(200);
    // 200 with a body where the spec documents none.
    expect(proxy.records.at(-1)?.serverViolations).toEqual([expect.objectContaining({ rule: 'response-body-undocumented', pointer: '' })]);
    await pollJob(viaProxy, `/slurm/v0.0.38/job/${secondId}`, (states) => states.includes('CANCELLED'));

    const ours = proxy.records.filter((r) => r.url.includes('/job'));
    expect(ours.every((r) => r.clientViolations.length === 0)).toBe(true); // this client follows the spec
  });

  it('through the proxy: error answers are 500s and 400s shaped unlike the spec; error objects carry undocumented keys', async () => {
    const missing = await viaProxy('GET', '/slurm/v0.0.38/job/999999');
    expect(missing.status).toBe(500); // not 404
    expect(proxy.records.at(-1)?.serverViolations).toEqual([expect.objectContaining({ rule: 'response-body-undocumented' })]);

    const badToken = await viaProxy('GET', '/slurm/v0.0.38/jobs', { token: 'not-a-token' });
    expect(badToken.status).toBe(500); // not 401
    expect(proxy.records.at(-1)?.serverViolations).toContainEqual(
      expect.objectContaining({ rule: 'response-body-schema', pointer: '', message: '(root): object where the schema (#/components/schemas/v0.0.38_errors) expects array' }),
    );
    const noToken = await viaProxy('GET', '/slurm/v0.0.38/jobs', { token: null });
    expect(noToken.status).toBe(401);
    expect(noToken.text).toBe('Authentication failure');

    const rejected = await viaProxy('POST', '/slurm/v0.0.38/job/submit', {
      body: { script: '#!/bin/sh\ntrue\n', job: { current_working_directory: '/tmp', environment: { PATH: '/bin' }, bogus: 1 } },
    });
    expect(rejected.status).toBe(400);
    const record = proxy.records.at(-1) as ProxyRecord;
    expect(record.verdict).toBe('both-broke-spec');
    expect(record.clientViolations).toEqual([expect.objectContaining({ rule: 'request-body-undocumented-property', pointer: '/job/bogus' })]);
    // The documented error body is the bare errors array; its items list `error` and `error_number` only.
    const errors = findUndocumentedProperties(doc, '/components/schemas/v0.0.38_errors', rejected.json.errors);
    expect(errors.map((e) => e.pointer).sort()).toEqual(['/0/description', '/0/source', '/1/error_code']);
  });

  it('writes Connection: close after the body: a plain node:http client fails, the same client through the proxy does not', async () => {
    const plainGet = (base: string) =>
      new Promise<{ status?: number; error?: string }>((resolve) => {
        let status: number | undefined;
        const request = httpRequest(
          `${base}/slurm/v0.0.38/licenses`,
          { agent: false, headers: { Connection: 'close', 'X-SLURM-USER-NAME': env.SLURM_USER, 'X-SLURM-USER-TOKEN': env.SLURM_JWT } },
          (response) => {
            status = response.statusCode;
            response.resume();
          },
        );
        request.on('error', (error: NodeJS.ErrnoException) => resolve({ status, error: error.code }));
        request.on('close', () => setTimeout(() => resolve({ status }), 50));
        request.end();
      });
    expect(await plainGet(env.SLURMRESTD_URL)).toEqual({ status: 200, error: 'HPE_INVALID_CONSTANT' });
    expect(await plainGet(proxy.url)).toEqual({ status: 200 });
  });

  it('summarizes the run per operation', () => {
    const lines = summarizeProxyRecords(proxy.records);
    expect(lines.some((line) => /^slurm_v0_0_38_ping \(GET \/slurm\/v0\.0\.38\/ping\): \d+ calls?, status 200/.test(line))).toBe(true);
    expect(lines).toContain(
      "  server response-body-undocumented-property /partitions/*/min nodes per job: /partitions/0/min nodes per job: property 'min nodes per job' is not in the schema (#/components/schemas/v0.0.38_partition); the schema has 'min_nodes_per_job'",
    );
    expect(lines.at(-1)).toMatch(new RegExp(`^${proxy.records.length} exchanges, \\d+ operations: `));
  });
});

describeCluster('slurm-cluster.sh after a failed start', () => {
  let release: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    release = await takeLock(CLUSTER_LOCK);
  });
  afterAll(async () => {
    await release?.();
  });

  it('leaves no daemon and no mount behind, and says why in one line', async () => {
    // Fails after the chroot mounts are made (the user check comes after them): the trap must undo them.
    const failed = await runClusterScript('start', '24.11', 600_000, { SPECDRIFT_SLURM_USER: 'specdrift-no-such-user' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/^slurm-cluster: error: no user specdrift-no-such-user in .*$/m);
    expect(failed.stderr).toContain('start failed: stopping what was started');
    // /proc is left out: scripts/slurm-specs.sh may have its own mount there meanwhile.
    const mounts = readFileSync('/proc/self/mounts', 'utf8');
    for (const target of ['sys', 'dev', 'srv/specdrift-cluster']) expect(mounts).not.toContain(`${join(repoRoot, '.cache', 'trixie-root', target)} `);
    expect((await runClusterScript('status', '24.11')).code).toBe(3);
    // The script installs the cluster's packages in the chroot before it checks the user: when this file runs
    // before the cluster suites (files are shuffled in CI), that install (minutes) happens here, not in a hook.
  }, 600_000);
});

describeCluster('real Slurm 24.11 cluster (trixie chroot) behind the validating proxy', () => {
  const version = '24.11';
  let env: Record<string, string> = {};
  let doc: JsonObject;
  let proxy: ValidatingProxy;
  const viaProxy = slurmClient(() => proxy.url, () => env.SLURM_USER, () => env.SLURM_JWT);

  const cluster = useCluster(version);
  beforeAll(async () => {
    await cluster.start();
    env = cluster.env();
    doc = cluster.served();
    proxy = await startValidatingProxy(doc, { target: env.SLURMRESTD_URL });
  });
  afterAll(async () => {
    await proxy?.close();
    await cluster.stop((stopped) => {
      expect(stopped.code, stopped.stderr).toBe(0);
      expect(readFileSync('/proc/self/mounts', 'utf8')).not.toContain(`${join(repoRoot, '.cache', 'trixie-root')}/srv/specdrift-cluster`);
    });
  });

  it('serves 47 paths on 127.0.0.1, with trailing slashes the server does not insist on', async () => {
    expect(env.SLURMRESTD_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(doc.paths as JsonObject)).toHaveLength(47);
    expect((doc.paths as JsonObject)['/slurm/v0.0.42/jobs/']).toBeDefined();
    const reply = await viaProxy('GET', '/slurm/v0.0.42/jobs');
    expect(reply.status).toBe(200);
    expect(proxy.records.at(-1)).toMatchObject({ verdict: 'client-broke-spec', clientViolations: [{ rule: 'request-path-unknown' }] });
    const port = Number(new URL(env.SLURMRESTD_URL).port);
    expect(listeningAddresses([port - 2, port - 1, port]).sort()).toEqual([`127.0.0.1:${port - 2}`, `127.0.0.1:${port - 1}`, `127.0.0.1:${port}`]);
  });

  it('through the proxy: a pending job has job_resources null; a running one nests what the schema requires flattened', async () => {
    const submit = async (v: string, seconds: number) => {
      const reply = await viaProxy('POST', `/slurm/${v}/job/submit`, {
        body: { script: `#!/bin/sh\nsleep ${seconds}\n`, job: { name: `specdrift-${seconds}`, current_working_directory: '/tmp', environment: ['PATH=/bin:/usr/bin'] } },
      });
      expect(reply.status).toBe(200);
      expect(proxy.records.at(-1)).toMatchObject({ verdict: 'conforms' });
      return reply.json.job_id as number;
    };
    // Take the only node's CPUs with one job so that the next stays pending.
    const cpus = (await viaProxy('GET', '/slurm/v0.0.42/nodes/')).json.nodes[0].cpus as number;
    const blockers: number[] = [];
    for (let i = 0; i < cpus; i++) blockers.push(await submit('v0.0.42', 60));
    const pending = await submit('v0.0.42', 1);

    await pollJob(viaProxy, `/slurm/v0.0.42/job/${blockers[0]}`, (states) => states.includes('RUNNING'));
    const listing = await viaProxy('GET', '/slurm/v0.0.42/jobs/');
    expect(listing.status).toBe(200);
    const listed = proxy.records.at(-1) as ProxyRecord;
    const pendingIndex = (listing.json.jobs as { job_id: number }[]).findIndex((job) => job.job_id === pending);
    expect(listing.json.jobs[pendingIndex].job_resources).toBeNull();
    expect(listed.serverViolations).toContainEqual(
      expect.objectContaining({ rule: 'response-body-schema', pointer: `/jobs/${pendingIndex}/job_resources`, message: `/jobs/${pendingIndex}/job_resources: null where the schema (#/components/schemas/v0.0.42_job_res) does not allow null` }),
    );

    for (const v of ['v0.0.41', 'v0.0.42']) {
      const running = await viaProxy('GET', `/slurm/${v}/job/${blockers[0]}`);
      expect(running.json.jobs[0].job_resources.nodes).toMatchObject({ count: 1, list: expect.any(String) });
      const findings = findingsOf([proxy.records.at(-1) as ProxyRecord]);
      expect(findings).toContain('server response-body-schema /jobs/0/job_resources/nodes~1count');
      expect(findings).toContain('server response-body-schema /jobs/0/job_resources/nodes/allocation/0/cpus~1count');
    }
    for (const id of [...blockers, pending]) expect((await viaProxy('DELETE', `/slurm/v0.0.42/job/${id}`)).status).toBe(200);
  });

  it('through the proxy: a reservation that does not exist is a 200 without the required keys', async () => {
    const reply = await viaProxy('GET', '/slurm/v0.0.42/reservation/nope');
    expect(reply.status).toBe(200);
    expect(findingsOf([proxy.records.at(-1) as ProxyRecord])).toEqual(new Set(['server response-body-schema /last_update', 'server response-body-schema /reservations']));
  });
});
