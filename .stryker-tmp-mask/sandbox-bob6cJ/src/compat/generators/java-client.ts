/**
 * Java clients (OpenAPI Generator 4.3.1 `java`, library `native`), compiled with `javac` against the jars installed
 * on the machine (Debian: /usr/share/java) — no Maven, no Gradle, no network.
 */
// @ts-nocheck

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, join, relative } from 'node:path';
import type { JsonObject } from '../../openapi/types.js';
import { globFiles } from '../glob.js';
import { JAVA_DRIVER, JAVA_DRIVER_CLASS, JAVA_STAND_INS } from '../drivers/java.js';
import { type Binding, positional } from './bind.js';
import { bindingFor, inPlanOrder, locate, operationIds, runDriverProcess, runGenerator } from './common.js';
import { JAVA } from './jar.js';
import { camelCase, findSymbol } from './naming.js';
import { type CommandResult, lastLines, runCommand } from './process.js';
import type { CallPlan, CallResult, CompileResult, GenerateOptions, GeneratorAdapter, RunOptions } from './types.js';

export const JAVAC = process.env.SPECDRIFT_JAVAC || 'javac';

/** Jars the `native` client compiles against, with the Debian package that installs each into /usr/share/java. */
const DEBIAN_JARS: { jar: string; debian: string }[] = [
  { jar: 'jackson-annotations.jar', debian: 'libjackson2-annotations-java' },
  { jar: 'jackson-core.jar', debian: 'libjackson2-core-java' },
  { jar: 'jackson-databind.jar', debian: 'libjackson2-databind-java' },
  // `@javax.annotation.Nullable` on every model getter.
  { jar: 'jsr305.jar', debian: 'libjsr305-java' },
];
const DEBIAN_JAVA_DIR = '/usr/share/java';

const WORK = '.specdrift';
/** Named after their sources' hash, like the driver: a client cached with older stand-ins gets the current ones. */
const STAND_INS_HASH = createHash('sha256').update(JSON.stringify(JAVA_STAND_INS)).digest('hex').slice(0, 12);
const STAND_INS_SOURCES = join(WORK, `java-stand-ins-${STAND_INS_HASH}`);
const STAND_INS_CLASSES = join(WORK, `java-stand-ins-classes-${STAND_INS_HASH}`);
const CLASSES = join(WORK, 'java-classes');
/** The driver's classes are named after its source's hash: a cached client built by an older specdrift gets the current driver. */
const DRIVER_CLASSES = join(WORK, `java-driver-${createHash('sha256').update(JAVA_DRIVER).digest('hex').slice(0, 12)}`);

/**
 * The jars: `SPECDRIFT_JAVA_CLASSPATH` (colon-separated, e.g. Maven's jackson-databind and friends) when set, else
 * Debian's. Our stand-ins come after them, so a real jar wins.
 */
export function javaClasspath(): string[] {
  const configured = process.env.SPECDRIFT_JAVA_CLASSPATH;
  if (configured) return configured.split(delimiter).filter(Boolean);
  return DEBIAN_JARS.map((j) => join(DEBIAN_JAVA_DIR, j.jar));
}

export interface JavaAdapterSpec {
  id: string;
  title: string;
  npmPackages: string[];
  /** Programs besides javac (`java` runs the generator and the driver). */
  programs: string[];
  version(): Promise<string>;
  unavailable(): Promise<string | undefined>;
  generate(specPath: string, outDir: string, timeoutMs: number): Promise<CommandResult>;
}

/** A public method of a generated `XxxApi` class. */
export interface JavaMethod {
  name: string;
  /** Simple class name (`SlurmApi`). */
  container: string;
  /** Fully qualified class name. */
  className: string;
  params: { name: string; type: string }[];
}

/** Split on commas outside `<…>` (generic parameter types). */
function splitParams(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '<') depth++;
    else if (text[i] === '>') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Public methods that throw `ApiException` in `**\/api/*Api.java`. Hand-written regex scan: the generated files are
 * regular, and reflection would need the classes compiled first (and a JVM per scan).
 */
export async function scanJava(outDir: string): Promise<JavaMethod[]> {
  const files = (await globFiles('src/main/java/**/api/*Api.java', { cwd: outDir })).sort();
  const methods: JavaMethod[] = [];
  for (const file of files) {
    const text = await readFile(join(outDir, file), 'utf8');
    const pkg = /^package ([\w.]+);/m.exec(text)?.[1];
    const container = /^public class (\w+)/m.exec(text)?.[1];
    if (!pkg || !container) continue;
    for (const m of text.matchAll(/^ {2}public (?!class\b)[\w.<>?, [\]]+? (\w+) ?\(([^)]*)\) throws ApiException/gm)) {
      const params = splitParams(m[2]).map((p) => {
        const at = p.lastIndexOf(' ');
        return { type: p.slice(0, at).trim(), name: p.slice(at + 1) };
      });
      methods.push({ name: m[1], container, className: `${pkg}.${container}`, params });
    }
  }
  return methods;
}

/** Positional arguments, `null` for parameters the plan leaves out (Java has no optional arguments). */
export const javaArgs = (method: JavaMethod, binding: Binding): unknown[] => {
  const args = positional(method.params, binding, () => undefined);
  return method.params.map((_, i) => (args[i] === undefined ? null : args[i]));
};

/**
 * `javac` diagnostics (`path/File.java:12: error: msg`), paths relative to the client directory, with the `symbol:`
 * line javac prints under "cannot find symbol" (which class is missing is the finding).
 */
function javacErrors(result: CommandResult, outDir: string): string[] {
  const lines = `${result.stderr}\n${result.stdout}`.split(/\r?\n/).map((l) => l.trim());
  const errors: string[] = [];
  lines.forEach((line, i) => {
    if (!/\.java:\d+: error: /.test(line)) return;
    const symbol = lines.slice(i + 1, i + 4).find((l) => l.startsWith('symbol:'));
    const where = line.startsWith(outDir) ? relative(outDir, line.split(':')[0]) + line.slice(line.indexOf(':')) : line;
    errors.push(symbol ? `${where} (${symbol.replace(/\s+/g, ' ')})` : where);
  });
  return errors.length > 0 ? errors.slice(0, 100) : [lastLines(result)];
}

/** Compile the driver against the client's classes (once per driver version), into a temporary directory renamed into place. */
async function buildDriver(outDir: string): Promise<CommandResult | undefined> {
  if (existsSync(join(outDir, DRIVER_CLASSES))) return undefined;
  const temporary = `${DRIVER_CLASSES}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  await mkdir(join(outDir, temporary), { recursive: true });
  await writeFile(join(outDir, temporary, `${JAVA_DRIVER_CLASS}.java`), JAVA_DRIVER);
  const built = await runCommand(
    JAVAC,
    ['-nowarn', '-encoding', 'UTF-8', '-cp', [CLASSES, ...javaClasspath()].join(delimiter), '-d', temporary, join(temporary, `${JAVA_DRIVER_CLASS}.java`)],
    { cwd: outDir, timeoutMs: 300_000 },
  );
  if (built.code === 0 && !built.timedOut) await rename(join(outDir, temporary), join(outDir, DRIVER_CLASSES)).catch(() => rm(join(outDir, temporary), { recursive: true, force: true }));
  else await rm(join(outDir, temporary), { recursive: true, force: true });
  return built;
}

/** Compile our stand-ins (once per stand-in version) into a temporary directory renamed into place. */
async function buildStandIns(outDir: string): Promise<CommandResult | undefined> {
  if (existsSync(join(outDir, STAND_INS_CLASSES))) return undefined;
  for (const [file, text] of Object.entries(JAVA_STAND_INS)) {
    await mkdir(join(outDir, STAND_INS_SOURCES, file, '..'), { recursive: true });
    await writeFile(join(outDir, STAND_INS_SOURCES, file), text);
  }
  const temporary = `${STAND_INS_CLASSES}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  const built = await runCommand(
    JAVAC,
    ['-nowarn', '-encoding', 'UTF-8', '-cp', javaClasspath().join(delimiter), '-d', temporary, ...Object.keys(JAVA_STAND_INS).map((f) => join(STAND_INS_SOURCES, f))],
    { cwd: outDir, timeoutMs: 300_000 },
  );
  if (built.code === 0 && !built.timedOut) await rename(join(outDir, temporary), join(outDir, STAND_INS_CLASSES)).catch(() => rm(join(outDir, temporary), { recursive: true, force: true }));
  else await rm(join(outDir, temporary), { recursive: true, force: true });
  return built;
}

/** Why Java clients cannot be built here, or undefined. */
export async function javaClientUnavailable(neededBy: string): Promise<string | undefined> {
  const javac = await runCommand(JAVAC, ['-version'], { timeoutMs: 30_000 });
  if (javac.spawnError) return `${JAVAC} not found (needed by ${neededBy}); install a JDK 11+ (Debian: apt-get install default-jdk-headless) or set SPECDRIFT_JAVAC`;
  if (javac.code !== 0) return `${JAVAC} -version failed (needed by ${neededBy}): ${lastLines(javac)}`;
  const missing = javaClasspath().filter((jar) => !existsSync(jar));
  if (missing.length === 0) return undefined;
  if (process.env.SPECDRIFT_JAVA_CLASSPATH) return `jars in SPECDRIFT_JAVA_CLASSPATH not found (needed by ${neededBy}): ${missing.join(', ')}`;
  const packages = DEBIAN_JARS.filter((j) => missing.includes(join(DEBIAN_JAVA_DIR, j.jar))).map((j) => j.debian);
  return `jars missing for ${neededBy}: ${missing.join(', ')} (Debian: apt-get install ${packages.join(' ')}, or set SPECDRIFT_JAVA_CLASSPATH)`;
}

async function writeArgFile(file: string, entries: string[]): Promise<void> {
  // javac @argfiles: one quoted argument per line (paths may hold spaces).
  await writeFile(file, entries.map((e) => `"${e.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join('\n'));
}

const describe = (operationId: string): string => `method ${camelCase(operationId)} on an …Api class`;

export function javaAdapter(spec: JavaAdapterSpec): GeneratorAdapter {
  return {
    id: spec.id,
    language: 'java',
    title: spec.title,
    patches: [],
    packages: spec.npmPackages,
    programs: [...spec.programs, JAVAC],
    version: () => spec.version(),
    async unavailable() {
      return (await spec.unavailable()) ?? (await javaClientUnavailable(spec.id));
    },
    generate(specPath: string, outDir: string, opts: GenerateOptions = {}) {
      return runGenerator(spec.id, [], specPath, outDir, opts, (timeoutMs) => spec.generate(specPath, outDir, timeoutMs));
    },
    async compile(outDir: string): Promise<CompileResult> {
      const started = Date.now();
      const jars = javaClasspath();
      const standIns = await buildStandIns(outDir);
      if (standIns && standIns.code !== 0) return { ok: false, errors: [`specdrift's stand-ins did not compile: ${lastLines(standIns)}`], ms: Date.now() - started };
      const sources = (await globFiles('src/main/java/**/*.java', { cwd: outDir })).sort();
      await writeArgFile(join(outDir, WORK, 'javac-sources.txt'), sources);
      const compiled = await runCommand(
        JAVAC,
        ['-nowarn', '-encoding', 'UTF-8', '-parameters', '-cp', [...jars, STAND_INS_CLASSES].join(delimiter), '-d', CLASSES, `@${join(WORK, 'javac-sources.txt')}`],
        { cwd: outDir, timeoutMs: 600_000 },
      );
      let errors = compiled.code === 0 && !compiled.timedOut ? [] : javacErrors(compiled, outDir);
      if (errors.length === 0) {
        const driver = await buildDriver(outDir);
        if (driver && (driver.code !== 0 || driver.timedOut)) errors = javacErrors(driver, outDir);
      }
      return { ok: errors.length === 0, errors, ms: Date.now() - started };
    },
    async listOperations(outDir: string, doc: JsonObject) {
      const methods = await scanJava(outDir);
      const found = new Map<string, string>();
      for (const operationId of operationIds(doc)) {
        const method = findSymbol(methods, camelCase(operationId));
        if (method) found.set(operationId, `${method.container}.${method.name}`);
      }
      return found;
    },
    async run(outDir: string, plan: CallPlan[], opts: RunOptions): Promise<CallResult[]> {
      const methods = await scanJava(outDir);
      const located = locate(plan, methods, camelCase);
      const calls = located
        .filter((l) => l.target)
        .map(({ call, target }) => ({ operationId: call.operationId, container: target!.className, symbol: target!.name, args: javaArgs(target!, bindingFor(opts.doc, call)) }));
      let driven: CallResult[] = [];
      if (calls.length > 0) {
        // The invoker package (ApiClient) is the API package's parent: org.openapitools.client.api → org.openapitools.client.
        const invokerPackage = calls[0].container.split('.').slice(0, -2).join('.');
        const input = { baseUrl: opts.baseUrl, headers: opts.headers, timeoutMs: opts.timeoutMs, invokerPackage, calls };
        const standIns = await buildStandIns(outDir);
        const built = standIns && (standIns.code !== 0 || standIns.timedOut) ? standIns : await buildDriver(outDir);
        if (built && (built.code !== 0 || built.timedOut)) {
          const why = `driver failed to build: ${javacErrors(built, outDir)[0]}`;
          return inPlanOrder(located, calls.map((c) => ({ operationId: c.operationId, outcome: 'client-error' as const, error: why })), describe);
        }
        const classpath = [join(outDir, DRIVER_CLASSES), join(outDir, CLASSES), ...javaClasspath(), join(outDir, STAND_INS_CLASSES)].join(delimiter);
        driven = await runDriverProcess(
          calls,
          (inputFile, outputFile) =>
            runCommand(JAVA, ['-cp', classpath, JAVA_DRIVER_CLASS, inputFile, outputFile], { cwd: outDir, timeoutMs: opts.timeoutMs * (calls.length + 1) + 10_000 }),
          input,
        );
      }
      return inPlanOrder(located, driven, describe);
    },
  };
}
