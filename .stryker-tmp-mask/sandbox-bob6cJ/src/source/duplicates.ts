/**
 * Duplicate keys in a spec's text. JSON.parse silently keeps the last of two equal keys (GitHub's REST spec
 * has dozens of duplicate path keys), so the loader reports them: validate as findings, other commands as
 * warnings. JSON.parse stays the fast path; the text is scanned for its duplicates only when a count says there
 * are some.
 */
// @ts-nocheck

import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { pointerFromTokens } from '../openapi/refs.js';
import type { DuplicateKey } from '../openapi/types.js';

/**
 * Object members written in JSON text: strings followed by `:`. Hand-written because jsonc-parser's scanner
 * (used below to locate duplicates) costs ~2.5× JSON.parse on a 10 MB spec and this count ~0.25×: when it equals
 * the number of members JSON.parse kept, no key was dropped.
 */
export function countJsonMembers(text: string): number {
  let members = 0;
  let open = text.indexOf('"');
  while (open !== -1) {
    let close = open;
    for (;;) {
      close = text.indexOf('"', close + 1);
      if (close === -1) return members;
      let backslash = close - 1;
      while (text.charCodeAt(backslash) === 92) backslash--;
      if ((close - 1 - backslash) % 2 === 0) break; // not escaped
    }
    let next = close + 1;
    let c = text.charCodeAt(next);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++next);
    if (c === 58) members++;
    open = text.indexOf('"', next);
  }
  return members;
}

/** Every key written again in the same JSON object, in text order (jsonc-parser: VS Code's scanner, with offsets). */
export function findJsonDuplicateKeys(text: string): DuplicateKey[] {
  const { visit } = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser'); // only when a duplicate is likely
  const open: Map<string, { line: number; column: number }>[] = [];
  const found: DuplicateKey[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        open.push(new Map());
      },
      onObjectEnd: () => {
        open.pop();
      },
      onObjectProperty: (property, _offset, _length, startLine, startCharacter, path) => {
        const seen = open[open.length - 1];
        const at = { line: startLine + 1, column: startCharacter + 1 };
        const first = seen.get(property);
        if (first === undefined) seen.set(property, at);
        else found.push({ pointer: pointerFromTokens([...path(), property]), ...at, first });
      },
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  return found;
}

let yamlModule: typeof import('yaml') | undefined;
/** The yaml library, loaded on YAML's slow path only: a JSON spec (or plain YAML) never pays for its ~250 KB. */
export const yamlLibrary = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** Every key written again in the same YAML mapping (a key's JavaScript form: `1` and `"1"` are the same key). */
export function findYamlDuplicateKeys(doc: Document, lines: LineCounter): DuplicateKey[] {
  const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLibrary();
  const found: DuplicateKey[] = [];
  const position = (node: unknown) => {
    const offset = (node as { range?: [number, number, number] }).range?.[0] ?? 0;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  // Iterative: the document may nest as deeply as the YAML reader allows.
  const stack: { node: unknown; tokens: (string | number)[] }[] = [{ node: doc.contents, tokens: [] }];
  while (stack.length > 0) {
    const { node, tokens } = stack.pop()!;
    if (isAlias(node)) continue; // reported where the anchor is
    if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, tokens: [...tokens, i] }));
    } else if (isMap(node)) {
      const seen = new Map<string, { line: number; column: number }>();
      const pairs = node.items.filter(isPair);
      for (const pair of pairs) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, position(pair.key));
        else found.push({ pointer: pointerFromTokens([...tokens, key]), ...position(pair.key), first });
      }
      for (let i = pairs.length - 1; i >= 0; i--) {
        const pair = pairs[i];
        if (isScalar(pair.key)) stack.push({ node: pair.value, tokens: [...tokens, String(pair.key.value)] });
      }
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
