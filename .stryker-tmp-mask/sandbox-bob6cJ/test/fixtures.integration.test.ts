/** The Slurm-like fixtures against real slurmrestd 24.11 output (integration suite: scripts/slurm-specs.sh). */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { JsonObject } from '../src/openapi/types.js';
import { describeWithRealSpec } from './helpers/real-specs.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/slurm-like/', import.meta.url));
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const load = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

function operations(doc: JsonObject): { method: string; path: string; op: JsonObject }[] {
  const out: { method: string; path: string; op: JsonObject }[] = [];
  for (const [path, item] of Object.entries(doc.paths as JsonObject)) {
    for (const [method, op] of Object.entries(item as JsonObject)) {
      if (METHODS.includes(method)) out.push({ method, path, op: op as JsonObject });
    }
  }
  return out;
}

const VERSIONS = ['v0.0.40', 'v0.0.41'] as const;

describeWithRealSpec(VERSIONS.map((v) => `24.11/${v}.json`), 'slurm-like fixtures against real slurmrestd 24.11 output', (paths) => {
  for (const [i, version] of VERSIONS.entries()) {
    it(`every ${version} fixture operation (method, path modulo trailing slash, operationId) exists in real ${version}`, () => {
      const realDoc = load(paths[i]);
      // Real slurmrestd writes collection paths with a trailing slash (`/slurm/v0.0.40/jobs/`); the fixtures use the brief's form without it.
      const key = ({ method, path, op }: { method: string; path: string; op: JsonObject }) => `${method} ${path.replace(/\/$/, '')} ${op.operationId as string}`;
      const realOps = new Set(operations(realDoc).map(key));
      const missing = operations(load(`${FIXTURES}${version}.json`)).map(key).filter((k) => !realOps.has(k));
      expect(missing).toEqual([]);
    });
  }
});
