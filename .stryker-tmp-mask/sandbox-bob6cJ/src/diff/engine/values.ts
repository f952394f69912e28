/**
 * Keeps reports small: values in a change are shown in full when short, as a summary otherwise.
 * Hand-written: a few lines, and the size estimate must stop early on huge values (stringify would not).
 */
// @ts-nocheck

import { isObject, type Json, type JsonObject } from '../../openapi/types.js';

const MAX_CHARS = 400;
const MAX_STRING = 200;
const MAX_ITEMS = 20;

/** Approximate serialised size, giving up once past `limit` (so huge values cost nothing). */
function sizeUpTo(value: Json, limit: number): number {
  let size = 0;
  const stack: Json[] = [value];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop() as Json;
    if (Array.isArray(v)) {
      size += 2 + v.length;
      for (let i = 0; i < v.length && size <= limit; i++) stack.push(v[i]);
    } else if (isObject(v)) {
      size += 2;
      for (const k in v) {
        size += k.length + 4;
        stack.push(v[k]);
        if (size > limit) break;
      }
    } else if (typeof v === 'string') size += v.length + 2;
    else size += String(v).length;
  }
  return size;
}

const shortString = (s: string): string => (s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s);

const describe = (v: Json): Json => {
  if (Array.isArray(v)) return `[${v.length} items]`;
  if (isObject(v)) {
    const keys = Object.keys(v);
    return keys.length <= 8 ? `{${keys.join(', ')}}` : `{${keys.length} keys}`;
  }
  return typeof v === 'string' ? shortString(v) : v;
};

/** The value itself when small; otherwise its scalars, with nested objects and arrays replaced by a description. */
export function summarize(value: Json): Json {
  if (sizeUpTo(value, MAX_CHARS) <= MAX_CHARS) return value;
  if (typeof value === 'string') return shortString(value);
  if (Array.isArray(value)) {
    const head = value.slice(0, MAX_ITEMS).map(describe);
    if (value.length > MAX_ITEMS) head.push(`… ${value.length - MAX_ITEMS} more`);
    return head;
  }
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = describe(v);
    return out;
  }
  return value;
}
