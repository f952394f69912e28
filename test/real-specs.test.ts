import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeSpec, stripHttpResponse } from '../scripts/lib/spec-json.mjs';
import { describeWithRealSpec, REAL_SPEC_NAMES, realSpecPath, realSpecsDir, skipReason } from './helpers/real-specs.js';

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

/** `nobody` may not be able to reach the checkout (CI clones into a 0700 temp dir): it runs a world-readable copy. */
function scriptCopyForNobody(): string {
  const copy = mkdtempSync(join(tmpdir(), 'specdrift-script-'));
  cpSync(join(repoRoot, 'scripts'), join(copy, 'scripts'), { recursive: true });
  spawnSync('chmod', ['-R', 'a+rX', copy]);
  return join(copy, 'scripts', 'slurm-specs.sh');
}

function runScript(args: string[], options: { asNobody?: boolean } = {}) {
  const asNobody = options.asNobody === true && process.getuid?.() === 0;
  const command = asNobody ? 'setpriv' : 'bash';
  const argv = asNobody
    ? ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'bash', scriptCopyForNobody(), ...args]
    : [script, ...args];
  const started = Date.now();
  const result = spawnSync(command, argv, { encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout, ms: Date.now() - started };
}

describe('test/helpers/real-specs', () => {
  let saved: string | undefined;
  let dir: string;
  beforeEach(() => {
    saved = process.env.SPECDRIFT_REAL_SPECS;
    dir = mkdtempSync(join(tmpdir(), 'real-specs-helper-'));
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SPECDRIFT_REAL_SPECS;
    else process.env.SPECDRIFT_REAL_SPECS = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('defaults to <repo>/.cache/slurm-specs and honours SPECDRIFT_REAL_SPECS', () => {
    delete process.env.SPECDRIFT_REAL_SPECS;
    expect(realSpecsDir()).toBe(join(repoRoot, '.cache', 'slurm-specs'));
    process.env.SPECDRIFT_REAL_SPECS = dir;
    expect(realSpecsDir()).toBe(dir);
  });

  it('explains a missing or empty document and finds a present one', () => {
    process.env.SPECDRIFT_REAL_SPECS = dir;
    expect(skipReason('24.11/v0.0.41.json')).toMatch(/run scripts\/slurm-specs\.sh as root/);
    expect(realSpecPath('24.11/v0.0.41.json')).toBeUndefined();
    mkdirSync(join(dir, '24.11'));
    writeFileSync(join(dir, '24.11', 'v0.0.41.json'), '');
    expect(skipReason('24.11/v0.0.41.json')).toMatch(/empty.*--force/);
    writeFileSync(join(dir, '24.11', 'v0.0.41.json'), '{"openapi":"3.0.3"}');
    expect(skipReason('24.11/v0.0.41.json')).toBeUndefined();
    expect(realSpecPath('24.11/v0.0.41.json')).toBe(join(dir, '24.11', 'v0.0.41.json'));
  });
});

describe('scripts/lib/spec-json.mjs', () => {
  const response = (body: Buffer, length = body.length, status = '200 OK') =>
    Buffer.concat([Buffer.from(`HTTP/1.1 ${status}\r\nContent-Length: ${length}\r\nContent-Type: application/json\r\n\r\n`), body]);

  it('returns the HTTP body byte for byte, whatever it contains', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const body = Buffer.from(bytes);
        expect(stripHttpResponse(response(body)).equals(body)).toBe(true);
      }),
    );
    const escaped = Buffer.from('{\n  "paths": {\r\n\r\n    "\\/slurm\\/v0.0.38\\/diag": {}\n  }\n}');
    expect(stripHttpResponse(response(escaped)).equals(escaped)).toBe(true);
  });

  it('rejects truncated bodies, error statuses and non-HTTP input', () => {
    const body = Buffer.from('{"openapi":"3.0.2"}');
    expect(() => stripHttpResponse(response(body, body.length + 1))).toThrow(/Content-Length/);
    expect(() => stripHttpResponse(response(body, body.length, '401 UNAUTHORIZED'))).toThrow(/401/);
    expect(() => stripHttpResponse(body)).toThrow(/terminator/);
  });

  it('accepts only JSON OpenAPI documents', () => {
    expect(describeSpec('{"openapi":"3.0.3","paths":{"/a":{}},"components":{"schemas":{"x":{},"y":{}}}}')).toEqual({
      openapi: '3.0.3',
      paths: 1,
      schemas: 2,
    });
    expect(() => describeSpec('{"swagger":"2.0"}')).toThrow(/not an OpenAPI document/);
    expect(() => describeSpec('HTTP/1.1 200 OK\r\n')).toThrow(/not valid JSON/);
  });
});

describe('scripts/slurm-specs.sh', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slurm-specs-test-'));
    chmodSync(dir, 0o755); // the non-root runs below are `nobody`
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects an unknown option with one line and exit 2', () => {
    const result = runScript(['--frobnicate', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/unknown option --frobnicate/);
  });

  it('refuses to build without root, in one line, touching nothing', () => {
    const out = join(dir, 'out');
    const result = runScript([out], { asNobody: true });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^slurm-specs: error: must run as root/)]);
    expect(() => statSync(out)).toThrow();
  });

  it('does nothing, and needs no root, when every output exists', () => {
    for (const name of [...REAL_SPEC_NAMES, '24.11/VERSION', '22.05/VERSION']) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), '{"openapi":"3.0.3"}');
    }
    const before = statSync(join(dir, '24.11', 'v0.0.41.json')).mtimeMs;
    const result = runScript([dir], { asNobody: true });
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/up to date/);
    expect(statSync(join(dir, '24.11', 'v0.0.41.json')).mtimeMs).toBe(before);
  });
});

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
    const file = join(realSpecsDir(), '24.11', 'v0.0.41.json');
    const before = statSync(file).mtimeMs;
    const result = runScript([realSpecsDir()]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/up to date/);
    expect(statSync(file).mtimeMs).toBe(before);
  });
});
