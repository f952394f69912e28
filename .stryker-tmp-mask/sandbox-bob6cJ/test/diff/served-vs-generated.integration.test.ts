/**
 * What slurmrestd 24.11 serves (`GET /openapi/v3`, saved by scripts/slurm-cluster.sh) against what
 * `slurmrestd --generate-openapi-spec -d v0.0.4N` writes (scripts/slurm-specs.sh), per plugin version. They are the
 * same API, written differently (the served one uses `$ref` where the generated one inlines: 239 raw differences),
 * so the semantic diff must find nothing above info. What it does find, and why it is right:
 * - the served document adds `application/yaml` next to every JSON request and response body
 *   (`request-body-media-type-added`, `response-media-type-added`: info, a server that accepts and offers one more
 *   format breaks no client, which keeps sending and asking for JSON);
 * - the cluster runs `slurmrestd -s slurmctld` without slurmdbd, so the served document has no `/slurmdb/` paths
 *   while `--generate-openapi-spec` lists them: a real difference of configuration, asserted exactly below and
 *   left out of the "same API" comparison.
 * Needs root (it starts the 24.11 cluster): the integration suite's global setup checks that first.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { runDiffPipeline } from '../../src/pipeline/diff.js';
import { sliceByVersion } from '../../src/openapi/slice.js';
import type { JsonObject, LoadedSpec } from '../../src/openapi/types.js';
import { describeCluster, useCluster } from '../helpers/cluster.js';
import { describeWithRealSpec } from '../helpers/real-specs.js';

const PLUGINS = ['v0.0.40', 'v0.0.41', 'v0.0.42'] as const;

const loaded = (doc: JsonObject, source: string): LoadedSpec => ({ doc, source, kind: 'file', resolved: source }) as LoadedSpec;
const pathsOf = (doc: JsonObject): string[] => Object.keys(doc.paths as JsonObject);
/** Every JSON body of every operation: `METHOD path request|STATUS`. */
function jsonBodies(doc: JsonObject): string[] {
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (op?.requestBody?.content?.['application/json']) out.push(`${method.toUpperCase()} ${path} request`);
      for (const [status, response] of Object.entries((op?.responses ?? {}) as Record<string, any>)) {
        if (response?.content?.['application/json']) out.push(`${method.toUpperCase()} ${path} ${status}`);
      }
    }
  }
  return out.sort();
}

/**
 * The served document comes from a running 24.11 cluster, started here under the shared cluster lock (another test
 * file may be using the same cluster), read, and stopped again — never from a file another test file happens to leave.
 */
let served: JsonObject | undefined;
async function fetchServed(): Promise<void> {
  const cluster = useCluster('24.11');
  try {
    await cluster.start();
    served = cluster.served();
  } finally {
    await cluster.stop();
  }
}

describeCluster('served vs generated 24.11 specs', () => {
  beforeAll(fetchServed, 600_000);
  for (const plugin of PLUGINS) {
    describeWithRealSpec([`24.11/${plugin}.json`], `${plugin}: served (sliced) vs --generate-openapi-spec`, ([generatedPath]) => {
      let generated: JsonObject;
      let sliced: JsonObject;
      beforeAll(() => {
        generated = JSON.parse(readFileSync(generatedPath, 'utf8')) as JsonObject;
        sliced = sliceByVersion(served!, plugin);
      });

      it('serves exactly the /slurm/ paths of the generated spec: no /slurmdb/ without slurmdbd', async () => {
        const slurm = pathsOf(generated).filter((p) => p.startsWith(`/slurm/${plugin}/`));
        const slurmdb = pathsOf(generated).filter((p) => p.startsWith(`/slurmdb/${plugin}/`));
        expect(slurmdb.length).toBeGreaterThan(10);
        expect(pathsOf(sliced).sort()).toEqual(slurm.sort());
        // The whole diff says the same: every breaking change is a removed /slurmdb/ endpoint.
        const { report } = await runDiffPipeline(loaded(generated, 'generated'), loaded(sliced, 'served'));
        const breaking = report.changes.filter((c) => c.level === 'breaking');
        expect(new Set(breaking.map((c) => c.id))).toEqual(new Set(['endpoint-removed']));
        expect(breaking.every((c) => c.location.includes(`/slurmdb/${plugin}/`))).toBe(true);
        expect(report.changes.filter((c) => c.level === 'warning')).toEqual([]);
      });

      it('is the same API on /slurm/: info changes only, each one an added application/yaml body', async () => {
        const { report } = await runDiffPipeline(loaded(generated, 'generated'), loaded(sliced, 'served'), { excludePaths: ['/slurmdb/**'] });
        expect(report.changes.filter((c) => c.level !== 'info').map((c) => `${c.level} ${c.id} ${c.location}`)).toEqual([]);
        expect(report.summary).toMatchObject({ breaking: 0, warning: 0 });
        expect(new Set(report.changes.map((c) => c.id))).toEqual(new Set(['request-body-media-type-added', 'response-media-type-added']));
        for (const change of report.changes) {
          expect(change.message).toMatch(/media type application\/yaml added$/);
          expect(change.new?.pointer).toMatch(/\/content\/application~1yaml$/);
        }
        // One change per JSON body of the generated /slurm/ operations: yaml is offered wherever JSON is.
        const generatedSlurm = { ...generated, paths: Object.fromEntries(Object.entries(generated.paths as JsonObject).filter(([p]) => p.startsWith('/slurm/'))) };
        expect(report.changes).toHaveLength(jsonBodies(generatedSlurm).length);
      });

      it('the other way round (served → generated) only application/yaml goes, and that is breaking', async () => {
        // A client of the served API may send or ask for YAML: taking it away breaks that client, so the engine is
        // right to call it breaking. The generated document is the narrower description of the same server.
        const { report } = await runDiffPipeline(loaded(sliced, 'served'), loaded(generated, 'generated'), { excludePaths: ['/slurmdb/**'] });
        expect(report.summary.warning).toBe(0);
        expect(report.changes.length).toBeGreaterThan(0);
        for (const change of report.changes) {
          expect(change.message, `${change.id} ${change.location}`).toMatch(/application\/yaml removed$/);
          expect(change.old?.pointer).toMatch(/\/content\/application~1yaml$/);
        }
      });
    });
  }
});
