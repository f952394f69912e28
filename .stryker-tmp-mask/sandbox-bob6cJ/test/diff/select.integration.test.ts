/** `--select` on the real slurmrestd 24.11 specs (integration suite): the selection equals the unselected findings. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Change, DiffReport } from '../../src/diff/model.js';
import { runDiffPipeline, type DiffPipelineOptions } from '../../src/pipeline/diff.js';
import type { JsonObject, LoadedSpec } from '../../src/openapi/types.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

const spec = (path: string): LoadedSpec => ({ doc: JSON.parse(readFileSync(path, 'utf8')) as JsonObject, source: path, resolved: path, kind: 'file', format: 'json', bytes: 0 });

/** `--select X` is `selectOld = selectNew = X` (as src/cli/commands/diff.ts passes it). */
const diff = async (a: LoadedSpec, b: LoadedSpec, opts: DiffPipelineOptions = {}): Promise<DiffReport> =>
  // Selection is about what is compared: keep the compared (masked) names, as test/diff/select.test.ts does.
  (await runDiffPipeline(a, b, { displayNames: false, ...opts, selectNew: opts.selectNew ?? opts.selectOld })).report;

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json'], '--select on real slurmrestd 24.11 v0.0.40 → v0.0.41', ([v40, v41]) => {
  const a = spec(v40);
  const b = spec(v41);
  it('a selected operation reports exactly the unselected findings that list it', async () => {
    const full = await diff(a, b);
    const ops: [string, string][] = [
      ['get', '/slurm/v0.0.40/jobs/'],
      ['post', '/slurm/v0.0.40/job/submit'],
      ['get', '/slurmdb/v0.0.40/jobs/'],
      ['get', '/slurm/v0.0.40/diag/'],
    ];
    for (const [method, path] of ops) {
      const selected = await diff(a, b, { selectOld: `.paths[${JSON.stringify(path)}].${method}` });
      const expected = full.changes.filter((c) => c.operations.some((o) => o.method === method.toUpperCase() && o.path === path));
      expect(expected.length, `${method} ${path}`).toBeGreaterThan(0);
      const key = (c: Change) => `${c.fingerprint} ${c.level} ${c.message}`;
      expect(selected.changes.map(key).sort(), `${method} ${path}`).toEqual(expected.map(key).sort());
      expect(selected.changes.filter((c) => c.section === 'components')).toEqual([]);
    }
  });
});
