/**
 * Fuzzing (issue 9): generated malformed documents and command lines, fed to load / validate / mask / slice / diff /
 * fetch. Whatever the input, specdrift must end with a documented exit code, say a failure in one line without a
 * stack trace, leave no output file (and no temp file) when it failed, and finish (hang guard). Seeded, so every
 * run tries the same cases; a defect found here is fixed in src/ and its input kept in REGRESSIONS below.
 */
// @ts-nocheck

import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAsync, type CliResult } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

/** docs/exit-codes.md, minus 70 (internal error: always a defect). */
const DOCUMENTED_EXIT_CODES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SEED = 20261202;

let dir: string;
let cwdBefore: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'specdrift-fuzz-'));
  cwdBefore = process.cwd();
  // No specdrift.config.* above a temp dir: version shorthands and configs stay out of the picture.
  process.chdir(dir);
  mkdirSync(join(dir, 'a-directory'));
  writeFileSync(join(dir, 'base.json'), JSON.stringify(baseOpenApi30()));
  writeFileSync(join(dir, 'empty.json'), '');
  symlinkSync(join(dir, 'base.json'), join(dir, 'link.json'));
});
afterAll(() => {
  process.chdir(cwdBefore);
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Documents

function baseOpenApi30(): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: { title: 'fuzz', version: '1.0.0' },
    paths: {
      '/slurm/v0.0.40/jobs': {
        get: {
          operationId: 'slurm_v0040_get_jobs',
          parameters: [{ name: 'update_time', in: 'query', schema: { type: 'string' } }],
          responses: { 200: { description: 'jobs', content: { 'application/json': { schema: { $ref: '#/components/schemas/v0.0.40_jobs' } } } } },
        },
      },
      '/slurm/v0.0.40/job/{job_id}': {
        parameters: [{ name: 'job_id', in: 'path', required: true, schema: { type: 'string' } }],
        delete: { operationId: 'slurm_v0040_delete_job', responses: { 200: { $ref: '#/components/responses/ok' } } },
      },
    },
    components: {
      schemas: {
        'v0.0.40_jobs': { type: 'array', items: { $ref: '#/components/schemas/v0.0.40_job' } },
        'v0.0.40_job': {
          type: 'object',
          required: ['job_id'],
          properties: { job_id: { type: 'integer', format: 'int32' }, name: { type: 'string', nullable: true }, state: { type: 'string', enum: ['PENDING', 'RUNNING'] } },
        },
      },
      responses: { ok: { description: 'ok' } },
    },
  };
}

function baseSwagger2(): Record<string, unknown> {
  return {
    swagger: '2.0',
    info: { title: 'fuzz', version: '1' },
    paths: { '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }], responses: { 200: { description: 'ok', schema: { $ref: '#/definitions/Pet' } } } } } },
    definitions: { Pet: { type: 'object', properties: { id: { type: 'integer' } } } },
  };
}

function baseOpenApi31(): Record<string, unknown> {
  return { ...baseOpenApi30(), openapi: '3.1.0', webhooks: { ping: { post: { responses: { 200: { description: 'ok' } } } } } };
}

/** Values of the wrong type for any place, and the odd ones parsers trip over. */
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 2 ** 53 + 1, 1e308, '', ' ', '\u0000', '\uFEFF', '\uD800', '💥', '__proto__', 'HUGE_NUMBER', '#/', '{id}', '/slurm/v0.0.40/'),
  fc.constantFrom([], {}, [[[]]], { $ref: '#/nowhere' }, { $ref: 42 }, { $ref: '' }, { $ref: '#' }, { __proto__: { polluted: true } }, { type: 'object', properties: [] }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('$ref', 'type', 'properties', 'paths', 'openapi', '__proto__', 'constructor', 'allOf', 'x-y', 'get', '{x}'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** $refs to nowhere, in cycles, to other files (missing, a directory, a device, outside the tree), remote, malformed. */
const oddRef = fc.constantFrom(
  '#/components/schemas/nowhere',
  '#/components/schemas/v0.0.40_job',
  '#/components/schemas/v0.0.40_jobs/items',
  '#',
  '#/',
  'not a pointer',
  '#/paths/~1slurm~1v0.0.40~1jobs',
  '#/paths/~2bad',
  '#/components/schemas/v0.0.40_job/properties/job_id/%',
  'missing.yaml#/x',
  'a-directory',
  'a-directory/#/x',
  'base.json#/components/schemas/v0.0.40_job',
  'base.json#/nothing',
  'link.json',
  'empty.json',
  '/dev/zero',
  '/dev/null#/x',
  '../../../../etc/passwd',
  'http://127.0.0.1:1/spec.json#/x',
  'file:///etc/hostname',
  '\u0000.json',
);

type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'ref'; at: number; ref: string }
  | { kind: 'cycle'; at: number }
  | { kind: 'nest'; at: number; depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: weirdValue }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('ref' as const), at: fc.nat(), ref: oddRef }),
  fc.record({ kind: fc.constant('cycle' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 60 }) }),
);

/** Every container and its keys in the document, in a fixed order: mutation `at` picks one modulo their count. */
function places(doc: unknown): { parent: Record<string, unknown> | unknown[]; key: string | number }[] {
  const out: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown, seen: Set<unknown>): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) node.forEach((v, i) => (out.push({ parent: node, key: i }), walk(v, seen)));
    else for (const [k, v] of Object.entries(node)) out.push({ parent: node as Record<string, unknown>, key: k }), walk(v, seen);
  };
  walk(doc, new Set());
  return out;
}

function mutate(doc: Record<string, unknown>, mutations: Mutation[]): Record<string, unknown> {
  for (const m of mutations) {
    const all = places(doc);
    if (all.length === 0) return doc;
    const { parent, key } = all[m.at % all.length];
    const target = parent as Record<string | number, unknown>;
    if (m.kind === 'set') target[key] = structuredClone(m.value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete target[key];
    } else if (m.kind === 'ref') target[key] = { $ref: m.ref };
    else if (m.kind === 'cycle') {
      // Two schemas that only refer to each other, used from here.
      const components = (doc.components ??= {}) as Record<string, unknown>;
      const schemas = (typeof components === 'object' && components !== null ? ((components.schemas ??= {}) as Record<string, unknown>) : {}) as Record<string, unknown>;
      if (typeof schemas === 'object' && schemas !== null) {
        schemas.cycleA = { $ref: '#/components/schemas/cycleB' };
        schemas.cycleB = { allOf: [{ $ref: '#/components/schemas/cycleA' }] };
      }
      target[key] = { $ref: '#/components/schemas/cycleA' };
    } else {
      let value: unknown = target[key];
      for (let i = 0; i < m.depth; i++) value = i % 2 === 0 ? [value] : { allOf: [value] };
      target[key] = value;
    }
  }
  return doc;
}

type TextDamage =
  | { kind: 'none' }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'bom' }
  | { kind: 'utf16le'; bom: boolean }
  | { kind: 'latin1' };

const insertedText = fc.oneof(
  fc.constantFrom('\u0000', '\uFEFF', '\t', '\r', '\r\n', '\u2028', '"', "'", '{', '}', '[', ']', ':', ',', '- ', '&a ', '*a', '*nope', '!!js/function "f() {}"', '!custom ', '!!binary aGk=', '<<: *a', '---\n', '...\n', '%YAML 1.1\n', '? ', '1e99999', '123456789012345678901234567890', '.nan', '.inf', '0x1F', '~'),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const textDamage: fc.Arbitrary<TextDamage> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'none' as const }) },
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertedText }) },
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('utf16le' as const), bom: fc.boolean() }),
  fc.constant({ kind: 'latin1' as const }),
);

function damage(text: string, d: TextDamage): Buffer {
  switch (d.kind) {
    case 'none':
      return Buffer.from(text);
    case 'truncate':
      return Buffer.from(text.slice(0, d.at % (text.length + 1)));
    case 'insert': {
      const at = d.at % (text.length + 1);
      return Buffer.from(text.slice(0, at) + d.text + text.slice(at));
    }
    case 'bom':
      return Buffer.from('\uFEFF' + text);
    case 'utf16le':
      return Buffer.concat([d.bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'latin1':
      return Buffer.from(text.replace(/"fuzz"/, '"fü\u00dfz"'), 'latin1');
  }
}

/** Hand-written YAML that only YAML can say: tags, anchors (also recursive), merge keys, several documents. */
const YAML_ODDITIES = [
  'openapi: 3.0.3\ninfo: &i {title: t, version: "1"}\npaths:\n  /a: &p\n    get: {responses: {"200": {description: ok}}}\n  /b: *p\ncomponents: {schemas: {x: *i}}\n',
  'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: &loop\n  /a: *loop\n',
  'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    a: &a {type: array, items: *a}\n',
  'openapi: 3.0.3\ninfo: {title: !!js/function "function(){}", version: "1"}\npaths: {}\n',
  'openapi: 3.0.3\ninfo: !custom {title: t, version: "1"}\npaths: !!set {/a: null}\n',
  'openapi: 3.0.3\ninfo: {title: !!binary aGVsbG8=, version: !!timestamp 2001-12-14}\npaths: {}\n',
  'base: &b {title: t}\nopenapi: 3.0.3\ninfo: {<<: *b, version: "1"}\npaths: {<<: *nope}\n',
  'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n---\nopenapi: 3.1.0\n',
  '%YAML 1.1\n---\nopenapi: 3.0.3\ninfo: {title: t, version: 1.0}\npaths: {? [a, b] : c, 1: {get: 2}}\n',
  'openapi: 3.0.3\ninfo:\n\ttitle: t\npaths: {}\n',
  'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {/a: {get: {responses: {200: {description: ok}}}}}\nx: [*a]\n',
  'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        200: {description: ok}\n        200: {description: twice}\n',
];

interface GeneratedDocument {
  base: 'openapi30' | 'openapi31' | 'swagger2';
  mutations: Mutation[];
  format: 'json' | 'yaml' | 'yaml-oddity';
  oddity: number;
  damage: TextDamage;
  extension: '.json' | '.yaml' | '.txt' | '';
}

const generatedDocument: fc.Arbitrary<GeneratedDocument> = fc.record({
  base: fc.constantFrom('openapi30' as const, 'openapi31' as const, 'swagger2' as const),
  mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
  format: fc.constantFrom('json' as const, 'yaml' as const, 'yaml-oddity' as const),
  oddity: fc.nat({ max: YAML_ODDITIES.length - 1 }),
  damage: textDamage,
  extension: fc.constantFrom('.json' as const, '.yaml' as const, '.txt' as const, '' as const),
});

function documentBytes(g: GeneratedDocument): Buffer {
  if (g.format === 'yaml-oddity') return damage(YAML_ODDITIES[g.oddity], g.damage);
  const base = g.base === 'openapi30' ? baseOpenApi30() : g.base === 'openapi31' ? baseOpenApi31() : baseSwagger2();
  const doc = mutate(base, g.mutations);
  const text = g.format === 'json' ? JSON.stringify(doc, null, 1) : toYaml(doc, { aliasDuplicateObjects: false });
  return damage(text.replaceAll('"HUGE_NUMBER"', '1e99999').replaceAll('HUGE_NUMBER', '123456789012345678901234567890'), g.damage);
}

// ---------------------------------------------------------------------------------------------------------------
// What every run must satisfy

let caseNumber = 0;
/** A fresh directory for one case's output file, so leftovers (temp files) are easy to see. */
function outputDir(): string {
  const out = join(dir, `out-${++caseNumber}`);
  mkdirSync(out);
  return out;
}

function assertWellBehaved(label: string, r: CliResult, opts: { outDir?: string; outName?: string; debug?: boolean } = {}): void {
  const context = `${label}\nexit ${r.code}\nstderr: ${r.stderr}`;
  expect(DOCUMENTED_EXIT_CODES, context).toContain(r.code);
  if (!opts.debug) expect(r.stderr, context).not.toMatch(/^\s+at .+/m);
  expect(r.stderr, context).not.toMatch(/TypeError|RangeError|ReferenceError|internal error/);
  // A Node warning ("(node:123) Warning: …") is a second line nobody asked for.
  expect(r.stderr, context).not.toMatch(/\(node:\d+\)/);
  const failed = r.code !== 0 && r.code !== 1;
  if (failed && !opts.debug) {
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    const errorLines = lines.filter((l) => !l.startsWith('specdrift: warning:'));
    expect(errorLines, context).toHaveLength(1);
    expect(errorLines[0], context).toMatch(/^specdrift: \S/);
  }
  if (opts.outDir) {
    const left = readdirSync(opts.outDir);
    expect(left.filter((f) => f.endsWith('.tmp')), context).toEqual([]);
    if (failed) expect(left, context).toEqual([]);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generated documents through every command, in this process

type Command = 'validate' | 'validate-json' | 'mask-strip' | 'mask-to' | 'slice-list' | 'slice-version' | 'diff-base' | 'diff-self' | 'fetch';
const COMMANDS: Command[] = ['validate', 'validate-json', 'mask-strip', 'mask-to', 'slice-list', 'slice-version', 'diff-base', 'diff-self', 'fetch'];

function argsFor(command: Command, spec: string, out: string): string[] {
  switch (command) {
    case 'validate':
      return ['validate', spec, '-o', out];
    case 'validate-json':
      return ['validate', spec, '--format', 'json', '-o', out];
    case 'mask-strip':
      return ['mask', spec, '--strip', '-q', '-o', out];
    case 'mask-to':
      return ['mask', spec, '--to', 'v0.0.41', '-o', out];
    case 'slice-list':
      return ['slice', spec, '--list'];
    case 'slice-version':
      return ['slice', spec, '-v', 'v0.0.40', '-o', out];
    case 'diff-base':
      return ['diff', join(dir, 'base.json'), spec, '--format', 'json', '-o', out];
    case 'diff-self':
      return ['diff', spec, spec, '-o', out];
    case 'fetch':
      return ['fetch', spec, '--sort-keys', '-o', out];
  }
}

async function runDocumentCase(g: GeneratedDocument, commands: Command[]): Promise<void> {
  const specDir = outputDir();
  const spec = join(specDir, `spec${g.extension}`);
  writeFileSync(spec, documentBytes(g));
  for (const command of commands) {
    const outDir = outputDir();
    const args = argsFor(command, spec, join(outDir, 'out.json'));
    const r = await runInProcess(args, { timeoutMs: 30_000 });
    assertWellBehaved(`specdrift ${args.join(' ')}\ninput: ${JSON.stringify(g)}`, r, { outDir });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Generated command lines

const argPiece = fc.oneof(
  fc.constantFrom(
    'base.json',
    'missing.json',
    'a-directory',
    'a-directory/',
    'empty.json',
    'link.json',
    '/dev/null',
    '/dev/zero',
    '/proc/self/mem',
    '',
    ' ',
    '-',
    '--',
    '--nope',
    '--format',
    '--format=xml',
    '-f',
    'yaml',
    'json',
    'sarif',
    '-o',
    '--output',
    'a-directory',
    '--select',
    '.paths',
    '.components.schemas."v0.0.40_job"',
    '.paths."/nope"',
    '.[',
    '..',
    '.paths[0]',
    '."\u0000"',
    '--select-old',
    '--select-new',
    '--mode',
    'structural',
    'sideways',
    '--fail-on',
    'breaking',
    'never',
    '--mask',
    'off',
    'v1:',
    ':',
    '--direction',
    '--severity',
    'x=y',
    '--accept',
    '--policy',
    'oasdiff',
    '--deprecation-days',
    '-3',
    '1e999',
    'NaN',
    '--deprecated-since',
    '2025-13-45',
    '--max-bytes',
    '0',
    '--timeout',
    '--header',
    'no-colon',
    'X: y',
    '--config',
    'missing.config.json',
    '--cache-dir',
    '--to',
    '--from',
    '--strip',
    '--detect',
    '--placeholder',
    '-v',
    'v0.0.40',
    'v9.9.9',
    '--list',
    '--pretty',
    '--sort-keys',
    '--follow-symlinks',
    'git:',
    'git:HEAD',
    'git:-x:y',
    'git:HEAD:nope.json',
    'HEAD~1:x.json',
    'cmd:',
    'v41',
    'http://127.0.0.1:1/spec.json',
    'https://[::1:/x',
    'file:base.json',
    'stdin:',
    '%s%n',
    '💥',
    '--debug',
  ),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const commandLine = fc.tuple(fc.constantFrom('validate', 'mask', 'slice', 'diff', 'fetch', 'rules', 'nope', '--select'), fc.array(argPiece, { minLength: 0, maxLength: 6 }));

/** Pieces that would wait on this process's stdin (or a terminal) are not run in process. */
const waitsOnStdin = (args: string[]): boolean => args.some((a) => a === '-' || a === 'stdin:');

// ---------------------------------------------------------------------------------------------------------------
// Regressions: inputs the fuzzer found, kept as fixed cases.

interface Regression {
  why: string;
  args: (dir: string) => string[];
  document?: string | Buffer;
  /** Text that must not appear on stderr. */
  secret?: string;
}

const REGRESSIONS: Regression[] = [
  { why: 'a "regular file" that cannot be read (/proc/self/mem: EIO) was an internal error', args: () => ['validate', '/proc/self/mem'] },
  {
    why: 'a YAML collection used as a key made the yaml library print a Node warning on stderr (a second line)',
    args: (d) => ['validate', join(d, 'spec')],
    document: 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {? [a, b] : c}\n',
  },
  {
    why: 'a --header without its colon was echoed on stderr, token and all',
    args: () => ['validate', 'http://127.0.0.1:1/spec.json', '--header', 'Authorization Bearer s3cr3t-t0ken'],
    secret: 's3cr3t-t0ken',
  },
];

describe('fuzz: generated documents and command lines', () => {
  it('malformed JSON/YAML/OpenAPI documents: documented exit code, one line, no stack, no output left (in process)', async () => {
    await fc.assert(
      fc.asyncProperty(generatedDocument, fc.subarray(COMMANDS, { minLength: 2, maxLength: 3 }), async (g, commands) => runDocumentCase(g, commands)),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  }, 300_000);

  it('every YAML oddity through validate, diff and mask', async () => {
    for (let oddity = 0; oddity < YAML_ODDITIES.length; oddity++) {
      await runDocumentCase({ base: 'openapi30', mutations: [], format: 'yaml-oddity', oddity, damage: { kind: 'none' }, extension: '.yaml' }, ['validate', 'diff-base', 'mask-strip']);
    }
  }, 300_000);

  it('odd command lines: unknown flags, missing values, bad enums, directories, devices, odd selectors (in process)', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, fc.boolean(), async ([command, pieces], withOutput) => {
        const args = [command, ...pieces];
        if (waitsOnStdin(args)) return;
        const outDir = outputDir();
        const full = withOutput ? [...args, '-o', join(outDir, 'out.txt')] : args;
        const r = await runInProcess(full, { timeoutMs: 30_000 });
        assertWellBehaved(`specdrift ${JSON.stringify(full)}`, r, { outDir, debug: full.includes('--debug') });
      }),
      { seed: SEED, numRuns: 150, endOnFailure: true },
    );
  }, 300_000);

  for (const regression of REGRESSIONS) {
    it(`regression: ${regression.why}`, async () => {
      const caseDir = outputDir();
      if (regression.document !== undefined) writeFileSync(join(caseDir, 'spec'), regression.document);
      const r = await runInProcess(regression.args(caseDir), { timeoutMs: 30_000 });
      assertWellBehaved(regression.why, r, { outDir: regression.document === undefined ? caseDir : undefined });
      if (regression.secret !== undefined) expect(r.stderr).not.toContain(regression.secret);
    }, 120_000);
  }
});

describe('fuzz: through the real binary (dist/, process timeout as hang guard)', () => {
  it('a sample of generated documents, each under a 60 s process timeout', async () => {
    const samples = fc.sample(fc.tuple(generatedDocument, fc.constantFrom(...COMMANDS)), { seed: SEED + 1, numRuns: 3 });
    for (const [g, command] of samples) {
      const specDir = outputDir();
      const spec = join(specDir, `spec${g.extension}`);
      writeFileSync(spec, documentBytes(g));
      const outDir = outputDir();
      const args = argsFor(command, spec, join(outDir, 'out.json'));
      const r = await cliAsync(args, { cwd: dir, timeout: 60_000 });
      expect(r.code, `timed out: ${args.join(' ')}`).not.toBe(-1);
      assertWellBehaved(`bin/specdrift.js ${args.join(' ')}\ninput: ${JSON.stringify(g)}`, r, { outDir });
    }
    // stdin ('-') can only be fed to a real process.
    const piped = await cliAsync(['validate', '-'], { cwd: dir, input: '{"openapi": "3.0.3", "info": ', timeout: 60_000 });
    assertWellBehaved('validate - with truncated JSON on stdin', piped);
    expect(piped.code).toBe(4);
  }, 300_000);
});
