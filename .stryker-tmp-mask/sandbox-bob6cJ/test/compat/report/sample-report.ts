/** A hand-made compat report the format tests (and the HTML report's browser test) render. */
// @ts-nocheck

import type { Cell, CompatReport, GeneratorSummary } from '../../../src/compat/runner/types.js';

export const HOSTILE = 'Evil <script>alert(1)</script> \u001b[2J API | `x` & "y"';

function generator(id: string, over: Partial<GeneratorSummary> = {}): GeneratorSummary {
  return {
    id,
    title: id,
    language: 'typescript',
    version: '1.2.3',
    status: 'ok',
    generation: { ms: 1500, cached: false, files: 3, warnings: ['[main] WARN something'], patchesApplied: [] },
    compile: { ok: true, ms: 300, errors: [] },
    operationsFound: 2,
    ms: 2000,
    totals: { pass: 0, fail: 0, notGenerated: 0, notCompiled: 0, driverUnsupported: 0, unavailable: 0, skipped: 0 },
    ...over,
  };
}

const cells: Cell[] = [
  { generator: 'alpha', operationId: 'get_jobs', status: 'pass', verdict: 'conforms', call: { outcome: 'ok', status: 200, ms: 5 } },
  {
    generator: 'alpha',
    operationId: 'post_job',
    status: 'fail',
    verdict: 'client-broke-spec',
    reason: 'request broke the spec: [request-content-type] POST /job: Content-Type text/plain <b>',
    call: { outcome: 'http-error', status: 415 },
    exchanges: [{ seq: 2, method: 'POST', url: '/job', operationId: 'post_job', status: 415, violations: [{ where: 'request', rule: 'request-content-type', pointer: '', schemaPointer: '/paths/~1job/post/requestBody/content', message: 'text/plain' }] }],
  },
  { generator: 'beta', operationId: 'get_jobs', status: 'not-compiled', reason: "does not compile: runtime.ts(1,1): TS2304: Cannot find name 'GlobalFetch'.", runtime: 'pass', verdict: 'conforms', call: { outcome: 'ok', status: 200 } },
  { generator: 'beta', operationId: 'post_job', status: 'not-compiled', reason: "does not compile: runtime.ts(1,1): TS2304: Cannot find name 'GlobalFetch'.", runtime: 'fail: client error: x', call: { outcome: 'client-error', error: 'x' } },
  { generator: 'gamma', operationId: 'get_jobs', status: 'unavailable', reason: 'java not found' },
  { generator: 'gamma', operationId: 'post_job', status: 'unavailable', reason: 'java not found' },
];

/** A compat report of three generators over two operations: a pass, a fail, not-compiled and unavailable cells, hostile spec text. */
export const report: CompatReport = {
  format: 'specdrift-compat/1',
  tool: { name: 'specdrift', version: '0.1.0' },
  spec: { source: 'spec.json', id: 'evil-api-v0.0.41-0123abcd', title: HOSTILE, versionTag: 'v0.0.41', sha256: '0123abcd', operations: 2 },
  server: { kind: 'builtin' },
  filters: { operations: [], excludeOperations: [] },
  validation: [{ ruleId: 'operation-id-missing', level: 'warning', pointer: '/paths/~1job/post', message: `no operationId ${HOSTILE}` }],
  generators: [
    generator('alpha', { totals: { pass: 1, fail: 1, notGenerated: 0, notCompiled: 0, driverUnsupported: 0, unavailable: 0, skipped: 0 } }),
    generator('beta', { status: 'not-compiled', compile: { ok: false, ms: 100, errors: ["runtime.ts(1,1): TS2304: Cannot find name 'GlobalFetch'."] }, totals: { pass: 0, fail: 0, notGenerated: 0, notCompiled: 2, driverUnsupported: 0, unavailable: 0, skipped: 0 } }),
    generator('gamma', { status: 'unavailable', reason: 'java not found', generation: undefined, compile: undefined, totals: { pass: 0, fail: 0, notGenerated: 0, notCompiled: 0, driverUnsupported: 0, unavailable: 2, skipped: 0 } }),
  ],
  operations: [
    { operationId: 'get_jobs', method: 'GET', path: '/jobs', pointer: '/paths/~1jobs/get' },
    { operationId: 'post_job', method: 'POST', path: '/job', pointer: '/paths/~1job/post' },
  ],
  cells,
  specProblems: [
    {
      kind: 'request-rejected',
      pointer: '/paths/~1job/post/requestBody/content',
      rule: 'request-content-type',
      message: 'requests sent by alpha broke the spec here [request-content-type] (1 operation)',
      generators: ['alpha'],
      operations: ['post_job'],
      examples: ['text/plain'],
    },
  ],
  summary: {
    cells: 6,
    byStatus: { pass: 1, fail: 1, 'not-generated': 0, 'not-compiled': 2, 'driver-unsupported': 0, unavailable: 2, skipped: 0 },
    byVerdict: { conforms: 2, 'client-broke-spec': 1, 'server-broke-spec': 0, 'both-broke-spec': 0, 'no-request': 0 },
    generatorsRun: 2,
    generatorsAllPass: 0,
  },
  ms: 4200,
};
