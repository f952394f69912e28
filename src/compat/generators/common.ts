import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { globFiles } from '../glob.js';
import { ExitCode, SpecdriftError } from '../../errors.js';
import type { JsonObject } from '../../openapi/types.js';
import { type Binding, declaredParams } from './bind.js';
import { findSymbol } from './naming.js';
import { type CommandResult, lastLines, runCommand, warningLines } from './process.js';
import type { CallPlan, CallResult, CommandFor, GenerateOptions, GenerateResult, PatchInfo } from './types.js';
import { isHttpMethod } from '../../openapi/types.js';
import { parseLossless } from '../lossless.js';

export const DEFAULT_GENERATE_TIMEOUT_MS = 180_000;

/**
 * Revision of the adapters' own code, part of every client's cache key: bump it when a patch, a compile step or
 * anything else of ours changes what a cached client directory holds (commands and options are keyed by themselves).
 */
export const ADAPTER_REVISION = 1;

/** Stand-ins for the paths in a command, so its recipe does not depend on where a client is made. */
const RECIPE_PATHS = { spec: '<spec>', out: '<out>', scratch: '<scratch>' } as const;

/** An adapter's {@link GeneratorAdapter.recipe}: the command with placeholder paths, its options and patches, our revision. */
export async function recipeOf(command: CommandFor, options: Record<string, unknown>, patches: readonly PatchInfo[] = []): Promise<string> {
  const run = await command(RECIPE_PATHS.spec, RECIPE_PATHS.out, RECIPE_PATHS.scratch);
  return JSON.stringify({ revision: ADAPTER_REVISION, command: run, options, patches });
}

/** Write the command's files into a fresh scratch directory, run it, remove the directory. */
async function runGeneratorCommand(command: CommandFor, specPath: string, outDir: string, timeoutMs: number): Promise<CommandResult> {
  const scratch = await mkdtemp(join(tmpdir(), 'specdrift-generate-'));
  try {
    const run = await command(specPath, outDir, scratch);
    for (const [name, text] of Object.entries(run.files ?? {})) await writeFile(join(scratch, name), text);
    return await runCommand(run.program, run.args, { cwd: run.cwd, timeoutMs });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Files a generator wrote (our own `.specdrift/` and linked `node_modules/` excluded). */
export async function countFiles(outDir: string): Promise<number> {
  const files = await globFiles('**/*', { cwd: outDir, dot: true, ignore: ['node_modules/**', '.specdrift/**'] });
  return files.length;
}

export function checkPatches(id: string, offered: readonly PatchInfo[], asked: readonly string[] = []): void {
  const unknown = asked.filter((name) => !offered.some((p) => p.name === name));
  if (unknown.length === 0) return;
  const names = offered.map((p) => p.name).join(', ') || 'none';
  throw new SpecdriftError(`unknown patch ${unknown.join(', ')} for generator ${id}`, ExitCode.usage, { hint: `patches of ${id}: ${names}` });
}

/**
 * Shared shape of `generate`: run the command, fail with its last output lines, collect warnings, apply asked patches.
 */
export async function runGenerator(
  id: string,
  offered: readonly PatchInfo[],
  specPath: string,
  outDir: string,
  opts: GenerateOptions,
  command: CommandFor,
  applyPatch?: (name: string) => Promise<string>,
): Promise<GenerateResult> {
  checkPatches(id, offered, opts.patches);
  await mkdir(outDir, { recursive: true });
  const result = await runGeneratorCommand(command, specPath, outDir, opts.timeoutMs ?? DEFAULT_GENERATE_TIMEOUT_MS);
  if (result.code !== 0 || result.timedOut || result.spawnError) {
    throw new SpecdriftError(`generator ${id} failed on ${specPath}: ${lastLines(result)}`, ExitCode.command, {
      hint: 'run it by hand with the same spec to see the full output',
    });
  }
  const warnings = warningLines(`${result.stdout}\n${result.stderr}`);
  const patchesApplied: string[] = [];
  for (const name of opts.patches ?? []) {
    const what = applyPatch ? await applyPatch(name) : '';
    patchesApplied.push(name);
    warnings.push(`patched generated code (${name}): ${what}`);
  }
  return { warnings, ms: result.ms, files: await countFiles(outDir), patchesApplied };
}

/** What an adapter spec says about generating: its id, the patches it offers, its command and how a patch applies. */
export interface GenerationSpec {
  id: string;
  patches?: readonly PatchInfo[];
  command: CommandFor;
  applyPatch?(outDir: string, name: string): Promise<string>;
}

/** An adapter's `generate`, the same for every language: run the spec's command, then apply the patches asked for. */
export function generateWith(spec: GenerationSpec): (specPath: string, outDir: string, opts?: GenerateOptions) => Promise<GenerateResult> {
  return (specPath, outDir, opts = {}) =>
    runGenerator(spec.id, spec.patches ?? [], specPath, outDir, opts, spec.command, spec.applyPatch ? (name) => spec.applyPatch!(outDir, name) : undefined);
}

export interface Located<T> {
  call: CallPlan;
  target?: T;
}

/** Pair each call with the generated function for its operationId (by the generator's naming convention). */
export function locate<T extends { name: string }>(plan: readonly CallPlan[], scanned: readonly T[], nameFor: (operationId: string) => string): Located<T>[] {
  return plan.map((call) => ({ call, target: findSymbol(scanned, nameFor(call.operationId)) }));
}

export function operationIds(doc: JsonObject): string[] {
  const ids: string[] = [];
  const paths = doc.paths;
  if (!paths || typeof paths !== 'object' || Array.isArray(paths)) return ids;
  for (const item of Object.values(paths)) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (!isHttpMethod(method)) continue;
      if (op && typeof op === 'object' && !Array.isArray(op) && typeof op.operationId === 'string') ids.push(op.operationId);
    }
  }
  return ids;
}

export const bindingFor = (doc: JsonObject, call: CallPlan): Binding => ({ call, declared: declaredParams(doc, call) });

/** Run a driver program: input and output as JSON files in a fresh temporary directory; every call fails alike if it dies. */
export async function runDriverProcess(
  calls: readonly { operationId: string }[],
  start: (inputFile: string, outputFile: string) => Promise<CommandResult>,
  input: unknown,
): Promise<CallResult[]> {
  const dir = await mkdtemp(join(tmpdir(), 'specdrift-driver-'));
  try {
    const inputFile = join(dir, 'input.json');
    const outputFile = join(dir, 'output.json');
    await writeFile(inputFile, JSON.stringify(input));
    const result = await start(inputFile, outputFile);
    const text = await readFile(outputFile, 'utf8').catch(() => undefined);
    // Lossless: a Python client's exact int64 must not lose its last digits here, on our side.
    if (text !== undefined) return parseLossless(text) as CallResult[];
    const why = `driver failed: ${lastLines(result)}`;
    return calls.map((c) => ({ operationId: c.operationId, outcome: 'client-error', error: why }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Merge driver results (for the calls that had a symbol) back into plan order; `describe` names the missing symbol. */
export function inPlanOrder(located: readonly Located<unknown>[], driven: readonly CallResult[], describe: (operationId: string) => string): CallResult[] {
  let next = 0;
  return located.map(({ call, target }): CallResult => {
    if (!target) return { operationId: call.operationId, outcome: 'not-generated', error: `no ${describe(call.operationId)} in the generated client` };
    return driven[next++] ?? { operationId: call.operationId, outcome: 'client-error', error: 'driver returned no result' };
  });
}

/** Driver results for the calls made, with a `driver-unsupported` result in place of each call that was not. */
export function withUnsupported(bound: readonly { operationId: string; unsupported?: string }[], driven: readonly CallResult[]): CallResult[] {
  let next = 0;
  return bound.map((c) =>
    c.unsupported !== undefined ? { operationId: c.operationId, outcome: 'driver-unsupported', error: c.unsupported } : (driven[next++] ?? { operationId: c.operationId, outcome: 'client-error', error: 'driver returned no result' }),
  );
}
