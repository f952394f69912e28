import { SWAGGER_TYPESCRIPT_API_DRIVER } from '../../drivers/swagger-typescript-api.js';
import { nonEmpty, positional, wireGroup } from '../bind.js';
import { camelCase } from '../naming.js';
import { packageBin } from '../packages.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';

/**
 * swagger-typescript-api with its default fetch client. (`--http-client fetch` is the default; passing it explicitly
 * makes 13.x emit an axios client, so it is left out.)
 */
export const swaggerTypescriptApi = typeScriptAdapter({
  id: 'swagger-typescript-api',
  title: 'swagger-typescript-api (fetch client)',
  packageName: 'swagger-typescript-api',
  command: (specPath, outDir) => nodeTool(packageBin('swagger-typescript-api'), ['generate', '-p', specPath, '-o', outDir, '-n', 'api.ts'], outDir),
  include: ['api.ts'],
  runtimePackages: [],
  // Methods live in objects on the Api class, one per first path segment: `api.slurm.slurmV0041GetJobs`.
  scan: { classObjectMembers: true },
  nameFor: camelCase,
  describe: (operationId) => `method ${camelCase(operationId)} on any Api group`,
  bind(fn, binding) {
    const args = positional(fn.params, binding, (param) => {
      if (param.name === 'query') return { value: nonEmpty(wireGroup(binding.call, 'query')) };
      if (param.name === 'params') return { value: {} };
      if (param.name === 'data') return { value: binding.call.body };
      return undefined;
    });
    return { symbol: fn.name, container: fn.container, args };
  },
  driver: SWAGGER_TYPESCRIPT_API_DRIVER,
  typedResult: { member: 'data' },
});
