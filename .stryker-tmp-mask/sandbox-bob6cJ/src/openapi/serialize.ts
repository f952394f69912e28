// @ts-nocheck
import { stringify as toYaml } from 'yaml';
import { isObject, type Json } from './types.js';

export type OutputFormat = 'json' | 'yaml';

function sortKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (!isObject(value)) return value;
  const out: { [k: string]: Json } = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeysDeep(value[key]);
  return out;
}

/** Serialise a spec for output: compact or pretty JSON, or YAML; optionally with sorted keys (stable diffs in git). */
export function serializeSpec(doc: Json, opts: { format: OutputFormat; pretty?: boolean; sortKeys?: boolean }): string {
  const value = opts.sortKeys ? sortKeysDeep(doc) : doc;
  if (opts.format === 'yaml') return toYaml(value, { aliasDuplicateObjects: false, lineWidth: 0 });
  return JSON.stringify(value, null, opts.pretty ? 2 : undefined) + '\n';
}
