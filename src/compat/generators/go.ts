/**
 * Go clients (OpenAPI Generator 4.3.1 and Swagger Codegen 3.0.34 `go`), built with the Go toolchain in GOPATH mode
 * against the Go libraries installed on the machine (Debian: /usr/share/gocode) — never the module proxy.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import type { JsonObject } from '../../openapi/types.js';
import { globFiles } from '../glob.js';
import { goDriverSource, goOptionalStandIn } from '../drivers/go.js';
import { type Binding, membersObject, positional } from './bind.js';
import { bindingFor, inPlanOrder, locate, operationIds, generateWith, recipeOf, runDriverProcess } from './common.js';
import { findSymbol, pascalCase } from './naming.js';
import { type CommandResult, lastLines, runCommand } from './process.js';
import type { CallPlan, CallResult, CommandFor, CompileResult, GeneratorAdapter, PatchInfo, RunOptions } from './types.js';

export const GO = process.env.SPECDRIFT_GO || 'go';

/** Where Debian installs Go library sources (golang-*-dev packages); used when GOPATH is not set. */
const DEBIAN_GOPATH = '/usr/share/gocode';

/** Go packages the generated clients import besides the standard library, with the Debian package that has each. */
const GO_REQUIRES: { importPath: string; debian: string }[] = [{ importPath: 'golang.org/x/oauth2', debian: 'golang-golang-x-oauth2-dev' }];
const OPTIONAL_IMPORT = 'github.com/antihax/optional';

/** Import path the client is copied to inside our GOPATH; the driver imports it from there. */
const CLIENT_IMPORT = 'specdrift.local/client';
const WORK = '.specdrift';
const GOPATH_DIR = join(WORK, 'gopath');

/** The client's driver: its source (with the client's model types), and names from its hash, so a cached client built by an older specdrift gets the current driver. */
async function driverFor(outDir: string): Promise<{ source: string; importPath: string; binary: string }> {
  const source = goDriverSource(CLIENT_IMPORT, await scanGoModelTypes(outDir));
  const id = createHash('sha256').update(source).digest('hex').slice(0, 12);
  return { source, importPath: `specdrift.local/driver-${id}`, binary: join(WORK, `go-driver-${id}`) };
}

/** Exported types the client's model files declare. */
export async function scanGoModelTypes(outDir: string): Promise<string[]> {
  const names = new Set<string>();
  for (const file of await globFiles('model_*.go', { cwd: outDir })) {
    for (const m of (await readFile(join(outDir, file), 'utf8')).matchAll(/^type ([A-Z]\w*) /gm)) names.add(m[1]);
  }
  return [...names].sort();
}

export interface GoAdapterSpec {
  id: string;
  title: string;
  /** npm packages the generator needs (the jar's package). */
  npmPackages: string[];
  /** Programs besides Go (`java`). */
  programs: string[];
  version(): Promise<string>;
  unavailable(): Promise<string | undefined>;
  /** What runs the generator (also its part of the cache key). */
  command: CommandFor;
  /** Patches this generator's output may need (docs/generators.md, Patches), and how to apply one. */
  patches?: PatchInfo[];
  applyPatch?(outDir: string, name: string): Promise<string>;
}

export const ENUM_CLASS_PREFIX: PatchInfo = {
  name: 'enum-class-prefix',
  description:
    'model_*.go: prefix each enum model\'s constants with its type (`QUEUED` → `TASKSTATUS_QUEUED`), as the generator\'s own `enumClassPrefix=true` writes them; with the defaults two enums sharing a value declare the same package constant',
};

/**
 * One model file with its enum constants prefixed by their type, as OpenAPI Generator's `enumClassPrefix=true`
 * names them; files without an enum model come back unchanged (renamed 0).
 */
export function prefixEnumConstants(text: string): { text: string; renamed: number } {
  const type = /^type ([A-Z]\w*) (?:string|int32|int64|float32|float64)$/m.exec(text)?.[1];
  if (!type) return { text, renamed: 0 };
  const prefix = `${type.toUpperCase()}_`;
  let renamed = 0;
  const next = text.replace(new RegExp(`^(\\s+)(\\w+) ${type} = `, 'gm'), (whole, indent: string, name: string) => {
    if (name.startsWith(prefix)) return whole;
    renamed++;
    return `${indent}${prefix}${name} ${type} = `;
  });
  return { text: next, renamed };
}

/** Apply {@link prefixEnumConstants} to every model file of a Go client. */
export async function prefixGoEnumConstants(outDir: string): Promise<string> {
  let renamed = 0;
  let files = 0;
  for (const file of await globFiles('model_*.go', { cwd: outDir })) {
    const patched = prefixEnumConstants(await readFile(join(outDir, file), 'utf8'));
    if (patched.renamed === 0) continue;
    await writeFile(join(outDir, file), patched.text);
    renamed += patched.renamed;
    files++;
  }
  return `prefixed ${renamed} enum constant(s) with their type in ${files} model file(s)`;
}

/** A method of a generated `XxxApiService`. */
export interface GoMethod {
  name: string;
  /** The `APIClient` field that holds the service (`SlurmApi` for `SlurmApiService`). */
  container: string;
  /** Parameters after `ctx`; an options struct carries its field names. */
  params: { name: string; type: string; fields?: string[] }[];
  /** Options fields of type `optional.Interface`: the type the generated doc comment names (`V0042JobSubmitReq`, `[]string`). */
  optionTypes: Record<string, string>;
}

const systemGopath = (): string[] => (process.env.GOPATH || DEBIAN_GOPATH).split(delimiter).filter(Boolean);

const onGopath = (importPath: string): boolean => systemGopath().some((dir) => existsSync(join(dir, 'src', importPath)));

/** Environment for `go build`: GOPATH mode, ours first, no network, no cgo (no C compiler needed). */
const goEnv = (outDir: string) => ({
  GO111MODULE: 'off',
  GOPATH: [join(outDir, GOPATH_DIR), ...systemGopath()].join(delimiter),
  GOFLAGS: '',
  GOPROXY: 'off',
  CGO_ENABLED: '0',
});

/**
 * Methods of the generated services: `func (a *XxxApiService) Name(ctx …, p T, localVarOptionals *NameOpts) (…)`.
 * Hand-written regex scan: the generated files are regular, and `go doc` would cost a process per file.
 */
export async function scanGo(outDir: string): Promise<GoMethod[]> {
  const files = (await globFiles('api_*.go', { cwd: outDir })).sort();
  const methods: GoMethod[] = [];
  for (const file of files) {
    const text = await readFile(join(outDir, file), 'utf8');
    const structs = new Map<string, string[]>();
    for (const m of text.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
      structs.set(
        m[1],
        [...m[2].matchAll(/^\s+(\w+)\s+\S+/gm)].map((f) => f[1]),
      );
    }
    // ` * @param "V0042JobSubmitReq" (optional.Interface of V0042JobSubmitReq) -  Job description` above each method.
    const interfaceTypes = [...text.matchAll(/@param "(\w+)" \(optional\.Interface of ([\w[\]]+)\)/g)].map((d) => ({ field: d[1], type: d[2], at: d.index }));
    let previous = 0;
    for (const m of text.matchAll(/^func \(a \*(\w+)Service\) (\w+)\(ctx [\w.]+(?:, ([^)]*))?\)/gm)) {
      const optionTypes = Object.fromEntries(interfaceTypes.filter((d) => d.at > previous && d.at < m.index).map((d) => [d.field, d.type]));
      previous = m.index;
      const params = (m[3] ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => {
          const [name, type = ''] = p.split(/\s+/);
          const fields = type.startsWith('*') ? structs.get(type.slice(1)) : undefined;
          return fields ? { name, type, fields } : { name, type };
        });
      methods.push({ name: m[2], container: m[1], params, optionTypes });
    }
  }
  return methods;
}

/** Positional arguments after `ctx`; the options struct gets an object of its fields (the body among them when optional). */
export function goArgs(method: GoMethod, binding: Binding): unknown[] {
  return positional(method.params, binding, (param) => (param.fields ? { value: membersObject(param.fields, binding) } : undefined));
}

/** `go build` lines (`../client/api_x.go:12:3: msg`), paths made relative to the client directory. */
function goErrors(result: CommandResult): string[] {
  const lines = `${result.stderr}\n${result.stdout}`
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const errors = lines.filter((l) => /^\S+\.go:\d+(:\d+)?: /.test(l)).map((l) => l.replace(/^(\.\.\/)*(client\/|.*\/src\/specdrift\.local\/client\/)/, ''));
  return errors.length > 0 ? errors.slice(0, 100) : [lastLines(result)];
}

/**
 * Build the client's driver (once per driver version) next to the client, under a temporary name renamed into place.
 * Resolves with the binary (relative to the client) and the build's result, undefined when it was there already.
 */
async function buildDriver(outDir: string): Promise<{ binary: string; built?: CommandResult }> {
  const driver = await driverFor(outDir);
  if (existsSync(join(outDir, driver.binary))) return { binary: driver.binary };
  const src = join(outDir, GOPATH_DIR, 'src');
  await mkdir(join(src, driver.importPath), { recursive: true });
  await writeFile(join(src, driver.importPath, 'main.go'), driver.source);
  const temporary = `${join(outDir, driver.binary)}.${process.pid}-${Math.random().toString(36).slice(2)}`;
  const built = await runCommand(GO, ['build', '-o', temporary, driver.importPath], { cwd: outDir, env: goEnv(outDir), timeoutMs: 600_000 });
  if (built.code === 0 && !built.timedOut) await rename(temporary, join(outDir, driver.binary));
  else await rm(temporary, { force: true });
  return { binary: driver.binary, built };
}

/** Why Go clients cannot be built here, or undefined. */
export async function goUnavailable(neededBy: string): Promise<string | undefined> {
  const version = await runCommand(GO, ['version'], { timeoutMs: 30_000 });
  if (version.spawnError) return `${GO} not found (needed by ${neededBy}); install Go (Debian: apt-get install golang-go ${GO_REQUIRES.map((r) => r.debian).join(' ')}) or set SPECDRIFT_GO`;
  if (version.code !== 0) return `${GO} version failed (needed by ${neededBy}): ${lastLines(version)}`;
  const missing = GO_REQUIRES.filter((r) => !onGopath(r.importPath));
  if (missing.length > 0) {
    return `Go packages missing for ${neededBy}: ${missing.map((r) => r.importPath).join(', ')} not in GOPATH ${systemGopath().join(delimiter)} (Debian: apt-get install ${missing.map((r) => r.debian).join(' ')})`;
  }
  return undefined;
}

export function goAdapter(spec: GoAdapterSpec): GeneratorAdapter {
  return {
    id: spec.id,
    language: 'go',
    title: spec.title,
    patches: spec.patches ?? [],
    packages: spec.npmPackages,
    programs: [...spec.programs, GO],
    recipe: () => recipeOf(spec.command, {}, spec.patches),
    version: () => spec.version(),
    async unavailable() {
      return (await spec.unavailable()) ?? (await goUnavailable(spec.id));
    },
    generate: generateWith(spec),
    async compile(outDir: string): Promise<CompileResult> {
      const started = Date.now();
      const src = join(outDir, GOPATH_DIR, 'src');
      // A copy, not a link: the client directory is renamed into the cache after this, and GOPATH mode wants real directories.
      const clientDir = join(src, CLIENT_IMPORT);
      await mkdir(clientDir, { recursive: true });
      const sources = await globFiles('*.go', { cwd: outDir });
      for (const file of sources) await copyFile(join(outDir, file), join(clientDir, file));
      if (!onGopath(OPTIONAL_IMPORT)) {
        await mkdir(join(src, OPTIONAL_IMPORT), { recursive: true });
        await writeFile(join(src, OPTIONAL_IMPORT, 'optional.go'), goOptionalStandIn());
      }
      const { built } = await buildDriver(outDir);
      const errors = !built || (built.code === 0 && !built.timedOut) ? [] : goErrors(built);
      return { ok: errors.length === 0, errors, ms: Date.now() - started };
    },
    async listOperations(outDir: string, doc: JsonObject) {
      const methods = await scanGo(outDir);
      const found = new Map<string, string>();
      for (const operationId of operationIds(doc)) {
        const method = findSymbol(methods, pascalCase(operationId));
        if (method) found.set(operationId, `${method.container}.${method.name}`);
      }
      return found;
    },
    async run(outDir: string, plan: CallPlan[], opts: RunOptions): Promise<CallResult[]> {
      const located = locate(plan, await scanGo(outDir), pascalCase);
      const calls = located
        .filter((l) => l.target)
        .map(({ call, target }) => ({
          operationId: call.operationId,
          container: target!.container,
          symbol: target!.name,
          args: goArgs(target!, bindingFor(opts.doc, call)).map((a) => (a === undefined ? null : a)),
          optionTypes: target!.optionTypes,
        }));
      let driven: CallResult[] = [];
      if (calls.length > 0) {
        const { binary, built } = await buildDriver(outDir);
        if (built && (built.code !== 0 || built.timedOut)) {
          const why = `driver failed to build: ${goErrors(built)[0]}`;
          driven = calls.map((c) => ({ operationId: c.operationId, outcome: 'client-error', error: why }));
          return inPlanOrder(located, driven, (operationId) => `method ${pascalCase(operationId)} on an …ApiService`);
        }
        const input = { baseUrl: opts.baseUrl, headers: opts.headers, timeoutMs: opts.timeoutMs, calls };
        driven = await runDriverProcess(
          calls,
          (inputFile, outputFile) => runCommand(join(outDir, binary), [inputFile, outputFile], { cwd: outDir, timeoutMs: opts.timeoutMs * (calls.length + 1) + 10_000 }),
          input,
        );
      }
      return inPlanOrder(located, driven, (operationId) => `method ${pascalCase(operationId)} on an …ApiService`);
    },
  };
}
