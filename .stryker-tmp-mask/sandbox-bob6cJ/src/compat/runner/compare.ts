/**
 * Did the client hand its user what the server sent? Compares the decoded result (as the driver returns it: JSON,
 * after the adapter's documented normalisation, see docs/generators.md) with the response body, and names each
 * difference exactly: a renamed key (`job_id` → `jobId`), a dropped `false`, a changed value.
 * Hand-written rather than a JSON diff library: those report add/remove pairs, not "renamed", and cannot apply the
 * per-generator equivalences below.
 */
// @ts-nocheck

import { childPointer } from '../../openapi/refs.js';
import { looseKey } from '../generators/naming.js';
import type { GeneratorAdapter } from '../generators/index.js';
import { parseLossless, stringifyLossless } from '../lossless.js';
import type { DecodeMismatch } from './types.js';

/** What a generator's round trip legitimately changes, so it is not counted against it. */
export interface Normalisation {
  /** A `null` the server sent may come back absent (Python models: `sanitize_for_serialization` drops None; Java: the client's mapper writes no nulls). */
  nullMayBeAbsent: boolean;
}

/**
 * Python clients return models through `sanitize_for_serialization`, which leaves out attributes that are None; the
 * Java driver writes models with the client's own ObjectMapper (`NON_NULL`). The Go driver keeps the server's keys
 * itself (drivers/go.ts). Every other driver returns JSON as the client decoded it. Date-times are compared as instants for everyone
 * (typescript-fetch and Python parse them into date objects and print them back in their own format).
 */
export function normalisationFor(adapter: Pick<GeneratorAdapter, 'language'>): Normalisation {
  return { nullMayBeAbsent: adapter.language === 'python' || adapter.language === 'java' };
}

const MAX_MISMATCHES = 20;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

const show = (value: unknown): string => {
  const text = value === undefined ? undefined : stringifyLossless(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'bigint' ? 'number' : typeof value);
/** An integer as a bigint (both sides are parsed losslessly: integers beyond 2^53 arrive as bigints). */
const exactInteger = (value: unknown): bigint | undefined =>
  typeof value === 'bigint' ? value : typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;

/** The client decoded an exact large integer into the nearest double: the same number to JavaScript, not to the wire. */
function precisionLost(sent: unknown, got: unknown): boolean {
  const a = exactInteger(sent);
  const b = exactInteger(got);
  return typeof sent === 'bigint' && a !== undefined && b !== undefined && a !== b && Number(a) === Number(b);
}
const where = (pointer: string): string => pointer || '(body)';

function sameScalar(sent: unknown, got: unknown): boolean {
  if (sent === got) return true;
  if (typeof sent === 'bigint' || typeof got === 'bigint') {
    const a = exactInteger(sent);
    return a !== undefined && a === exactInteger(got);
  }
  if (typeof sent === 'string' && typeof got === 'string' && DATE_TIME.test(sent) && DATE_TIME.test(got)) {
    const a = Date.parse(sent.replace(' ', 'T'));
    const b = Date.parse(got.replace(' ', 'T'));
    return !Number.isNaN(a) && a === b;
  }
  return false;
}

/** Differences between `sent` (the server's parsed body) and `got` (what the client returned), at most 20. */
export function compareDecoded(sent: unknown, got: unknown, norm: Normalisation): DecodeMismatch[] {
  const out: DecodeMismatch[] = [];
  const add = (m: DecodeMismatch) => {
    if (out.length < MAX_MISMATCHES) out.push(m);
  };
  const walk = (a: unknown, b: unknown, pointer: string): void => {
    if (out.length >= MAX_MISMATCHES) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) add({ pointer, kind: 'changed', message: `${where(pointer)}: server sent ${a.length} items, client returned ${b.length}` });
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], childPointer(pointer, i));
      return;
    }
    if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const sentObject = a as Record<string, unknown>;
      const gotObject = b as Record<string, unknown>;
      const renamedTo = new Set<string>();
      for (const [key, value] of Object.entries(sentObject)) {
        const at = childPointer(pointer, key);
        if (Object.hasOwn(gotObject, key)) {
          walk(value, gotObject[key], at);
          continue;
        }
        const twin = Object.keys(gotObject).find((k) => !Object.hasOwn(sentObject, k) && !renamedTo.has(k) && looseKey(k) === looseKey(key));
        if (twin !== undefined) {
          renamedTo.add(twin);
          add({ pointer: at, kind: 'renamed', message: `${at}: key ${key} renamed to ${twin}` });
          walk(value, gotObject[twin], at);
        } else if (value === null && norm.nullMayBeAbsent) {
          continue;
        } else {
          add({ pointer: at, kind: 'missing', message: `${at}: ${show(value)} dropped (the client returned no ${key})` });
        }
      }
      for (const key of Object.keys(gotObject)) {
        if (Object.hasOwn(sentObject, key) || renamedTo.has(key)) continue;
        const at = childPointer(pointer, key);
        add({ pointer: at, kind: 'extra', message: `${at}: client returned ${show(gotObject[key])}, the server sent no ${key}` });
      }
      return;
    }
    if (sameScalar(a, b)) return;
    if (precisionLost(a, b)) {
      add({ pointer, kind: 'precision', message: `${where(pointer)}: int64 ${String(a)} decoded as ${String(exactInteger(b))}` });
    } else if (b === undefined) {
      add({ pointer, kind: 'missing', message: `${where(pointer)}: server sent ${show(a)}, the client returned nothing` });
    } else if (kindOf(a) !== kindOf(b)) {
      add({ pointer, kind: 'type', message: `${where(pointer)}: server sent ${kindOf(a)} ${show(a)}, client returned ${kindOf(b)} ${show(b)}` });
    } else {
      add({ pointer, kind: 'changed', message: `${where(pointer)}: server sent ${show(a)}, client returned ${show(b)}` });
    }
  };
  walk(sent, got, '');
  return out;
}

/** The parsed JSON body (integers beyond 2^53 exact, as bigints), or undefined when there is none or it is not JSON. */
export function parseBody(body: string | undefined): { value: unknown } | undefined {
  if (body === undefined || body.trim() === '') return undefined;
  try {
    return { value: parseLossless(body) };
  } catch {
    return undefined;
  }
}
