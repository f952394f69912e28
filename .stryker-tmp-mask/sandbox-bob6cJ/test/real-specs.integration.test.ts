/**
 * The real slurmrestd documents scripts/slurm-specs.sh builds (the integration suite's global setup runs it first):
 * what they contain, as observed by hand, and that a second run of the script leaves them alone.
 */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithRealSpec, REAL_SPEC_NAMES } from './helpers/real-specs.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const script = join(repoRoot, 'scripts', 'slurm-specs.sh');

type Doc = {
  openapi: string;
  info: { version: string };
  paths: Record<string, Record<string, { operationId?: string }>>;
  components?: { schemas?: Record<string, unknown> };
};

function load(path: string): { text: string; doc: Doc } {
  const text = readFileSync(path, 'utf8');
  return { text, doc: JSON.parse(text) as Doc };
}

function schemaNames(doc: Doc): string[] {
  return Object.keys(doc.components?.schemas ?? {});
}

function operationIds(doc: Doc): string[] {
  return Object.values(doc.paths).flatMap((item) =>
    Object.values(item).flatMap((op) => (typeof op?.operationId === 'string' ? [op.operationId] : [])),
  );
}

/** Internal `$ref`s whose JSON pointer does not resolve in the document. */
function danglingRefs(doc: unknown): string[] {
  const refs = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') refs.add(value);
        else visit(value);
      }
    }
  };
  visit(doc);
  return [...refs].filter((ref) => {
    if (!ref.startsWith('#/')) return true;
    let target: unknown = doc;
    for (const token of ref.slice(2).split('/')) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      target = target !== null && typeof target === 'object' ? (target as Record<string, unknown>)[key] : undefined;
    }
    return target === undefined;
  });
}

function expectCountNear(actual: number, observed: number): void {
  expect(Math.abs(actual - observed)).toBeLessThanOrEqual(Math.max(2, Math.round(observed * 0.1)));
}

const observed = {
  'v0.0.40': { schemas: 165, paths: 36 },
  'v0.0.41': { schemas: 18, paths: 37 },
  'v0.0.42': { schemas: 181, paths: 38 },
} as const;

for (const [version, counts] of Object.entries(observed)) {
  describeWithRealSpec([`24.11/${version}.json`], `real slurmrestd 24.11 ${version}`, ([path]) => {
    const { text, doc } = load(path);
    const compact = version.replace(/\./g, '').slice(1); // v0.0.41 -> 0041

    it('is OpenAPI 3.0.3 from Slurm 24.11 with the version in every path, schema and operationId', () => {
      expect(doc.openapi).toBe('3.0.3');
      expect(doc.info.version).toMatch(/^Slurm-24\.11\.\d+&openapi\/slurmctld&openapi\/slurmdbd$/);
      for (const p of Object.keys(doc.paths)) expect(p).toMatch(new RegExp(`^/slurm(db)?/${version}/`));
      for (const s of schemaNames(doc)) expect(s.startsWith(`${version}_`)).toBe(true);
      for (const id of operationIds(doc)) expect(id).toMatch(new RegExp(`^slurm(db)?_v${compact}_`));
    });

    it('has about the observed number of paths and schemas, all $refs resolving', () => {
      expectCountNear(Object.keys(doc.paths).length, counts.paths);
      expectCountNear(schemaNames(doc).length, counts.schemas);
      expect(danglingRefs(doc)).toEqual([]);
    });

    it('is served raw, with JSON-escaped slashes', () => {
      expect(text).toContain(`"\\/slurm\\/${version}\\/`);
    });
  });
}

describeWithRealSpec(
  ['24.11/v0.0.41.json', '24.11/v0.0.41+prefer_refs.json'],
  'real slurmrestd 24.11 v0.0.41 inlined vs +prefer_refs',
  ([plainPath, refsPath]) => {
    const plain = load(plainPath);
    const refs = load(refsPath);
    it('describes the same operations', () => {
      expect(Object.keys(refs.doc.paths)).toEqual(Object.keys(plain.doc.paths));
      expect(operationIds(refs.doc)).toEqual(operationIds(plain.doc));
    });
    it('references many more schemas instead of inlining them', () => {
      expectCountNear(schemaNames(refs.doc).length, 178);
      expect(schemaNames(refs.doc).length).toBeGreaterThan(5 * schemaNames(plain.doc).length);
      expect(plain.text.length).toBeGreaterThan(2 * refs.text.length);
    });
  },
);

describeWithRealSpec(
  ['24.11/combined.json', '24.11/v0.0.40.json', '24.11/v0.0.41.json', '24.11/v0.0.42.json'],
  'real slurmrestd 24.11 combined v0.0.40,v0.0.41,v0.0.42',
  ([combinedPath, ...singlePaths]) => {
    const combined = load(combinedPath).doc;
    it('holds exactly the paths of the three single-version documents', () => {
      const union = singlePaths.flatMap((p) => Object.keys(load(p).doc.paths));
      expect(Object.keys(combined.paths).sort()).toEqual([...new Set(union)].sort());
      expectCountNear(schemaNames(combined).length, 363);
    });
  },
);

describeWithRealSpec(['22.05/openapi.json'], 'real slurmrestd 22.05 openapi/v0.0.36-38', ([path]) => {
  const { text, doc } = load(path);
  it('is OpenAPI 3.0.2 with /slurm/v0.0.36, v0.0.37 and v0.0.38 paths and no slurmdb', () => {
    expect(doc.openapi).toBe('3.0.2');
    const paths = Object.keys(doc.paths);
    for (const version of ['v0.0.36', 'v0.0.37', 'v0.0.38']) {
      expect(paths.some((p) => p.startsWith(`/slurm/${version}/`))).toBe(true);
    }
    expect(paths.some((p) => p.startsWith('/slurmdb/'))).toBe(false);
    expect(text).toContain('"\\/slurm\\/v0.0.38\\/diag"');
    expect(danglingRefs(doc)).toEqual([]);
  });
  it('reuses unversioned operationIds across v0.0.36 and v0.0.37', () => {
    const ids = operationIds(doc);
    expect(ids).toContain('slurm_v0_0_38_get_jobs');
    expect(ids.filter((id) => id === 'slurmctld_get_jobs')).toHaveLength(2);
  });
});

describeWithRealSpec(['22.05/openapi-db.json'], 'real slurmrestd 22.05 with dbv0.0.36-38', ([path]) => {
  const { doc } = load(path);
  it('adds /slurmdb/v0.0.36-38 paths and resolves every $ref', () => {
    const paths = Object.keys(doc.paths);
    for (const version of ['v0.0.36', 'v0.0.37', 'v0.0.38']) {
      expect(paths.some((p) => p.startsWith(`/slurm/${version}/`))).toBe(true);
      expect(paths.some((p) => p.startsWith(`/slurmdb/${version}/`))).toBe(true);
    }
    expect(schemaNames(doc).some((s) => s.startsWith('dbv0.0.38_'))).toBe(true);
    expect(danglingRefs(doc)).toEqual([]);
  });
});

describeWithRealSpec(['22.05/dbv0.0.38.json'], 'real slurmrestd 22.05 dbv0.0.38 alone', ([path]) => {
  const { doc } = load(path);
  it('has only /slurmdb/v0.0.38 and /openapi paths and one dangling $ref to v0.0.38_meta', () => {
    expect(doc.info.version).toBe('dbv0.0.38');
    for (const p of Object.keys(doc.paths)) expect(p).toMatch(/^\/(slurmdb\/v0\.0\.38\/|openapi)/);
    expect(danglingRefs(doc)).toEqual(['#/components/schemas/v0.0.38_meta']);
  });
});

// Needs every output: with one missing, the script would start a (root, minute-long) build.
describeWithRealSpec(['24.11/VERSION', '22.05/VERSION', ...REAL_SPEC_NAMES], 'real spec VERSION files and cache', ([v2411, v2205]) => {
  it('record the exact slurmrestd package versions', () => {
    expect(readFileSync(v2411, 'utf8')).toMatch(/^slurmrestd 24\.11\.\S+\n/);
    expect(readFileSync(v2205, 'utf8')).toMatch(/^slurmrestd 22\.05\.\S+\n/);
  });
  it('a second run of the script leaves the built documents alone', () => {
    const dir = dirname(dirname(v2411));
    const file = join(dir, '24.11', 'v0.0.41.json');
    const before = statSync(file).mtimeMs;
    const result = spawnSync('bash', [script, dir], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/up to date/);
    expect(statSync(file).mtimeMs).toBe(before);
  });
});
