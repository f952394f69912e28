// @ts-nocheck
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OPENAPI_FETCH_DRIVER } from '../../drivers/openapi-fetch.js';
import { nonEmpty, wireGroup } from '../bind.js';
import { packageBin } from '../packages.js';
import { loadTypeScript, type ScannedFunction } from '../typescript.js';
import { nodeTool, typeScriptAdapter } from '../typescript-adapter.js';
import { isHttpMethod } from '../../../openapi/types.js';

const SCHEMA = 'schema.d.ts';

/** openapi-typescript emits types only: `paths['/x']['get']` is `operations['<operationId>']`; openapi-fetch calls by method + path. */
async function scanSchema(outDir: string): Promise<ScannedFunction[]> {
  const ts = await loadTypeScript();
  const text = await readFile(join(outDir, SCHEMA), 'utf8');
  const source = ts.createSourceFile(SCHEMA, text, ts.ScriptTarget.Latest, true);
  const found: ScannedFunction[] = [];
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || statement.name.text !== 'paths') continue;
    for (const pathMember of statement.members) {
      if (!ts.isPropertySignature(pathMember) || !pathMember.name || !ts.isStringLiteral(pathMember.name)) continue;
      if (!pathMember.type || !ts.isTypeLiteralNode(pathMember.type)) continue;
      for (const methodMember of pathMember.type.members) {
        if (!ts.isPropertySignature(methodMember) || !methodMember.name || !ts.isIdentifier(methodMember.name)) continue;
        const method = methodMember.name.text;
        const type = methodMember.type;
        if (!isHttpMethod(method) || !type || !ts.isIndexedAccessTypeNode(type)) continue;
        const index = type.indexType;
        if (ts.isLiteralTypeNode(index) && ts.isStringLiteral(index.literal)) {
          found.push({ name: index.literal.text, container: method.toUpperCase(), path: pathMember.name.text, params: [], file: SCHEMA });
        }
      }
    }
  }
  return found;
}

export const openapiTypescript = typeScriptAdapter({
  id: 'openapi-typescript',
  title: 'openapi-typescript + openapi-fetch',
  packageName: 'openapi-typescript',
  generate: (specPath, outDir, timeoutMs) => nodeTool(packageBin('openapi-typescript'), [specPath, '-o', join(outDir, SCHEMA)], outDir, timeoutMs),
  include: [SCHEMA],
  runtimePackages: ['openapi-fetch'],
  extraFiles: {
    'specdrift-client.ts': [
      "import createClient from 'openapi-fetch';",
      "import type { paths } from './schema';",
      '',
      '/** How openapi-fetch is used: the generated `paths` type parameterises the client. */',
      'export const createSpecClient = (baseUrl: string, headers: Record<string, string>) => createClient<paths>({ baseUrl, headers });',
      '',
    ].join('\n'),
  },
  scan: scanSchema,
  nameFor: (operationId) => operationId,
  describe: (operationId) => `operations["${operationId}"] under paths`,
  symbolOf: (fn) => `${fn.container} ${fn.path}`,
  bind(fn, { call }) {
    const params = { path: nonEmpty(wireGroup(call, 'path')), query: nonEmpty(wireGroup(call, 'query')), header: nonEmpty(wireGroup(call, 'header')) };
    const init: Record<string, unknown> = { params: JSON.parse(JSON.stringify(params)) };
    if (call.body !== undefined) init.body = call.body;
    return { symbol: fn.path ?? call.path, container: fn.container, args: [init] };
  },
  driver: OPENAPI_FETCH_DRIVER,
});
