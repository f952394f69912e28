/**
 * YAML's fast path (js-yaml, issue 12) gives exactly what the yaml library's syntax tree gives, and hands every
 * document it must not judge (anchors, duplicate keys, errors) to that slow path.
 */
// @ts-nocheck

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseWithYamlLibrary } from 'yaml';
import { parseSpecText } from '../../src/source/parse.js';

const yaml = (lines: string[]) => `${lines.join('\n')}\n`;

describe('YAML fast path', () => {
  it.each([
    ['scalars of the core schema', yaml(['openapi: 3.0.3', 'a: 2020-01-01', 'b: 0o17', 'c: 017', 'd: yes', 'e: ~', 'f: .inf', 'g: "x"', 'h: 1e3', 'i: 0x1F', '200: ok', '<<: {x: 1}'])],
    ['nesting, flow style and block scalars', yaml(['paths:', '  /a:', '    get: {responses: {"200": {description: ok}}}', 'd: |', '  two', '  lines', 'e: [1, [2, {f: g}]]'])],
    ['prose with an ampersand', yaml(['info:', '  title: R&D API', '  description: "a & b"'])],
  ])('%s: same value as the yaml library', (_, text) => {
    expect(parseSpecText(text, 'x', 'x.yaml')).toEqual({ value: parseWithYamlLibrary(text), format: 'yaml', duplicateKeys: [] });
  });

  it('anchors and aliases go the slow way and keep its limits', () => {
    const text = yaml(['a: &x {b: 1}', 'c: *x']);
    expect(parseSpecText(text, 'x', 'x.yaml').value).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });

  it('a duplicate key is still found, with its line (slow path)', () => {
    const parsed = parseSpecText(yaml(['a: 1', 'b: 2', 'a: 3']), 'x', 'x.yaml');
    expect(parsed.value).toEqual({ a: 3, b: 2 });
    expect(parsed.duplicateKeys).toEqual([{ pointer: '/a', line: 3, column: 1, first: { line: 1, column: 1 } }]);
  });

  it('the rule fixtures parse to the same values both ways', () => {
    for (const file of readdirSync('fixtures/rules').flatMap((id) => [`fixtures/rules/${id}/old.yaml`, `fixtures/rules/${id}/new.yaml`])) {
      const text = readFileSync(file, 'utf8');
      expect(parseSpecText(text, file, file).value, file).toEqual(parseWithYamlLibrary(text));
    }
  });
});
