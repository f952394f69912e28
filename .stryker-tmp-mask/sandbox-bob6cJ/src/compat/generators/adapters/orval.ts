// @ts-nocheck
import { join } from 'node:path';
import { ORVAL_DRIVER } from '../../drivers/orval.js';
import { nonEmpty, positional, wireGroup } from '../bind.js';
import { camelCase } from '../naming.js';
import { packageBin } from '../packages.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';

export const orval = typeScriptAdapter({
  id: 'orval',
  title: 'orval (fetch client)',
  packageName: 'orval',
  generate: (specPath, outDir, timeoutMs) =>
    nodeTool(packageBin('orval'), ['--input', specPath, '--output', join(outDir, 'api.ts'), '--client', 'fetch'], outDir, timeoutMs),
  include: ['**/*.ts'],
  runtimePackages: [],
  scan: { functions: true },
  // orval also exports `get<Name>Url` helpers and types; the call itself is camelCase(operationId).
  nameFor: camelCase,
  describe: (operationId) => `function ${camelCase(operationId)}`,
  bind(fn, binding, opts) {
    const args = positional(fn.params, binding, (param) => {
      if (param.name === 'params') return { value: nonEmpty(wireGroup(binding.call, 'query')) };
      if (param.name === 'headers') return { value: nonEmpty(wireGroup(binding.call, 'header')) };
      if (param.name === 'options') return { value: { headers: opts.headers } };
      return undefined;
    });
    return { symbol: fn.name, args };
  },
  driver: ORVAL_DRIVER,
});
