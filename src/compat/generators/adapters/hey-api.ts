import { HEY_API_DRIVER } from '../../drivers/hey-api.js';
import { nonEmpty, wireGroup } from '../bind.js';
import { camelCase } from '../naming.js';
import { packageBin } from '../packages.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';

export const heyApi = typeScriptAdapter({
  id: 'hey-api',
  title: '@hey-api/openapi-ts (fetch client)',
  packageName: '@hey-api/openapi-ts',
  command: (specPath, outDir) => nodeTool(packageBin('@hey-api/openapi-ts', 'openapi-ts'), ['-i', specPath, '-o', outDir], outDir),
  include: ['**/*.ts'],
  runtimePackages: [],
  scan: { functions: true },
  nameFor: camelCase,
  describe: (operationId) => `function ${camelCase(operationId)}`,
  bind(fn, { call }) {
    const options: Record<string, unknown> = {
      path: nonEmpty(wireGroup(call, 'path')),
      query: nonEmpty(wireGroup(call, 'query')),
      headers: nonEmpty(wireGroup(call, 'header')),
      body: call.body,
    };
    return { symbol: fn.name, args: [JSON.parse(JSON.stringify(options))] };
  },
  driver: HEY_API_DRIVER,
  typedResult: { member: 'data' },
});
