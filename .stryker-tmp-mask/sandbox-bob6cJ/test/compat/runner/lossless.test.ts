/**
 * Exact large integers (issue 14, item 2): the reference server can send an int64 above 2^53, both sides are parsed
 * without loss, and a client that decodes it into a double fails with a named reason.
 */
// @ts-nocheck

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLossless, stringifyLossless } from '../../../src/compat/lossless.js';
import { compareDecoded } from '../../../src/compat/runner/compare.js';
import { runCompat } from '../../../src/compat/runner/index.js';
import type { CompatReport } from '../../../src/compat/runner/types.js';
import { LARGE_INT64, sampleMedia, startReferenceServer } from '../../../src/compat/server/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fakeGenerator } from './helpers.js';

const spec = {
  openapi: '3.0.3',
  info: { title: 'big', version: '1' },
  paths: {
    '/counts': {
      get: {
        operationId: 'get_counts',
        responses: {
          '200': {
            description: 'ok',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['total', 'small', 'bounded', 'plain', 'items'],
                  properties: {
                    total: { type: 'integer', format: 'int64' },
                    small: { type: 'integer', format: 'int32' },
                    bounded: { type: 'integer', format: 'int64', maximum: 1000 },
                    plain: { type: 'integer' },
                    items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/example': {
      get: {
        operationId: 'get_example',
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer', format: 'int64' } } }, example: { id: 7 } } } } },
      },
    },
  },
  components: { schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'integer', format: 'int64' } } } } },
} as unknown as JsonObject;

describe('lossless JSON', () => {
  it('keeps integers beyond 2^53 exact as bigints, everything else as JSON.parse gives it', () => {
    expect(parseLossless('{"a":9007199254740993,"b":9007199254740991,"c":1.5,"d":-9223372036854775808,"e":"9007199254740993","f":[1e400]}')).toEqual({
      a: 9007199254740993n,
      b: 9007199254740991,
      c: 1.5,
      d: -9223372036854775808n,
      e: '9007199254740993',
      f: [Infinity],
    });
    expect(parseLossless('{"x":{"$specdrift:bigint":"12345678901234567890"}}')).toEqual({ x: 12345678901234567890n });
    expect(parseLossless('')).toBeUndefined();
    expect(() => parseLossless('{"a":')).toThrow(SyntaxError);
  });

  it('writes bigints as plain numbers and leaves strings alone, whatever they hold', () => {
    const text = stringifyLossless({ id: 9007199254740993n, list: [-1n, 2], note: '\u0000specdrift-int-x:5"', n: null });
    expect(text).toBe('{"id":9007199254740993,"list":[-1,2],"note":"\\u0000specdrift-int-x:5\\"","n":null}');
    expect(parseLossless(text)).toEqual({ id: 9007199254740993n, list: [-1, 2], note: '\u0000specdrift-int-x:5"', n: null });
  });
});

describe('precision loss is a named mismatch', () => {
  it('names the int64 and the double it became', () => {
    expect(compareDecoded({ total: 9007199254740993n }, { total: 9007199254740992 }, { nullMayBeAbsent: false })).toEqual([
      { pointer: '/total', kind: 'precision', message: '/total: int64 9007199254740993 decoded as 9007199254740992' },
    ]);
    expect(compareDecoded({ total: 9007199254740993n }, { total: 9007199254740993n }, { nullMayBeAbsent: false })).toEqual([]);
    // a wrong value that is not the nearest double is a plain change
    expect(compareDecoded({ total: 9007199254740993n }, { total: 5 }, { nullMayBeAbsent: false })[0]).toMatchObject({ kind: 'changed', message: '/total: server sent 9007199254740993, client returned 5' });
  });
});

describe('--sample-large-integers', () => {
  const media = '/paths/~1counts/get/responses/200/content/application~1json';

  it('samples 2^53 + 1 for int64 where the schema allows, nowhere else, and keeps examples', () => {
    const on = sampleMedia(spec, media, 'response', { largeIntegers: true }).value as unknown as Record<string, unknown>;
    expect(on.total).toBe(LARGE_INT64);
    expect((on.items as { id: unknown }[])[0].id).toBe(LARGE_INT64);
    expect(typeof on.small).toBe('number'); // int32
    expect(typeof on.bounded).toBe('number'); // maximum 1000
    expect(typeof on.plain).toBe('number'); // no format
    expect(typeof (sampleMedia(spec, media, 'response').value as Record<string, unknown>).total).toBe('number'); // off by default
    expect(sampleMedia(spec, '/paths/~1example/get/responses/200/content/application~1json', 'response', { largeIntegers: true }).value).toEqual({ id: 7 });
  });

  it('makes the reference server send the exact digits, and the response still conforms', async () => {
    const server = await startReferenceServer(spec, { sampleLargeIntegers: true });
    try {
      const text = await (await fetch(`${server.url}/counts`)).text();
      expect(text).toContain('"total":9007199254740993');
      expect(server.exchanges[0].violations).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('compat with large integers', () => {
  let dir: string;
  let report: CompatReport;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'specdrift-lossless-'));
    const specPath = join(dir, 'big.json');
    await writeFile(specPath, JSON.stringify(spec));
    report = await runCompat({
      doc: spec,
      specPath,
      source: 'big.json',
      generators: [fakeGenerator('json-parse'), fakeGenerator('exact', { parse: parseLossless })],
      cacheDir: dir,
      sampleLargeIntegers: true,
    });
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fails a client that decodes into doubles, naming the value, and passes one that keeps the digits', () => {
    const cell = (g: string, op: string) => report.cells.find((c) => c.generator === g && c.operationId === op)!;
    expect(cell('json-parse', 'get_counts')).toMatchObject({ status: 'fail', reason: "decoded body differs from the server's: /total: int64 9007199254740993 decoded as 9007199254740992 (+1 more)" });
    expect(cell('json-parse', 'get_counts').mismatches!.map((m) => m.message)).toEqual([
      '/total: int64 9007199254740993 decoded as 9007199254740992',
      '/items/0/id: int64 9007199254740993 decoded as 9007199254740992',
    ]);
    expect(cell('json-parse', 'get_example').status).toBe('pass'); // the example's 7 is kept
    expect(cell('exact', 'get_counts').status).toBe('pass');
  });
});
