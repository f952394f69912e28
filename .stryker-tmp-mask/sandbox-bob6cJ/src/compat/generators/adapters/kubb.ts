// @ts-nocheck
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KUBB_DRIVER } from '../../drivers/kubb.js';
import { nonEmpty, positional, wireGroup } from '../bind.js';
import { camelCase } from '../naming.js';
import { packageBin, packageDir } from '../packages.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';

const PLUGINS = ['@kubb/core', '@kubb/plugin-oas', '@kubb/plugin-ts', '@kubb/plugin-client'];

/** Kubb is configured by a file only; ours imports the plugins by absolute URL so it works from any directory. */
function kubbConfig(specPath: string, outDir: string): string {
  const entry = (name: string) => JSON.stringify(pathToFileURL(join(packageDir(name), 'dist', 'index.js')).href);
  return [
    `import { defineConfig } from ${entry('@kubb/core')};`,
    `import { pluginOas } from ${entry('@kubb/plugin-oas')};`,
    `import { pluginTs } from ${entry('@kubb/plugin-ts')};`,
    `import { pluginClient } from ${entry('@kubb/plugin-client')};`,
    'export default defineConfig({',
    `  root: ${JSON.stringify(outDir)},`,
    `  input: { path: ${JSON.stringify(specPath)} },`,
    // No formatter/linter: they are not installed and only change whitespace.
    `  output: { path: ${JSON.stringify(outDir)}, clean: false, format: false, lint: false },`,
    // validate: false: Kubb's own spec validation takes minutes and ~1 GB on real Slurm specs (> 180 s for 24.11 v0.0.42,
    // 2.7 s without); it only checks the input, which `specdrift validate` does, and does not change the output.
    "  plugins: [pluginOas({ validate: false }), pluginTs(), pluginClient({ client: 'fetch' })],",
    '});',
    '',
  ].join('\n');
}

export const kubb = typeScriptAdapter({
  id: 'kubb',
  title: 'Kubb (plugin-client, fetch)',
  packageName: '@kubb/cli',
  async generate(specPath, outDir, timeoutMs) {
    const configDir = await mkdtemp(join(tmpdir(), 'specdrift-kubb-'));
    try {
      const config = join(configDir, 'kubb.config.mjs');
      await writeFile(config, kubbConfig(specPath, outDir));
      return await nodeTool(packageBin('@kubb/cli', 'kubb'), ['generate', '--config', config], outDir, timeoutMs);
    } finally {
      await rm(configDir, { recursive: true, force: true });
    }
  },
  include: ['**/*.ts'],
  runtimePackages: ['@kubb/plugin-client'],
  scan: { functions: true },
  nameFor: camelCase,
  describe: (operationId) => `function ${camelCase(operationId)}`,
  bind(fn, binding, opts) {
    const args = positional(fn.params, binding, (param) => {
      if (param.name === 'params') return { value: nonEmpty(wireGroup(binding.call, 'query')) };
      if (param.name === 'headers') return { value: nonEmpty(wireGroup(binding.call, 'header')) };
      if (param.name === 'data') return { value: binding.call.body };
      if (param.name === 'config') return { value: { baseURL: opts.baseUrl.replace(/\/+$/, ''), headers: opts.headers } };
      return undefined;
    });
    return { symbol: fn.name, args };
  },
  driver: KUBB_DRIVER,
});
