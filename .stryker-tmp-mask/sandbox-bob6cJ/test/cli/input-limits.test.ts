/**
 * Issue 9, items 8 and 14 from the command line: a document nested past --max-depth is one line and exit 4 in
 * every command (never a stack trace or an output file); duplicate keys are a warning, or findings in validate.
 */
// @ts-nocheck

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../src/compat/server/index.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { cliAsync, cliIn } from '../helpers/cli.js';
import { allOfChain, nestedArrays } from '../helpers/deep-specs.js';

const dir = mkdtempSync(join(tmpdir(), 'specdrift-limits-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

/** `components.schemas.P` (level 10, reached through GET /x's response): `levels` objects nested through `properties.a`, 2 levels each. */
function nestedProperties(levels: number, innermostType = 'string'): string {
  const open = '{"type":"object","properties":{"a":'.repeat(levels);
  return `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/x":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/P"}}}}}}}},"components":{"schemas":{"P":${open}{"type":"${innermostType}"}${'}}'.repeat(levels)}}}}`;
}

const deepYaml = (n: number) => `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ${'['.repeat(n)}${']'.repeat(n)}\n`;

/** Each command, with -o where it writes one, on the spec `spec`. */
const commands = (spec: string, out: string): [string, string[]][] => [
  ['validate', ['validate', spec, '-o', out]],
  ['mask', ['mask', spec, '--strip', '-o', out]],
  ['slice', ['slice', spec, '--version', 'v1', '-o', out]],
  ['diff', ['diff', spec, spec, '-o', out]],
  ['fetch', ['fetch', spec, '-o', out]],
];

function expectOneLineRefusal(result: { code: number; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(4);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error|RangeError/);
}

describe('--max-depth: documents nested past the limit', () => {
  const inputs: [string, string, RegExp][] = [
    ['100,000 nested arrays (JSON)', nestedArrays(100_000), /^specdrift: \S+deep\.json: nests deeper than 256 levels at #\/components\/schemas\/Deep\/0\/0\/.+ — .*--max-depth/],
    ['3,000 nested arrays (YAML)', deepYaml(3000), /^specdrift: \S+deep\.yaml:6:\d+: nests too deeply to read \(the limit is 256 levels\)/],
    ['an 800-link allOf/$ref chain', allOfChain(800), /^specdrift: \S+deep\.json: nests deeper than 256 levels at #\/components\/schemas\/S82\/allOf \(through 83 \$refs\)/],
    ['nested properties 2,000 deep', nestedProperties(1000), /^specdrift: \S+deep\.json: nests deeper than 256 levels at #\/components\/schemas\/P\/properties\/a\/.+\/properties \(through 1 \$ref\)/],
  ];
  for (const [what, text, pattern] of inputs) {
    it(`${what}: every command exits 4 with one line and writes nothing`, { timeout: 180_000 }, async () => {
      const spec = file(/YAML/.test(what) ? 'deep.yaml' : 'deep.json', text);
      const out = join(dir, 'out.json');
      for (const [name, args] of commands(spec, out)) {
        const result = await cliIn(args);
        expectOneLineRefusal(result, pattern);
        expect(existsSync(out), name).toBe(false);
      }
    });
  }

  // Each command spawns the CLI: the cases are separate tests, with room for a loaded machine.
  const underLimit: [string, string, string][] = [
    ['253 nested arrays (level 256)', nestedArrays(253), nestedArrays(253)],
    ['an 83-link allOf chain (level 256), its end changed', allOfChain(83), allOfChain(83, 'integer')],
    ['120 nested properties through a $ref (level 250), the innermost type changed', nestedProperties(120), nestedProperties(120, 'integer')],
  ];
  for (const [what, oldText, newText] of underLimit) {
    it(`just under the limit every command works (no walker runs out of stack): ${what}`, { timeout: 180_000 }, async () => {
      const name = what.split(' ')[1];
      const oldSpec = file(`ok-${name}-old.json`, oldText);
      const newSpec = file(`ok-${name}-new.json`, newText);
      for (const args of [['validate', oldSpec], ['mask', oldSpec, '--strip', '-q'], ['slice', oldSpec, '--list'], ['fetch', newSpec], ['diff', oldSpec, newSpec, '--format', 'json']]) {
        const result = await cliIn(args);
        expect(result.stderr, args.join(' ')).not.toMatch(/nests|internal error|\n\s+at /);
        expect([0, 1], args.join(' ')).toContain(result.code);
        // The diff walks the whole chain: the type change at its end is found.
        if (args[0] === 'diff' && /chain/.test(what)) expect(result.stdout).toContain('/components/schemas/S82/type');
      }
    });
  }

  it('--max-depth lowers or raises the limit; a bad value is a usage error', async () => {
    const chain = file('chain10.json', allOfChain(10));
    expectOneLineRefusal(await cliIn(['fetch', chain, '--max-depth', '20']), /nests deeper than 20 levels at #\/components\/schemas\/S3\/allOf\/0 \(through 4 \$refs\)/);
    expect((await cliIn(['fetch', file('arrays300.json', nestedArrays(300)), '--max-depth', '400'])).code).toBe(0);
    const bad = await cliIn(['fetch', chain, '--max-depth', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('specdrift: --max-depth must be a positive whole number of levels, not 0 — the default is 256\n');
  });

  it('raised past what the walkers can take, the stack still ends in one line and exit 4', async () => {
    const result = await cliAsync(['mask', file('deep-raised.json', nestedArrays(100_000)), '--strip', '--max-depth', '1000000', '-o', join(dir, 'raised.json')]);
    expectOneLineRefusal(result, /nests too deeply to process/);
    expect(existsSync(join(dir, 'raised.json'))).toBe(false);
  });
});

describe('serve: a request body nested past the limit', () => {
  const doc = JSON.parse(
    '{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/x":{"post":{"requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/N"}}}},"responses":{"200":{"description":"ok"}}}}},"components":{"schemas":{"N":{"type":"object","properties":{"n":{"$ref":"#/components/schemas/N"}}}}}}',
  ) as JsonObject;
  let server: ReferenceServer;
  let limited: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer(doc);
    limited = await startReferenceServer(doc, { maxDepth: 10 });
  });
  afterAll(async () => {
    await server.close();
    await limited.close();
  });
  const post = async (base: string, levels: number) => {
    const body = '{"n":'.repeat(levels) + '{}' + '}'.repeat(levels);
    const response = await fetch(`${base}/x`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as { rule?: string; violations?: { message: string; pointer: string }[] } };
  };

  it('is answered 400 with a JSON body naming the rule, and the server keeps serving', async () => {
    const deep = await post(server.url, 100_000);
    expect(deep.status).toBe(400);
    expect(deep.body.rule).toBe('request-body-parse');
    expect(deep.body.violations?.[0].message).toMatch(/^POST \/x: body nests deeper than 256 levels at (\/n)+\/…(\/n)+$/);
    expect((await post(server.url, 100)).status).toBe(200);
  });

  it('follows maxDepth (serve --max-depth)', async () => {
    // The body object is level 1; level 11 is the 11th object, at /n × 10.
    const deep = await post(limited.url, 10);
    expect(deep.body).toMatchObject({ rule: 'request-body-parse' });
    expect(deep.status).toBe(400);
    expect(deep.body.violations?.[0].pointer).toBe('/n/n/n/n/n/n/n/n/n/n');
    expect((await post(limited.url, 9)).status).toBe(200);
  });
});

describe('duplicate keys from the command line', () => {
  const dup = [
    '{',
    '  "openapi": "3.0.3",',
    '  "info": {"title": "t", "version": "1"},',
    '  "paths": {',
    '    "/user/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "first"}}}},',
    '    "/user/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}], "responses": {"200": {"description": "second"}}}}',
    '  }',
    '}',
  ].join('\n');

  it('other commands warn on stderr with file:line:column and pointer, and go on', async () => {
    const spec = file('dup.json', dup);
    const result = await cliIn(['fetch', spec]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`specdrift: warning: ${spec}:6:5: duplicate key #/paths/~1user~1{id} (first at 5:5); the last one is used\n`);
    expect(JSON.parse(result.stdout).paths['/user/{id}'].get.responses['200'].description).toBe('second');
    const masked = await cliIn(['mask', spec, '--strip', '-q']);
    expect(masked.stderr).toBe(result.stderr);
  });

  it('at most five lines per spec, then how many more', async () => {
    const members = Array.from({ length: 9 }, (_, i) => `"k": ${i}`).join(',\n  ');
    const spec = file('many.json', `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},\n"x-many": {\n  ${members}\n}}`);
    const result = await cliIn(['diff', spec, spec]);
    expect(result.code).toBe(0);
    const lines = [3, 4, 5, 6, 7].map((line) => `specdrift: warning: ${spec}:${line + 1}:3: duplicate key #/x-many/k (first at 3:3); the last one is used`);
    const once = [...lines, `specdrift: warning: ${spec}: and 3 more duplicate keys (specdrift validate lists them all)`].join('\n') + '\n';
    expect(result.stderr).toBe(once + once); // both sides of the diff are the same file
  });

  it('validate reports each as an error finding with pointer and line (text and JSON), and no warning', async () => {
    const spec = file('dup-validate.json', dup);
    const text = await cliIn(['validate', spec]);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('');
    expect(text.stdout).toBe(
      `error  duplicate-key  /paths/~1user~1{id}  key "/user/{id}" written again at line 6:5 (first at 5:5); only the last is kept\n${spec}: 1 error, 0 warnings\n`,
    );
    const json = JSON.parse((await cliIn(['validate', spec, '-f', 'json'])).stdout);
    expect(json.findings).toEqual([
      { ruleId: 'duplicate-key', level: 'error', pointer: '/paths/~1user~1{id}', message: 'key "/user/{id}" written again at line 6:5 (first at 5:5); only the last is kept', line: 6, column: 5 },
    ]);
  });

  it('YAML duplicates get the same warning', async () => {
    const spec = file('dup.yaml', 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a: {}\n  /a: {}\n');
    const result = await cliIn(['fetch', spec]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`specdrift: warning: ${spec}:5:3: duplicate key #/paths/~1a (first at 4:3); the last one is used\n`);
  });
});
