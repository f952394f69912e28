/**
 * Client generators for `specdrift compat`: each adapter generates a client from a spec, compiles it, finds the
 * operations it exposes and calls them through the generated code (see docs/generators.md).
 */
// @ts-nocheck

import { usageError } from '../../errors.js';
import { heyApi } from './adapters/hey-api.js';
import {
  OPENAPI_GENERATOR_GENERATORS,
  openApiGenerator,
  SWAGGER_CODEGEN_GENERATORS,
  swaggerCodegen,
  USER_JAR_GENERATORS,
} from './adapters/java.js';
import { kubb } from './adapters/kubb.js';
import { oazapfts } from './adapters/oazapfts.js';
import { openapiTypescript } from './adapters/openapi-typescript.js';
import { openapiTypescriptCodegen } from './adapters/openapi-typescript-codegen.js';
import { orval } from './adapters/orval.js';
import { swaggerTypescriptApi } from './adapters/swagger-typescript-api.js';
import { openapitoolsJar } from './jar.js';
import type { GeneratorAdapter } from './types.js';

export type * from './types.js';
export { cacheKey, defaultClientCacheDir, type PrepareOptions, type PreparedClient, prepareClient } from './cache.js';
export { type JarSelection, openApiGenerator, swaggerCodegen } from './adapters/java.js';

const JAR_CLIENT_LANGUAGES = new Set(['go', 'java']);

/**
 * Every generator specdrift ships, in report order: TypeScript generators from npm, then the Java ones (their
 * TypeScript and Python clients first, then Go and Java clients, added later and kept last so earlier columns stay put).
 */
export const ALL_GENERATORS: readonly GeneratorAdapter[] = [
  openapiTypescript,
  heyApi,
  orval,
  swaggerTypescriptApi,
  oazapfts,
  openapiTypescriptCodegen,
  kubb,
  ...OPENAPI_GENERATOR_GENERATORS.filter((g) => !JAR_CLIENT_LANGUAGES.has(g)).map((g) => openApiGenerator(g)),
  ...SWAGGER_CODEGEN_GENERATORS.filter((g) => !JAR_CLIENT_LANGUAGES.has(g)).map((g) => swaggerCodegen(g)),
  openApiGenerator('go'),
  swaggerCodegen('go'),
  openApiGenerator('java'),
];

export interface GeneratorSelectionOptions {
  /** `--openapi-generator-jar`: an OpenAPI Generator jar of any version; adds `openapi-generator:<generator>` ids. */
  openapiGeneratorJar?: string;
  /** Jars with custom generators for that jar's classpath (like the 2.x wrapper's `--custom-generator`). */
  customGeneratorJars?: string[];
  /** Where to look for `openapitools.json` (default: the current directory and its parents). */
  cwd?: string;
}

/**
 * The adapters available with these options: {@link ALL_GENERATORS}, plus `openapi-generator:<generator>` for the
 * jar given with `openapiGeneratorJar` or selected by an `openapitools.json`.
 */
export function availableGenerators(opts: GeneratorSelectionOptions = {}): GeneratorAdapter[] {
  const jar = opts.openapiGeneratorJar ?? openapitoolsJar(opts.cwd ?? process.cwd());
  const configured = jar
    ? USER_JAR_GENERATORS.map((g) => openApiGenerator(g, { jar, customGeneratorJars: opts.customGeneratorJars }))
    : [];
  return [...ALL_GENERATORS, ...configured];
}

/**
 * Adapters by id, in the order given. `all` stands for every available one; `ts` / `python` / `go` / `java` for every
 * one of that language. Unknown ids are a usage error listing the known ones.
 */
export function generatorsById(ids: readonly string[], opts: GeneratorSelectionOptions = {}): GeneratorAdapter[] {
  const available = availableGenerators(opts);
  const chosen: GeneratorAdapter[] = [];
  const add = (adapter: GeneratorAdapter) => {
    if (!chosen.includes(adapter)) chosen.push(adapter);
  };
  for (const id of ids) {
    if (id === 'all') available.forEach(add);
    else if (id === 'ts' || id === 'typescript') available.filter((a) => a.language === 'typescript').forEach(add);
    else if (id === 'python' || id === 'go' || id === 'java') available.filter((a) => a.language === id).forEach(add);
    else {
      const adapter = available.find((a) => a.id === id);
      if (!adapter) {
        const needsJar = id.startsWith('openapi-generator:') && !available.some((a) => a.id.startsWith('openapi-generator:'));
        throw usageError(
          `unknown generator ${id}`,
          needsJar ? 'openapi-generator:<name> needs --openapi-generator-jar or an openapitools.json' : `known: ${available.map((a) => a.id).join(', ')}, all, ts, python, go, java`,
        );
      }
      add(adapter);
    }
  }
  return chosen;
}
