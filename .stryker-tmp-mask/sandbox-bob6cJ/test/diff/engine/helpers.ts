/**
 * Test helpers for the diff engine.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { maskDocument } from '../../../src/mask/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Masks `from` into `to` with the real mask stage, as `diff --mask` does before the engine runs. */
export function maskTag(doc: JsonObject, from: string, to: string): JsonObject {
  return maskDocument(doc, { from, to }).doc;
}

export function readSpec(path: string): JsonObject {
  const text = readFileSync(path, 'utf8');
  return (path.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as JsonObject;
}

export const fixturePath = (...parts: string[]): string => join(repoRoot, 'fixtures', ...parts);
