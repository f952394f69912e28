// @ts-nocheck
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globFiles } from '../../src/compat/glob.js';

describe('globFiles', () => {
  it('matches files like fast-glob did for generated clients: dot rule, ignored directories pruned, links to directories not followed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specdrift-glob-'));
    for (const file of ['api.ts', 'models/job.ts', 'models/job.d.ts', 'README.md', '.hidden/x.ts', '.env', 'docs/a.ts', 'node_modules/pkg/index.ts', 'pkg/api/jobs.py', 'pkg/api/__init__.py']) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), '');
    }
    symlinkSync(join(dir, 'models'), join(dir, 'linked-dir'));
    symlinkSync(join(dir, 'api.ts'), join(dir, 'linked.ts'));

    expect((await globFiles('**/*.ts', { cwd: dir, ignore: ['node_modules/**', 'docs/**'] })).sort()).toEqual(['api.ts', 'linked.ts', 'models/job.d.ts', 'models/job.ts']);
    expect((await globFiles(['**/*.ts'], { cwd: dir, dot: true, ignore: ['node_modules/**', 'docs/**', '**/*.d.ts'] })).sort()).toEqual(['.hidden/x.ts', 'api.ts', 'linked.ts', 'models/job.ts']);
    expect((await globFiles('pkg/api/*.py', { cwd: dir })).sort()).toEqual(['pkg/api/__init__.py', 'pkg/api/jobs.py']);
    expect(await globFiles('api.ts', { cwd: dir, absolute: true })).toEqual([join(dir, 'api.ts')]);
    expect((await globFiles('**/*', { cwd: dir, dot: true, ignore: ['node_modules/**', '**/*.ts', '**/*.py'] })).sort()).toEqual(['.env', 'README.md']);
  });
});
