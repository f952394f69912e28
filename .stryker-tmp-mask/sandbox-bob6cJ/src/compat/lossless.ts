/**
 * JSON with exact integers. `JSON.parse` turns 9007199254740993 into 9007199254740992, which would hide exactly the
 * precision loss compat looks for (an `int64` above 2^53 that a client decodes into a double). Parsing goes through
 * jsonc-parser (already a dependency: VS Code's scanner, which gives each literal's source text): an integer that
 * is not a safe JavaScript integer becomes a `bigint` with its exact digits; every other value is what
 * `JSON.parse` gives. Serialising writes bigints back as plain JSON numbers.
 */
// @ts-nocheck

import { createRequire } from 'node:module';
import type * as Jsonc from 'jsonc-parser';

let jsonc: typeof Jsonc | undefined;
const parser = (): typeof Jsonc => (jsonc ??= createRequire(import.meta.url)('jsonc-parser') as typeof Jsonc);

/** Drivers write a client's bigint as `{ "$specdrift:bigint": "digits" }` (JSON has no bigint): read back as one. */
export const BIGINT_MARKER = '$specdrift:bigint';

const INTEGER = /^-?\d+$/;

/** A JSON value (`undefined` for an empty text), with unsafe integers as bigints. Invalid JSON throws like `JSON.parse`. */
export function parseLossless(text: string): unknown {
  if (text.trim() === '') return undefined;
  const errors: Jsonc.ParseError[] = [];
  const root = parser().parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (!root || errors.length > 0) return JSON.parse(text) as unknown; // throws the usual SyntaxError
  return valueOf(root, text);
}

function valueOf(node: Jsonc.Node, text: string): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) Object.defineProperty(out, String(key.value), { value: valueOf(value, text), enumerable: true, writable: true, configurable: true });
      }
      const marker = out[BIGINT_MARKER];
      if (Object.keys(out).length === 1 && typeof marker === 'string' && INTEGER.test(marker)) return BigInt(marker);
      return out;
    }
    case 'array':
      return (node.children ?? []).map((child) => valueOf(child, text));
    case 'number': {
      const raw = text.slice(node.offset, node.offset + node.length);
      const number = Number(raw);
      return INTEGER.test(raw) && !Number.isSafeInteger(number) ? BigInt(raw) : number;
    }
    default:
      return node.value as unknown;
  }
}

/**
 * `JSON.stringify` that writes bigints as exact JSON numbers. Each bigint goes through a string holding a marker
 * with a per-process nonce; `JSON.stringify` escapes the NUL in it, so no other string can produce the same text.
 */
const NONCE = `\u0000specdrift-int-${Math.random().toString(36).slice(2)}:`;
const ESCAPED = JSON.stringify(NONCE).slice(1, -1);
export function stringifyLossless(value: unknown, space?: number): string {
  let found = false;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    found = true;
    return `${NONCE}${v.toString()}`;
  }, space);
  if (!found) return text;
  return text.split(`"${ESCAPED}`).map((part, i) => (i === 0 ? part : part.replace(/^(-?\d+)"/, '$1'))).join('');
}
