/**
 * Duplicate keys in a spec's text. JSON.parse silently keeps the last of two equal keys (GitHub's REST spec
 * has dozens of duplicate path keys), so the loader reports them: validate as findings, other commands as
 * warnings. JSON.parse stays the fast path; the text is scanned for its duplicates only when a count says there
 * are some.
 */
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

interface Frame {
  /** Object: the keys written so far (offset of the first), and the key whose value is being read. */
  keys?: Map<string, number>;
  key?: string;
  /** Array: the index of the element being read. */
  index: number;
}

/**
 * Every key written again in the same JSON object, in text order. Hand-written like the count above: it runs only
 * on text JSON.parse already accepted (so it need not validate), and jsonc-parser's visitor took ~1.1 s of a 10 MB
 * spec's load (GitHub 17.0.0, 53 duplicates) where this scan takes a fraction (issue 12). The tests check it
 * against jsonc-parser on generated documents.
 */
export function findJsonDuplicateKeys(text: string): DuplicateKey[] {
  const stack: Frame[] = [];
  const found: { pointer: string; at: number; first: number }[] = [];
  const structural = /["{}[\],]/g;
  for (let match = structural.exec(text); match !== null; match = structural.exec(text)) {
    const at = match.index;
    const c = text.charCodeAt(at);
    const top = stack[stack.length - 1];
    if (c === 34) {
      // A string: find its closing quote (one not escaped by an odd run of backslashes).
      let close = at;
      for (;;) {
        close = text.indexOf('"', close + 1);
        let backslash = close - 1;
        while (text.charCodeAt(backslash) === 92) backslash--;
        if ((close - 1 - backslash) % 2 === 0) break;
      }
      structural.lastIndex = close + 1;
      if (top?.keys === undefined) continue;
      let next = close + 1;
      let n = text.charCodeAt(next);
      while (n === 32 || n === 10 || n === 13 || n === 9) n = text.charCodeAt(++next);
      if (n !== 58) continue; // a value, not a key
      const raw = text.slice(at + 1, close);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      top.key = key;
      const first = top.keys.get(key);
      if (first === undefined) top.keys.set(key, at);
      else found.push({ pointer: pointerFromTokens([...stack.map((f) => (f.keys ? (f.key as string) : f.index))]), at, first });
    } else if (c === 123) stack.push({ keys: new Map(), index: 0 });
    else if (c === 91) stack.push({ index: 0 });
    else if (c === 125 || c === 93) stack.pop();
    else if (top !== undefined && top.keys === undefined) top.index++; // a comma between array elements
  }
  if (found.length === 0) return [];
  // Lines and columns (1-based, columns in UTF-16 units like the editors') only for the offsets reported.
  const offsets = [...new Set(found.flatMap((d) => [d.at, d.first]))].sort((x, y) => x - y);
  const position = new Map<number, { line: number; column: number }>();
  let line = 1;
  let lineStart = 0;
  let i = 0;
  for (const offset of offsets) {
    for (; i < offset; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    position.set(offset, { line, column: offset - lineStart + 1 });
  }
  return found.map((d) => ({ pointer: d.pointer, ...(position.get(d.at) as { line: number; column: number }), first: position.get(d.first) as { line: number; column: number } }));
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
