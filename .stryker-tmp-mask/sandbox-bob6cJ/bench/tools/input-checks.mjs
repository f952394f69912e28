#!/usr/bin/env node
// Cost of the loader's input checks (issue 9: depth limit, duplicate keys) next to JSON.parse, in a fresh
// process as the CLI pays them (first call, no warm-up): node bench/tools/input-checks.mjs SPEC.json
// Build dist/ first. Prints milliseconds; never asserts.
import { readFileSync } from 'node:fs';
const { measureDepth, DEFAULT_MAX_DEPTH } = await import('../../dist/openapi/depth.js');
const { countJsonMembers, findJsonDuplicateKeys } = await import('../../dist/source/duplicates.js');
const text = readFileSync(process.argv[2], 'utf8');
const time = (f) => {
  const start = performance.now();
  const result = f();
  return [Math.round(performance.now() - start), result];
};
const [parse, value] = time(() => JSON.parse(text));
const [depth] = time(() => measureDepth(value, DEFAULT_MAX_DEPTH));
const [count] = time(() => countJsonMembers(text));
const [locate, found] = process.argv.includes('--locate') ? time(() => findJsonDuplicateKeys(text)) : [undefined, undefined];
console.log(JSON.stringify({ bytes: text.length, parseMs: parse, depthCheckMs: depth, memberCountMs: count, ...(locate !== undefined ? { locateDuplicatesMs: locate, duplicates: found.length } : {}) }));
