/**
 * Generated data for `serve --dynamic --seed N` and `Prefer: dynamic=true`: random values that follow the schema,
 * repeatable for a seed. Hand-written: json-schema-faker (the usual choice) is not installed and knows JSON Schema
 * only; this walks OpenAPI schemas (`$ref`s through the document, readOnly/writeOnly, nullable), and whatever it
 * gets wrong is repaired by the same validate-and-fix step as the deterministic samples (sample.ts).
 */
// @ts-nocheck

import { sample } from 'openapi-sampler';
import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { repairSample, type Direction, type SampleResult } from './sample.js';

/** mulberry32: a tiny well-known 32-bit PRNG; enough for test data, and the same sequence for the same seed. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for one draw: the server's seed mixed with what is drawn and how often it was drawn before (FNV-1a). */
export function mixSeed(seed: number, key: string, count: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const ch of `${key}#${count}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

const WORDS = ['alpha', 'render', 'frame', 'node', 'queue', 'blender', 'shot', 'scene', 'camera', 'light', 'task', 'worker', 'studio', 'delta', 'orbit', 'pixel'];
const MAX_DEPTH = 6;

interface Walk {
  doc: JsonObject;
  random: () => number;
  direction: Direction;
}

const pick = <T>(w: Walk, list: readonly T[]): T => list[Math.floor(w.random() * list.length)];
const intBetween = (w: Walk, min: number, max: number) => min + Math.floor(w.random() * (max - min + 1));
const hex = (w: Walk, n: number) => Array.from({ length: n }, () => Math.floor(w.random() * 16).toString(16)).join('');

function formatted(w: Walk, format: string): string | undefined {
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(w.random() * 5 * 365) * 86_400_000 + Math.floor(w.random() * 86_400) * 1000);
  switch (format) {
    case 'date-time':
      return day.toISOString().replace(/\.\d+Z$/, 'Z');
    case 'date':
      return day.toISOString().slice(0, 10);
    case 'uuid':
      return `${hex(w, 8)}-${hex(w, 4)}-4${hex(w, 3)}-${pick(w, ['8', '9', 'a', 'b'])}${hex(w, 3)}-${hex(w, 12)}`;
    case 'email':
      return `${pick(w, WORDS)}${intBetween(w, 1, 99)}@example.com`;
    case 'hostname':
      return `${pick(w, WORDS)}${intBetween(w, 1, 99)}.example.com`;
    case 'ipv4':
      return `192.0.2.${intBetween(w, 1, 254)}`;
    case 'uri':
    case 'url':
      return `https://example.com/${pick(w, WORDS)}/${intBetween(w, 1, 999)}`;
    default:
      return undefined;
  }
}

function generate(w: Walk, raw: Json | undefined, pointer: string, depth: number): Json {
  if (raw === undefined) return null;
  const resolved = derefLocal(w.doc, raw, pointer);
  if (!resolved || !isObject(resolved.node)) return null;
  const schema = resolved.node;
  const at = resolved.pointer;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return pick(w, schema.enum.filter((v) => v !== null).length > 0 ? schema.enum.filter((v) => v !== null) : schema.enum);
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part, i) => generate(w, part, childPointer(at, 'allOf', i), depth));
    return parts.every(isObject) ? Object.assign({}, ...parts) : (parts[0] ?? null);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0) {
      const i = Math.floor(w.random() * list.length);
      return generate(w, list[i], childPointer(at, key, i), depth);
    }
  }
  const types = (Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type]).filter((t) => t !== 'null');
  const type = types.length > 0 ? String(pick(w, types)) : isObject(schema.properties) ? 'object' : schema.items !== undefined ? 'array' : 'string';
  switch (type) {
    case 'object': {
      const out: JsonObject = {};
      const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
      for (const [name, property] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
        const target = derefLocal(w.doc, property, childPointer(at, 'properties', name))?.node;
        if (isObject(target) && ((w.direction === 'request' && target.readOnly === true) || (w.direction === 'response' && target.writeOnly === true))) continue;
        if (!required.has(name) && (depth >= MAX_DEPTH || w.random() < 0.3)) continue;
        out[name] = generate(w, property, childPointer(at, 'properties', name), depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const max = typeof schema.maxItems === 'number' ? schema.maxItems : min + 3;
      const count = depth >= MAX_DEPTH ? min : intBetween(w, Math.max(min, Math.min(1, max)), Math.min(max, min + 3));
      return Array.from({ length: count }, () => generate(w, schema.items as Json | undefined, childPointer(at, 'items'), depth + 1));
    }
    case 'integer':
    case 'number': {
      const low = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
      const high = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : low + 10_000;
      const value = type === 'integer' ? intBetween(w, Math.ceil(low), Math.max(Math.ceil(low), Math.floor(high))) : Math.round((low + w.random() * (high - low)) * 100) / 100;
      return typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? Math.round(value / schema.multipleOf) * schema.multipleOf : value;
    }
    case 'boolean':
      return w.random() < 0.5;
    default: {
      if (typeof schema.format === 'string') {
        const value = formatted(w, schema.format);
        if (value !== undefined) return value;
      }
      if (typeof schema.pattern === 'string') return (sample(schema as never, { quiet: true, enablePatterns: true }, w.doc) ?? '') as Json;
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
      let text = `${pick(w, WORDS)}-${intBetween(w, 1, 999)}`;
      while (text.length < min) text += pick(w, WORDS);
      return text.slice(0, max);
    }
  }
}

/** A random value for the schema at `schemaPointer`, repaired until it validates. */
export function dynamicSchemaSample(doc: JsonObject, schemaPointer: string, direction: Direction, seed: number): SampleResult {
  const walk: Walk = { doc, random: randomSource(seed), direction };
  const value = generate(walk, resolvePointer(doc, schemaPointer), schemaPointer, 0);
  return repairSample(doc, schemaPointer, value, direction);
}
