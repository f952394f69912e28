// @ts-nocheck
import { dirname } from 'node:path';
import { OPENAPI_TYPESCRIPT_CODEGEN_DRIVER } from '../../drivers/openapi-typescript-codegen.js';
import { positional } from '../bind.js';
import { camelCase } from '../naming.js';
import { packageBin } from '../packages.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';

/** openapi-typescript-codegen: unmaintained (its authors point to @hey-api/openapi-ts) but still widely used. */
export const openapiTypescriptCodegen = typeScriptAdapter({
  id: 'openapi-typescript-codegen',
  title: 'openapi-typescript-codegen (fetch client)',
  packageName: 'openapi-typescript-codegen',
  // It refuses to write outside its working directory (and into the directory itself): run it from the parent.
  generate: (specPath, outDir, timeoutMs) =>
    nodeTool(packageBin('openapi-typescript-codegen', 'openapi'), ['-i', specPath, '-o', outDir, '-c', 'fetch'], dirname(outDir), timeoutMs),
  include: ['**/*.ts'],
  runtimePackages: [],
  // One class per tag with static methods: `SlurmService.slurmV0041GetJobs(params…)`.
  scan: { classes: /Service$/ },
  nameFor: camelCase,
  describe: (operationId) => `static method ${camelCase(operationId)} on a …Service class`,
  bind(fn, binding) {
    const args = positional(fn.params, binding, (param) => (param.name === 'requestBody' ? { value: binding.call.body } : undefined));
    return { symbol: fn.name, container: fn.container, args };
  },
  driver: OPENAPI_TYPESCRIPT_CODEGEN_DRIVER,
});
