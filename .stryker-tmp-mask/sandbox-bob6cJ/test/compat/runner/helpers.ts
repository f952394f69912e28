/**
 * Shared by the compat runner and CLI tests: one client cache for all of them (generation is the slow part; a cached
 * client is reused by every test and every later run), and a stand-in generator for testing the runner itself.
 */
// @ts-nocheck

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CallPlan, CallResult, GeneratorAdapter, RunOptions } from '../../../src/compat/generators/index.js';
import { wireOperations, wireUrl } from './wire.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const FIXTURE = join(REPO, 'fixtures', 'slurm-like', 'v0.0.41.json');

/**
 * `$SPECDRIFT_TEST_CACHE`, else `<repo>/.cache/test-cache` (git-ignored). Pass it as `--cache-dir` to the CLI;
 * the runner's client cache is its `clients/` directory.
 */
export const TEST_CACHE = process.env.SPECDRIFT_TEST_CACHE ? resolve(process.env.SPECDRIFT_TEST_CACHE) : join(REPO, '.cache', 'test-cache');
export const TEST_CLIENT_CACHE = join(TEST_CACHE, 'clients');

export interface FakeBehaviour {
  /** How the "client" parses a JSON body (default `JSON.parse`, which turns 9007199254740993 into …992). */
  parse?: (text: string) => unknown;
  /** Rewrite what the "client" returns (rename keys, drop values …). */
  decode?: (body: unknown) => unknown;
  /** Operations the "generator" does not emit. */
  missing?: string[];
  /** Operations the "driver" cannot call (it answers driver-unsupported with this reason). */
  unsupported?: Record<string, string>;
  unavailable?: string;
  generateError?: string;
  compileErrors?: string[];
  /** The driver dies. */
  runError?: string;
  /** Change the request before it is sent (headers, URL). */
  request?: (req: { url: string; headers: Record<string, string>; body?: string }) => { url: string; headers: Record<string, string>; body?: string };
}

/**
 * A generator adapter whose "client" is plain fetch with its own wire form of each call (wire.ts: its own
 * operation listing and style/explode serialiser, not the server's), so it conforms unless told otherwise. It lets
 * the runner's judgement be tested without a real generator.
 */
export function fakeGenerator(id: string, behaviour: FakeBehaviour = {}): GeneratorAdapter {
  return {
    id,
    language: 'typescript',
    title: `fake ${id}`,
    patches: [],
    version: async () => '1.0.0',
    unavailable: async () => behaviour.unavailable,
    async generate(_spec, outDir) {
      if (behaviour.generateError) throw new Error(behaviour.generateError);
      await mkdir(outDir, { recursive: true });
      await writeFile(join(outDir, 'client.ts'), `// fake client ${id}\n`);
      return { warnings: [], ms: 1, files: 1, patchesApplied: [] };
    },
    compile: async () => ({ ok: (behaviour.compileErrors ?? []).length === 0, errors: behaviour.compileErrors ?? [], ms: 1 }),
    async listOperations(_dir, doc) {
      const ops = wireOperations(doc);
      return new Map(ops.filter((o) => o.operationId && !behaviour.missing?.includes(o.operationId)).map((o) => [o.operationId!, `fake.${o.operationId}`]));
    },
    async run(_dir, plan: CallPlan[], opts: RunOptions): Promise<CallResult[]> {
      if (behaviour.runError) throw new Error(behaviour.runError);
      const ops = wireOperations(opts.doc);
      const results: CallResult[] = [];
      for (const call of plan) {
        if (behaviour.missing?.includes(call.operationId)) {
          results.push({ operationId: call.operationId, outcome: 'not-generated', error: `no fake.${call.operationId}` });
          continue;
        }
        if (behaviour.unsupported?.[call.operationId] !== undefined) {
          results.push({ operationId: call.operationId, outcome: 'driver-unsupported', error: behaviour.unsupported[call.operationId] });
          continue;
        }
        const op = ops.find((o) => o.operationId === call.operationId)!;
        const url = wireUrl(opts.baseUrl, op, call.pathParams, call.query);
        const body = call.body === undefined ? undefined : JSON.stringify(call.body);
        let req: { url: string; headers: Record<string, string>; body?: string } = { url, headers: { ...call.headers, ...opts.headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) }, body };
        if (behaviour.request) req = behaviour.request(req);
        try {
          const response = await fetch(req.url, { method: call.method.toUpperCase(), headers: req.headers, body: req.body });
          const text = await response.text();
          const parsed = text ? (behaviour.parse ?? JSON.parse)(text) as unknown : undefined;
          const decoded = behaviour.decode ? behaviour.decode(parsed) : parsed;
          results.push({ operationId: call.operationId, outcome: response.ok ? 'ok' : 'http-error', status: response.status, decoded, ...(response.ok ? {} : { error: `HTTP ${response.status}` }) });
        } catch (error) {
          results.push({ operationId: call.operationId, outcome: 'client-error', error: (error as Error).message });
        }
      }
      return results;
    },
  };
}
