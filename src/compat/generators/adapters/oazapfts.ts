import { join } from 'node:path';
import { OAZAPFTS_DRIVER } from '../../drivers/oazapfts.js';
import { membersObject, positional } from '../bind.js';
import { camelCase } from '../naming.js';
import { packageBin } from '../packages.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';

export const oazapfts = typeScriptAdapter({
  id: 'oazapfts',
  title: 'oazapfts',
  packageName: 'oazapfts',
  command: (specPath, outDir) => nodeTool(packageBin('oazapfts'), [specPath, join(outDir, 'api.ts')], outDir),
  include: ['api.ts'],
  runtimePackages: ['@oazapfts/runtime'],
  scan: { functions: true },
  nameFor: camelCase,
  describe: (operationId) => `function ${camelCase(operationId)}`,
  bind(fn, binding) {
    const args = positional(fn.params, binding, (param) => {
      // Optional parameters come destructured in one object, keyed by camelCase names.
      if (param.members && param.name === '{}') return { value: membersObject(param.members, binding) };
      if (param.name === 'opts') return { value: undefined };
      return undefined;
    });
    return { symbol: fn.name, args };
  },
  driver: OAZAPFTS_DRIVER,
  typedResult: { member: 'data' },
});
