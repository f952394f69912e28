// @ts-nocheck
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolvePointer } from '../../src/openapi/refs.js';
import type { JsonObject } from '../../src/openapi/types.js';
import { validateSpec } from '../../src/openapi/validate/index.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/multi-version/openapi.yaml', import.meta.url));
const clean = parse(readFileSync(FIXTURE, 'utf8')) as JsonObject;

type Doc = Record<string, any>;
const METHODS = ['get', 'put', 'post', 'delete'];
const operationsOf = (doc: Doc) =>
  Object.entries(doc.paths as Doc).flatMap(([path, item]) => Object.entries(item as Doc).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op: op as Doc })));

/** A defect injected into the clean fixture, and the rule that must report it. */
interface Defect {
  rule: string;
  apply: (doc: Doc, pick: number, word: string) => void;
}
const at = <T>(list: T[], pick: number): T => list[pick % list.length];

const DEFECTS: Defect[] = [
  {
    rule: 'ref-dangling',
    apply: (doc, pick) => {
      const referenced = ['shared_error', 'v0.0.36_job', 'v0.0.36_job_resources', 'v0.0.38_batch_job', 'v0.0.38_flags', 'v0.0.38_job_defaults'];
      delete doc.components.schemas[at(referenced, pick)];
    },
  },
  {
    rule: 'operation-id-duplicate',
    apply: (doc, pick) => {
      const ops = operationsOf(doc);
      const a = at(ops, pick);
      const b = at(ops, pick + 1);
      b.op.operationId = a.op.operationId;
    },
  },
  {
    rule: 'parameter-style-invalid',
    apply: (doc, pick) => {
      const style = at(['simple', 'label', 'matrix', 'spaceDelimited'], pick);
      const op = doc.paths['/slurm/v0.0.36/jobs'].get;
      op.parameters = [{ name: 'update_time', in: 'query', style, schema: { type: 'integer' } }];
      if (style === 'spaceDelimited') op.parameters[0].in = 'path';
    },
  },
  {
    rule: 'path-item-unknown-key',
    apply: (doc, pick, word) => {
      const path = at(Object.keys(doc.paths), pick);
      doc.paths[path][`not_a_method_${word}`] = { type: 'object' };
    },
  },
  {
    rule: 'schema-required-unknown-property',
    apply: (doc, pick, word) => {
      const name = at(['v0.0.36_job', 'v0.0.37_job', 'v0.0.38_job_submit', 'shared_error'], pick);
      const schema = doc.components.schemas[name];
      schema.required = [...(schema.required ?? []), `missing/${word}`];
    },
  },
  {
    rule: 'path-parameter-undeclared',
    apply: (doc, pick, word) => {
      const path = at(Object.keys(doc.paths), pick);
      doc.paths[`${path}/{${word}}`] = doc.paths[path];
      delete doc.paths[path];
    },
  },
];

describe('validateSpec properties (fixture with injected defects)', () => {
  it('finds every injected defect, points only at places that exist, never mutates its input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(DEFECTS.length - 1), { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.stringMatching(/^[a-z]{1,8}$/),
        async (defects, pick, word) => {
          const doc = structuredClone(clean) as Doc;
          // In list order: the path rename (last in DEFECTS) must not run before defects that look paths up by name.
          for (const d of [...defects].sort((x, y) => x - y)) DEFECTS[d].apply(doc, pick, word);
          const before = structuredClone(doc);
          const findings = await validateSpec(doc as JsonObject);
          expect(doc).toEqual(before);
          const rules = new Set(findings.map((f) => f.ruleId));
          for (const d of defects) expect(rules).toContain(DEFECTS[d].rule);
          for (const f of findings) {
            expect(resolvePointer(doc as JsonObject, f.pointer), `${f.ruleId} ${f.pointer}`).not.toBeUndefined();
            expect(f.message).not.toContain('\n');
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
