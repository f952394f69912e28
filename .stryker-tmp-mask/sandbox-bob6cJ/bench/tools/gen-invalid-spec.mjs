#!/usr/bin/env node
// Deterministic generator of a large OpenAPI 3.0 JSON spec full of validation errors (bench: validate at scale).
// usage: node bench/tools/gen-invalid-spec.mjs OUT.json [targetBytes=10485760]
// Same arguments → byte-identical output (fixed-seed PRNG), so bench figures are comparable between runs.
import { writeFileSync } from 'node:fs';

const [out, targetArg] = process.argv.slice(2);
if (!out) {
  console.error('usage: gen-invalid-spec.mjs OUT.json [targetBytes]');
  process.exit(2);
}
const target = Number(targetArg) || 10.8e6;

let seed = 0x5eed;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const words = ['job', 'node', 'partition', 'account', 'user', 'qos', 'reservation', 'cluster', 'wckey', 'association', 'step', 'license'];

const doc = { openapi: '3.0.3', info: { title: 'bench: invalid at scale', version: '1.0.0' }, paths: {}, components: { schemas: {}, securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'X-Token' } } } };
let size = 200;

function schema(i) {
  const properties = {};
  for (let p = 0; p < 8; p++) properties[`${pick(words)}_${p}`] = p % 3 === 0 ? { type: 'array', items: { type: 'string' } } : { type: pick(['string', 'integer', 'boolean']), description: `field ${p} of schema ${i}` };
  const s = { type: 'object', properties, required: [Object.keys(properties)[0]] };
  if (i % 4 === 0) s.required.push(`missing_${i}`); // schema-required-unknown-property
  for (const [p, name] of Object.keys(properties).entries()) if ((i + p) % 3 === 0) properties[name].type = 'integr'; // meta-schema: bad enum value
  if (i % 7 === 0) s.properties.ref = { $ref: `#/components/schemas/nowhere_${i}` }; // ref-dangling
  return s;
}

function operation(i, method) {
  const op = {
    operationId: i % 6 === 0 ? `op_${i - 1}` : `op_${i}`, // operation-id-duplicate
    summary: `${method} ${pick(words)} ${i}`,
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 0 }, ...(i % 8 === 0 ? { style: 'matrix' } : {}) }, // parameter-style-invalid
    ],
    responses: {
      200: { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/s${i}` } } } },
      default: { description: 'error', content: { 'application/json': { schema: { type: 'object', properties: { errors: { type: 'array', items: { type: 'string' } } } } } } },
    },
  };
  if (i % 2 === 0) op.parameters[1].required = 'yes'; // meta-schema: wrong type
  if (i % 3 === 0) op.parameters.push({ name: 'ghost', in: 'path', required: true, schema: { type: 'string' } }); // path-parameter-unused
  if (i % 9 === 0) delete op.responses; // meta-schema: required property
  if (i % 10 === 0) op.security = [{ missing_scheme: [] }]; // security-scheme-undefined
  if (i % 11 === 0) op.parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string' } }); // parameter-duplicate
  return op;
}

for (let i = 0; size < target; i++) {
  const path = i % 4 === 0 ? `/things/${i}/{id}/{sub}` : `/things/${i}/{id}`; // {sub}: path-parameter-undeclared
  const item = { get: operation(i, 'get') };
  if (i % 2 === 0) item.post = operation(i + 1_000_000, 'post');
  if (i % 13 === 0) item.fetch = { responses: {} }; // path-item-unknown-key
  doc.paths[path] = item;
  doc.components.schemas[`s${i}`] = schema(i);
  doc.components.schemas[`s${i + 1_000_000}`] = schema(i + 1_000_000);
  // Pretty-printed at depth 3-4 below the root: one extra space per line per level, roughly.
  const piece = (x, depth) => JSON.stringify(x, null, 1).replace(/\n/g, '\n' + ' '.repeat(depth)).length;
  size += piece(item, 3) + piece(doc.components.schemas[`s${i}`], 4) + piece(doc.components.schemas[`s${i + 1_000_000}`], 4);
}
const text = JSON.stringify(doc, null, 1);
writeFileSync(out, text);
console.error(`wrote ${out}: ${(text.length / 1024 / 1024).toFixed(1)} MB, ${Object.keys(doc.paths).length} paths`);
