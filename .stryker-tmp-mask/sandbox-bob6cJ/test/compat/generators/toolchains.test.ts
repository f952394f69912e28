/**
 * A missing java or python3 fails only the generators that need them (issue 11, item 4): they say why, with the
 * generator's id, and their packages are not installed; the others are provisioned as usual. Hermetic: the programs
 * are pointed at paths that do not exist, and provisioning runs --offline against an empty cache.
 */
// @ts-nocheck

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const saved = { ...process.env };
let generators: typeof import('../../../src/compat/generators/index.js');
let provision: typeof import('../../../src/compat/generators/provision.js');

beforeAll(async () => {
  process.env.SPECDRIFT_JAVA = '/nonexistent/java';
  process.env.SPECDRIFT_PYTHON = '/nonexistent/python3';
  process.env.SPECDRIFT_GENERATORS = 'cache';
  vi.resetModules();
  generators = await import('../../../src/compat/generators/index.js');
  provision = await import('../../../src/compat/generators/provision.js');
});

afterAll(() => {
  for (const key of ['SPECDRIFT_JAVA', 'SPECDRIFT_PYTHON', 'SPECDRIFT_GENERATORS']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe('missing toolchains', () => {
  it('a Java generator is unavailable with "java not found (needed by <id>)"', async () => {
    const [typescriptFetch, python] = generators.generatorsById(['openapi-generator-4.3.1:typescript-fetch', 'swagger-codegen-3.0.34:python']);
    expect(await typescriptFetch.unavailable()).toBe(
      '/nonexistent/java not found (needed by openapi-generator-4.3.1:typescript-fetch); install a Java runtime (11+) or set SPECDRIFT_JAVA',
    );
    expect(await python.unavailable()).toBe('/nonexistent/java not found (needed by swagger-codegen-3.0.34:python); install a Java runtime (11+) or set SPECDRIFT_JAVA');
    expect(python.programs).toEqual(['/nonexistent/java', '/nonexistent/python3']);
  });

  it('provisioning leaves out the packages of generators whose program is missing, and still needs the others', async () => {
    const root = await mkdtemp(join(tmpdir(), 'specdrift-toolchains-'));
    const javaOnly = generators.generatorsById(['openapi-generator-4.3.1:typescript-fetch', 'openapi-generator-4.3.1:python', 'swagger-codegen-3.0.34:python']);
    await expect(provision.provisionGenerators(javaOnly, { root, offline: true })).resolves.toBeUndefined();
    const mixed = generators.generatorsById(['hey-api', 'openapi-generator-4.3.1:typescript-fetch']);
    await expect(provision.provisionGenerators(mixed, { root, offline: true })).rejects.toThrow(
      'generator packages not installed (--offline): hey-api@0.95.0, typescript@5.9.3',
    );
  });

  it('a Python generator names python3 when Java is there but Python is not', async () => {
    const { pythonModulesMissing } = await import('../../../src/compat/generators/python.js');
    expect(await pythonModulesMissing(['urllib3'], 'openapi-generator-4.3.1:python')).toBe(
      '/nonexistent/python3 not found (needed by openapi-generator-4.3.1:python); install Python 3 or set SPECDRIFT_PYTHON to a Python 3 interpreter',
    );
  });
});
