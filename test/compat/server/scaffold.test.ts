import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedNames, scaffoldHandlers, typesFileFor } from '../../../src/compat/server/handlers/scaffold.js';
import { cliIn } from '../../helpers/cli.js';
import { FARM_IMPL, FARM_SPEC, farmDoc } from './farm.js';
import { farmV2 } from './farm-v2.js';

const FARM_IDS = ['listJobs', 'submitJob', 'fetchJob', 'setJobStatus', 'fetchJobTasks', 'fetchTaskLog', 'registerWorker', 'signOn', 'scheduleTask', 'taskUpdate'];

describe('scaffold handlers', () => {
  it('writes one stub per operation and the types next to it', async () => {
    const result = await scaffoldHandlers(farmDoc(), '/x/impl.ts', undefined);
    expect(result.added).toEqual(FARM_IDS);
    expect(result.removed).toEqual([]);
    expect(exportedNames(result.impl)).toEqual(FARM_IDS);
    expect(result.impl).toContain("import type { Handler } from './impl.api.js';");
    expect(result.impl).toContain("export const fetchJob: Handler<'fetchJob'> = async (req, ctx) => {\n  return ctx.sample();");
    expect(result.types).toContain('export interface operations {');
    expect(result.types).toContain('export type RemovedOperationId = never;');
    expect(typesFileFor('/x/impl.ts')).toBe('/x/impl.api.ts');
    expect(typesFileFor('/x/impl.mts')).toBe('/x/impl.api.mts');
  });

  it('on a new spec version appends stubs for new operations, lists removed ones, leaves existing code as it is', async () => {
    const existing = readFileSync(FARM_IMPL, 'utf8');
    const result = await scaffoldHandlers(farmV2(), FARM_IMPL, existing);
    expect(result.added).toEqual(['deleteJob']);
    expect(result.removed).toEqual(['fetchTaskLog']);
    expect(result.impl.startsWith(existing)).toBe(true);
    expect(result.impl.slice(existing.length)).toBe("\n/** DELETE /jobs/{job_id} — Forget a finished job */\nexport const deleteJob: Handler<'deleteJob'> = async (req, ctx) => {\n  return ctx.sample(); // TODO: implement (until then: the spec's default answer)\n};\n");
    expect(result.types).toContain('export type RemovedOperationId = "fetchTaskLog";');
  });

  it('the committed example types are what the scaffold generates from the fixture', async () => {
    const result = await scaffoldHandlers(farmDoc(), FARM_IMPL, readFileSync(FARM_IMPL, 'utf8'));
    expect(result.added).toEqual([]);
    expect(readFileSync(typesFileFor(FARM_IMPL), 'utf8')).toBe(result.types);
  });

  it('reads the names an implementation exports', () => {
    const source = ['export const a = 1;', 'export async function b() {}', 'export function* c() {}', 'const d = 1, e = 2;', 'export { d, e as f };', '// export const g = 1;', 'export default {};'].join('\n');
    expect(exportedNames(source).sort()).toEqual(['a', 'b', 'c', 'd', 'f']);
  });

  it('from the command line: writes both files; after a spec change appends to impl.ts and reports the differences', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-scaffold-'));
    const impl = join(dir, 'impl.ts');
    const first = await cliIn(['scaffold', 'handlers', FARM_SPEC, '-o', impl]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`wrote ${join(dir, 'impl.api.ts')}\nwrote ${impl} with 10 stubs\n`);
    const written = readFileSync(impl, 'utf8');
    const v2 = join(dir, 'v2.json');
    writeFileSync(v2, JSON.stringify(farmV2()));
    const changed = await cliIn(['scaffold', 'handlers', v2, '-o', impl]);
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe(
      `wrote ${join(dir, 'impl.api.ts')}\n${impl}: 1 new stub (deleteJob), existing code untouched\nremoved from the spec, still in ${impl} (delete them): fetchTaskLog\n`,
    );
    expect(readFileSync(impl, 'utf8').startsWith(written)).toBe(true);
  });
});
