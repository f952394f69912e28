/** Issue 9, items 8 and 14: one depth limit for every input, and duplicate keys reported with pointer and line. */
import fc from 'fast-check';
import { visit } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { ExitCode, SpecdriftError } from '../../src/errors.js';
import { DEFAULT_MAX_DEPTH, measureDepth, shortPointer } from '../../src/openapi/depth.js';
import { pointerFromTokens } from '../../src/openapi/refs.js';
import { countJsonMembers, findJsonDuplicateKeys } from '../../src/source/duplicates.js';
import { parseSpecText } from '../../src/source/parse.js';
import { allOfChain, nestedArrays } from '../helpers/deep-specs.js';

const refusal = (f: () => unknown): SpecdriftError => {
  try {
    f();
  } catch (err) {
    if (err instanceof SpecdriftError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('depth limit', () => {
  it('ends on a cyclic value (a YAML anchor used inside itself parses to one) without calling it too deep', () => {
    // Found by the fuzz suite: the first pass walked the cycle for ever.
    const parsed = parseSpecText('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx: &a {items: *a}\n', 'cyclic.yaml');
    const value = parsed.value as { x: { items: unknown } };
    expect(value.x.items).toBe(value.x);
    expect(measureDepth(value, 16).tooDeep).toBeUndefined();
  });

  it('the default is 256 levels', () => {
    expect(DEFAULT_MAX_DEPTH).toBe(256);
  });

  it('measures the document as written: 253 arrays reach level 256 and pass, 254 do not', () => {
    expect(measureDepth(JSON.parse(nestedArrays(253)), 256).tooDeep).toBeUndefined();
    const deep = measureDepth(JSON.parse(nestedArrays(254)), 256).tooDeep;
    // Level 257 is the 254th array: /components/schemas/Deep and then 253 × /0.
    expect(deep).toEqual({ pointer: `/components/schemas/Deep${'/0'.repeat(253)}`, refs: 0 });
  });

  it('follows $refs: an allOf chain is as deep as it is long, and says through how many refs', () => {
    // S82 is at level 10 + 246 = 256; its allOf is level 257. The refs: the response's, then S0 → … → S82.
    expect(measureDepth(JSON.parse(allOfChain(83)), 256).tooDeep).toBeUndefined();
    expect(measureDepth(JSON.parse(allOfChain(84)), 256).tooDeep).toEqual({ pointer: '/components/schemas/S82/allOf', refs: 83 });
    // As written, the chain is shallow.
    expect(measureDepth(JSON.parse(allOfChain(84)), 256, { followRefs: false }).tooDeep).toBeUndefined();
  });

  it('a $ref cycle is walked once, not forever', () => {
    const doc = { a: { $ref: '#/b' }, b: { x: { $ref: '#/a' } } };
    expect(measureDepth(doc, 5).tooDeep).toBeUndefined();
    expect(measureDepth(doc, 3).tooDeep).toBeDefined();
  });

  it('counts the members of the document as parsed', () => {
    expect(measureDepth({ a: 1, b: { c: [{ d: 2 }, 3] } }, 10).keys).toBe(4);
  });

  it('parseSpecText refuses a 100,000-deep JSON document with exit 4 and the pointer', () => {
    const err = refusal(() => parseSpecText(nestedArrays(100_000), 'deep.json'));
    expect(err.exitCode).toBe(ExitCode.parse);
    expect(err.message).toBe(`deep.json: nests deeper than 256 levels at #${shortPointer(`/components/schemas/Deep${'/0'.repeat(253)}`)}`);
    expect(err.line()).not.toMatch(/\n/);
  });

  it('parseSpecText honours a raised or lowered limit', () => {
    expect(() => parseSpecText(nestedArrays(300), 'x.json', undefined, { maxDepth: 400 })).not.toThrow();
    const err = refusal(() => parseSpecText(allOfChain(10), 'chain.json', undefined, { maxDepth: 20 }));
    // S3 is at level 19, S3/allOf 20, S3/allOf/0 21.
    expect(err.message).toBe('chain.json: nests deeper than 20 levels at #/components/schemas/S3/allOf/0 (through 4 $refs)');
  });

  it('YAML: past the limit with a pointer; too deep for the YAML reader itself with line:column', () => {
    const yaml = (n: number) => `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Deep: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    expect(() => parseSpecText(yaml(253), 'ok.yaml')).not.toThrow();
    expect(refusal(() => parseSpecText(yaml(300), 'd.yaml')).message).toBe(`d.yaml: nests deeper than 256 levels at #${shortPointer(`/components/schemas/Deep${'/0'.repeat(253)}`)}`);
    const unreadable = refusal(() => parseSpecText(yaml(100_000), 'd.yaml'));
    expect(unreadable.exitCode).toBe(ExitCode.parse);
    expect(unreadable.message).toMatch(/^d\.yaml:6:\d+: nests too deeply to read \(the limit is 256 levels\)$/);
  });

  it('YAML aliases chained into each other past the limit are refused, not a crash', () => {
    let yaml = 'a0: &a0 [x]\n';
    for (let i = 1; i < 300; i++) yaml += `a${i}: &a${i} [*a${i - 1}]\n`;
    yaml += 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n';
    const err = refusal(() => parseSpecText(yaml, 'alias.yaml'));
    expect(err.exitCode).toBe(ExitCode.parse);
    // The yaml library's alias count may refuse the chain before its depth is measured.
    expect(err.line()).toMatch(/^alias\.yaml: (nests deeper than 256 levels at #\/a299\/0\/0\/|YAML aliases expand too much)/);
  });

  it('shortPointer keeps the start and the end, cut at tokens', () => {
    expect(shortPointer('/a/b')).toBe('/a/b');
    expect(shortPointer(`/start${'/0'.repeat(200)}/end`, 40)).toBe('/start/0/0/0/0/0/0/0/…/0/0/0/0/0/0/0/0/end');
  });
});

describe('duplicate keys', () => {
  const json = [
    '{',
    '  "openapi": "3.0.3",',
    '  "info": {"title": "t", "version": "1"},',
    '  "paths": {',
    '    "/user/{account_id}": {},',
    '    "/user/{account_id}": {},',
    '    "/user/{account_id}": {}',
    '  },',
    '  "x-meta": {"k": 1, "k": 2}',
    '}',
  ].join('\n');

  it('JSON: each repeat with its pointer, line:column and the first one', () => {
    const { value, duplicateKeys } = parseSpecText(json, 'dup.json');
    expect(duplicateKeys).toEqual([
      { pointer: '/paths/~1user~1{account_id}', line: 6, column: 5, first: { line: 5, column: 5 } },
      { pointer: '/paths/~1user~1{account_id}', line: 7, column: 5, first: { line: 5, column: 5 } },
      { pointer: '/x-meta/k', line: 9, column: 22, first: { line: 9, column: 14 } },
    ]);
    expect((value as { 'x-meta': unknown })['x-meta']).toEqual({ k: 2 }); // the last one, as JSON.parse keeps it
  });

  it('JSON without duplicates: none, and the members counted in the text match', () => {
    const text = '{"a": "x\\":y", "b": {"c": ":", "d\\\\": [1, {"e": 2}]}}';
    expect(countJsonMembers(text)).toBe(5);
    expect(parseSpecText(text, 'ok.json').duplicateKeys).toEqual([]);
    expect(findJsonDuplicateKeys(text)).toEqual([]);
  });

  it('finds what jsonc-parser (an independent scanner) finds, on generated JSON text with repeated keys (property)', () => {
    const viaJsonc = (text: string) => {
      const open: Map<string, { line: number; column: number }>[] = [];
      const found: unknown[] = [];
      visit(text, {
        onObjectBegin: () => void open.push(new Map()),
        onObjectEnd: () => void open.pop(),
        onObjectProperty: (property, _offset, _length, line, character, path) => {
          const at = { line: line + 1, column: character + 1 };
          const first = open[open.length - 1].get(property);
          if (first === undefined) open[open.length - 1].set(property, at);
          else found.push({ pointer: pointerFromTokens([...path(), property]), ...at, first });
        },
      });
      return found;
    };
    // Few distinct keys (so they repeat), written with escapes, quotes, colons and braces; strings that hold them too.
    const key = fc.constantFrom('a', 'b', 'a\\"b', 'c\\\\d', '{', ':', 'é', '\\u0061'); // as written in the text: a\"b, c\\d, \u0061
    const scalar = fc.oneof(fc.constantFrom('1', 'true', 'null', '"x"', '"]"', '"\\\\"', '"\\""', '",{"'), fc.integer().map(String));
    const space = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '\r');
    const { json } = fc.letrec<{ json: string; object: string; array: string }>((tie) => ({
      json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('object'), tie('array')),
      object: fc.array(fc.tuple(key, space, tie('json')), { maxLength: 5 }).map((members) => `{${members.map(([k, ws, v]) => `${ws}"${k}"${ws}:${ws}${v}`).join(',')}}`),
      array: fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    }));
    fc.assert(
      fc.property(json, (text) => {
        JSON.parse(text); // the scan only ever sees text JSON.parse accepted
        expect(findJsonDuplicateKeys(text)).toEqual(viaJsonc(text));
      }),
      { numRuns: 400 },
    );
  });

  it('the same key in different objects is no duplicate; escaped spellings of one key are', () => {
    expect(parseSpecText('{"a": {"k": 1}, "b": {"k": 2}}', 'x.json').duplicateKeys).toEqual([]);
    expect(parseSpecText('{"a\\u0062": 1,\n "ab": 2}', 'x.json').duplicateKeys).toEqual([{ pointer: '/ab', line: 2, column: 2, first: { line: 1, column: 2 } }]);
  });

  it('YAML: the same report (the yaml library is told to accept them; the last one is kept)', () => {
    const yaml = ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths:', '  /a:', '    get: {}', '  /a:', '    put: {}', 'x-list:', '  - {k: 1, k: 2}'].join('\n');
    const { value, duplicateKeys } = parseSpecText(yaml, 'dup.yaml');
    expect(duplicateKeys).toEqual([
      { pointer: '/paths/~1a', line: 6, column: 3, first: { line: 4, column: 3 } },
      { pointer: '/x-list/0/k', line: 9, column: 12, first: { line: 9, column: 6 } },
    ]);
    expect((value as { paths: unknown }).paths).toEqual({ '/a': { put: {} } });
  });
});

describe('duplicate keys in files the spec $refs', () => {
  it('are reported with that file, its pointer and line — by loadSpec, by validate and on stderr', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { loadSpec } = await import('../../src/source/load.js');
    const { validateSpec } = await import('../../src/openapi/validate/index.js');
    const { cliAsync } = await import('../helpers/cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-dup-ext-'));
    mkdirSync(join(dir, 'schemas'));
    const api = join(dir, 'api.yaml');
    writeFileSync(api, ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths: {}', 'components:', '  schemas:', '    Pet: {$ref: "schemas/pet.yaml"}', ''].join('\n'));
    const pet = join(dir, 'schemas', 'pet.yaml');
    writeFileSync(pet, ['type: object', 'properties:', '  name: {type: string}', '  name: {type: integer}', ''].join('\n'));

    const spec = await loadSpec(api, { externalRefs: 'bundle' });
    expect(spec.duplicateKeys).toEqual([{ pointer: '/properties/name', line: 4, column: 3, first: { line: 3, column: 3 }, file: pet }]);
    const findings = await validateSpec(spec.doc, { source: api, duplicateKeys: spec.duplicateKeys });
    expect(findings.filter((f) => f.ruleId === 'duplicate-key')).toEqual([
      {
        ruleId: 'duplicate-key',
        level: 'error',
        pointer: '/properties/name',
        message: `key "name" written again at ${pet}:4:3 (first at 3:3); only the last is kept`,
        line: 4,
        column: 3,
        file: pet,
      },
    ]);
    const r = await cliAsync(['diff', api, api]);
    expect(r.stderr).toContain(`specdrift: warning: ${pet}:4:3: duplicate key #/properties/name (first at 3:3); the last one is used\n`);
  });
});
