#!/usr/bin/env node
// HTTP helper for scripts/slurm-cluster.sh. Plain Node (fetch), no dependencies, because the
// script runs before `npm ci` and curl is not guaranteed; fetch also keeps the connection alive,
// which sidesteps slurmrestd 22.05 writing `Connection: close` after the body.
//
//   node scripts/lib/cluster-http.mjs wait URL SECONDS [USER TOKEN]
//       polls URL until it answers 200 (with the X-SLURM-USER-* headers when USER is given);
//       exits 0 when it does, 1 on timeout (printing the last status or error)
//   node scripts/lib/cluster-http.mjs save URL OUT [USER TOKEN]
//       GET URL; the body goes to OUT byte for byte; fails unless 200 and JSON with `openapi`

import { writeFileSync } from 'node:fs';

function headersFor(user, token) {
  return user ? { 'X-SLURM-USER-NAME': user, 'X-SLURM-USER-TOKEN': token ?? '' } : {};
}

async function get(url, headers) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body };
}

async function wait(url, seconds, user, token) {
  const deadline = Date.now() + Number(seconds) * 1000;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const { status } = await get(url, headersFor(user, token));
      if (status === 200) return 0;
      last = `HTTP ${status}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.stderr.write(`${url}: not ready after ${seconds} s (last: ${last})\n`);
  return 1;
}

async function save(url, out, user, token) {
  const { status, body } = await get(url, headersFor(user, token));
  if (status !== 200) throw new Error(`${url}: HTTP ${status}`);
  const doc = JSON.parse(body.toString('utf8'));
  if (doc === null || typeof doc !== 'object' || typeof doc.openapi !== 'string') {
    throw new Error(`${url}: JSON but not an OpenAPI document`);
  }
  writeFileSync(out, body);
  return 0;
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === 'wait' && args.length >= 2) process.exitCode = await wait(...args);
  else if (command === 'save' && args.length >= 2) process.exitCode = await save(...args);
  else {
    process.stderr.write('usage: cluster-http.mjs wait URL SECONDS [USER TOKEN] | save URL OUT [USER TOKEN]\n');
    process.exitCode = 2;
  }
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
