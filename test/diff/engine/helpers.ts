/**
 * Test helpers for the diff engine. `maskTag` is a deliberately simple stand-in for src/mask (JSON-level
 * text replacement of one version tag in its dotted and compact forms), so these tests do not depend on
 * the mask module's options.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { JsonObject } from '../../../src/spec/types.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Rewrites `v0.0.41` → `v0.0.40` and `v0041` → `v0040` everywhere (keys and strings). */
export function maskTag(doc: JsonObject, from: string, to: string): JsonObject {
  const compact = (v: string) => {
    const [a, b, c] = v.replace(/^v/, '').split('.');
    return `v${a}${b}${c.padStart(2, '0')}`;
  };
  const text = JSON.stringify(doc).split(from).join(to).split(compact(from)).join(compact(to));
  return JSON.parse(text) as JsonObject;
}

export function readSpec(path: string): JsonObject {
  const text = readFileSync(path, 'utf8');
  return (path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as JsonObject;
}

export const fixturePath = (...parts: string[]): string => join(repoRoot, 'fixtures', ...parts);
