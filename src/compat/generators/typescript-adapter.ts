import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonObject } from '../../openapi/types.js';
import { HARNESS } from '../drivers/harness.js';
import type { Binding } from './bind.js';
import { bindingFor, inPlanOrder, locate, operationIds, generateWith, recipeOf, runDriverProcess, withUnsupported } from './common.js';
import { findSymbol } from './naming.js';
import { type TypedResultAccess, typeScriptTypedAccess } from './typed-check.js';
import { linkPackages, packageDir, packageVersion } from './packages.js';
import { type CommandResult, runCommand } from './process.js';
import type { CallPlan, CallResult, CommandFor, GeneratorAdapter, GeneratorCommand, PatchInfo, RunOptions } from './types.js';
import { BUILD_DIR, compileTypeScript, type ScanOptions, type ScannedFunction, scanTypeScript } from './typescript.js';

/** What a driver gets per call: the function to look up and the arguments to call it with. */
export interface DriverCall {
  operationId: string;
  /** Function, method or property name. */
  symbol: string;
  /** Class / object / HTTP method the symbol lives in, if any. */
  container?: string;
  args: unknown[];
  /** Generator-specific extras (model type names for conversion …). */
  hints?: Record<string, string>;
  /** Set when the driver cannot express the call (see `unfilledReason`): it is not made, the cell is driver-unsupported. */
  unsupported?: string;
}

export interface TypeScriptAdapterSpec {
  id: string;
  title: string;
  /** npm package whose version is the generator's version (unless `version` is given). */
  packageName: string;
  /** npm packages the generator needs (default `[packageName]`; none for a jar the user gives). */
  npmPackages?: string[];
  /** Programs besides Node (`java` for the jar generators). */
  programs?: string[];
  /** For generators that are not npm packages (jars). */
  version?(): Promise<string>;
  /** Extra availability check (java present, jar found …). */
  unavailable?(): Promise<string | undefined>;
  patches?: PatchInfo[];
  /** What runs the generator (also its part of the cache key). */
  command: CommandFor;
  applyPatch?(outDir: string, name: string): Promise<string>;
  /** Globs of the client's sources, relative to the output directory. */
  include: string[];
  runtimePackages: string[];
  extraFiles?: Record<string, string>;
  /** Where the callable symbols are. */
  scan: ScanOptions | ((outDir: string) => Promise<ScannedFunction[]>);
  /** The generator's name for an operation (`slurm_v0041_get_jobs` → `slurmV0041GetJobs`). */
  nameFor(operationId: string): string;
  /** Phrase for "not generated" messages, e.g. `function slurmV0041GetJobs`. */
  describe(operationId: string): string;
  /** How the symbol is reported (default `Container.name`). */
  symbolOf?(fn: ScannedFunction): string;
  bind(fn: ScannedFunction, binding: Binding, opts: RunOptions): Omit<DriverCall, 'operationId'>;
  /** The generator part of the driver (JavaScript, see drivers/harness.ts). */
  driver: string;
  /** How the typed access check reaches the response body from the function's result (default: it is the body). */
  typedResult?: TypedResultAccess;
}

const defaultSymbol = (fn: ScannedFunction): string => (fn.container ? `${fn.container}.${fn.name}` : fn.name);

/** A Node bin script of an installed package, as a generator command. */
export const nodeTool = (bin: string, args: string[], cwd: string, files?: Record<string, string>): GeneratorCommand => ({
  program: process.execPath,
  args: [bin, ...args],
  cwd,
  ...(files ? { files } : {}),
});

export function typeScriptAdapter(spec: TypeScriptAdapterSpec): GeneratorAdapter {
  const scan = (outDir: string) => (typeof spec.scan === 'function' ? spec.scan(outDir) : scanTypeScript(outDir, spec.include, spec.scan));
  const symbolOf = spec.symbolOf ?? defaultSymbol;
  return {
    id: spec.id,
    language: 'typescript',
    title: spec.title,
    patches: spec.patches ?? [],
    packages: [...(spec.npmPackages ?? [spec.packageName]), ...spec.runtimePackages, 'typescript', '@types/node'],
    programs: spec.programs ?? [],
    recipe: () => recipeOf(spec.command, { include: spec.include, runtimePackages: spec.runtimePackages, extraFiles: spec.extraFiles ?? {} }, spec.patches),
    async version() {
      return spec.version ? spec.version() : packageVersion(spec.packageName);
    },
    async unavailable() {
      if (spec.unavailable) {
        const why = await spec.unavailable();
        if (why) return why;
      }
      try {
        for (const name of [...(spec.npmPackages ?? [spec.packageName]), ...spec.runtimePackages, 'typescript', '@types/node']) packageDir(name);
        return undefined;
      } catch (error) {
        return (error as Error).message;
      }
    },
    generate: generateWith(spec),
    compile(outDir: string) {
      return compileTypeScript(outDir, { include: spec.include, runtimePackages: spec.runtimePackages, extraFiles: spec.extraFiles });
    },
    async listOperations(outDir: string, doc: JsonObject) {
      const scanned = await scan(outDir);
      const found = new Map<string, string>();
      for (const operationId of operationIds(doc)) {
        const fn = findSymbol(scanned, spec.nameFor(operationId));
        if (fn) found.set(operationId, symbolOf(fn));
      }
      return found;
    },
    async typedAccess(outDir: string, doc: JsonObject, found: ReadonlyMap<string, string>) {
      return typeScriptTypedAccess(outDir, doc, found, await scan(outDir), symbolOf, spec.include, spec.typedResult ?? {});
    },
    async run(outDir: string, plan: CallPlan[], opts: RunOptions): Promise<CallResult[]> {
      const located = locate(plan, await scan(outDir), spec.nameFor);
      const bound: DriverCall[] = located
        .filter((l) => l.target)
        .map(({ call, target }) => ({ operationId: call.operationId, ...spec.bind(target!, bindingFor(opts.doc, call), opts) }));
      const calls = bound.filter((c) => c.unsupported === undefined);
      const driven = calls.length > 0 ? await runTypeScriptDriver(outDir, spec, calls, opts) : [];
      return inPlanOrder(located, withUnsupported(bound, driven), (operationId) => spec.describe(operationId));
    },
  };
}

async function runTypeScriptDriver(outDir: string, spec: TypeScriptAdapterSpec, calls: DriverCall[], opts: RunOptions): Promise<CallResult[]> {
  await linkPackages(outDir, spec.runtimePackages);
  const buildDir = join(outDir, BUILD_DIR);
  // One file per run: several runs may share a cached client directory.
  const driverFile = join(buildDir, `driver-${process.pid}-${Math.random().toString(36).slice(2)}.cjs`);
  await writeFile(driverFile, `${HARNESS}\n${spec.driver}\n`);
  try {
    const encoded = calls.map((c) => ({ ...c, args: c.args.map((a) => (a === undefined ? { $undefined: true } : a)) }));
    const input = { baseUrl: opts.baseUrl, headers: opts.headers, timeoutMs: opts.timeoutMs, buildDir, calls: encoded };
    return await runDriverProcess(
      calls,
      (inputFile, outputFile) =>
        runCommand(process.execPath, ['--no-warnings', driverFile, inputFile, outputFile], {
          cwd: buildDir,
          timeoutMs: opts.timeoutMs * (calls.length + 1) + 10_000,
        }),
      input,
    );
  } finally {
    await rm(driverFile, { force: true });
  }
}
