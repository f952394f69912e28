import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { globFiles } from '../glob.js';
import type { JsonObject } from '../../openapi/types.js';
import { PYTHON_DRIVER } from '../drivers/python.js';
import { type Binding, paramFor, unfilledReason } from './bind.js';
import { bindingFor, inPlanOrder, locate, operationIds, generateWith, recipeOf, runDriverProcess, withUnsupported } from './common.js';
import { findSymbol, snakeCase } from './naming.js';
import { type CommandResult, lastLines, runCommand } from './process.js';
import type { CallPlan, CallResult, CommandFor, CompileResult, GeneratorAdapter, PatchInfo, RunOptions } from './types.js';

export const PYTHON = process.env.SPECDRIFT_PYTHON || 'python3';

export interface PythonAdapterSpec {
  id: string;
  title: string;
  /** Import name of the generated package (`openapi_client`, `swagger_client`). */
  packageName: string;
  /** npm packages the generator needs (the jar's package; none for a jar the user gives). */
  npmPackages: string[];
  /** Programs besides Python (`java`). */
  programs: string[];
  /** Modules the generated code imports (checked by `unavailable`). */
  requires: string[];
  version(): Promise<string>;
  unavailable(): Promise<string | undefined>;
  /** What runs the generator (also its part of the cache key). */
  command: CommandFor;
  patches?: PatchInfo[];
  applyPatch?(outDir: string, name: string): Promise<string>;
}

export interface PythonMethod {
  /** Method name without `_with_http_info`. */
  name: string;
  /** The `XxxApi` class. */
  container: string;
  /** Parameter names the method accepts (positional and keyword), in order. */
  params: string[];
  /** Those without a default (positional arguments the call must give). */
  required: string[];
}

/**
 * Methods of the generated `XxxApi` classes. Hand-written regex scan: the generated files are regular enough and
 * importing them to introspect would need a Python round trip per scan.
 */
export async function scanPython(outDir: string, packageName: string): Promise<PythonMethod[]> {
  const files = await globFiles(`${packageName}/api/*.py`, { cwd: outDir });
  const methods: PythonMethod[] = [];
  for (const file of files.sort()) {
    const text = await readFile(join(outDir, file), 'utf8');
    const classes = [...text.matchAll(/^class (\w+)\(/gm)].map((m) => ({ name: m[1], at: m.index }));
    for (const match of text.matchAll(/^\s+def (\w+)_with_http_info\(/gm)) {
      const container = classes.filter((c) => c.at < match.index).pop()?.name;
      if (!container) continue;
      const signature = balanced(text, match.index + match[0].length - 1);
      const declared = splitTopLevel(signature)
        .map((p) => ({ name: p.trim().replace(/^\*+/, '').split(/[:=]/)[0].trim(), required: !flat(p).includes('=') && !p.trim().startsWith('*') }))
        .filter((p) => p.name && p.name !== 'self' && p.name !== 'kwargs' && !p.name.startsWith('_'));
      const params = declared.map((p) => p.name);
      const required = declared.filter((p) => p.required).map((p) => p.name);
      // Legacy generators take **kwargs and list the accepted names in `all_params = [...]`.
      const next = text.indexOf('\n    def ', match.index + match[0].length);
      const body = text.slice(match.index, next === -1 ? undefined : next);
      const listed = /all_params\s*=\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const [, name] of listed.matchAll(/['"](\w+)['"]/g)) if (!params.includes(name)) params.push(name);
      methods.push({ name: match[1], container, params, required });
    }
  }
  return methods;
}

/** The text without anything in brackets (`Annotated[X, Field(description="a=b")]` → `Annotated`): a default's `=` is then top-level. */
const flat = (text: string): string => {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0) out += c;
  }
  return out;
};

/** Text inside the parentheses starting at `open`. */
function balanced(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(' || text[i] === '[') depth++;
    else if (text[i] === ')' || text[i] === ']') depth--;
    if (depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Keyword arguments: each accepted name gets its declared parameter's planned value; the one name that is no parameter is the body. */
export function pythonKwargs(method: PythonMethod, binding: Binding): Record<string, unknown> {
  return bindPython(method, binding).kwargs;
}

/** {@link pythonKwargs}, plus the required arguments the driver had nothing for. */
export function bindPython(method: PythonMethod, binding: Binding): { kwargs: Record<string, unknown>; unfilled: string[] } {
  const kwargs: Record<string, unknown> = {};
  const unfilled: string[] = [];
  let bodyUsed = false;
  for (const name of method.params) {
    const match = paramFor(binding, name);
    if (match) {
      if (match.value !== undefined) kwargs[name] = match.value;
    } else if (!bodyUsed) {
      bodyUsed = true;
      if (binding.call.body !== undefined) kwargs[name] = binding.call.body;
    } else if ((method.required ?? []).includes(name)) {
      unfilled.push(name);
    }
  }
  return { kwargs, unfilled };
}

export async function pythonModulesMissing(modules: readonly string[], neededBy: string): Promise<string | undefined> {
  const check = `import importlib.util, sys\nmissing = [m for m in sys.argv[1:] if importlib.util.find_spec(m) is None]\nprint(" ".join(missing))`;
  const result = await runCommand(PYTHON, ['-c', check, ...modules], { timeoutMs: 30_000 });
  if (result.spawnError) return `${PYTHON} not found (needed by ${neededBy}); install Python 3 or set SPECDRIFT_PYTHON to a Python 3 interpreter`;
  if (result.code !== 0) return `${PYTHON} failed: ${lastLines(result)}`;
  const missing = result.stdout.trim();
  return missing ? `Python modules missing for the generated client: ${missing} (pip install ${missing.replace('dateutil', 'python-dateutil')})` : undefined;
}

export function pythonAdapter(spec: PythonAdapterSpec): GeneratorAdapter {
  const pythonEnv = (outDir: string) => ({ PYTHONPATH: outDir });
  return {
    id: spec.id,
    language: 'python',
    title: spec.title,
    patches: spec.patches ?? [],
    packages: spec.npmPackages,
    programs: [...spec.programs, PYTHON],
    recipe: () => recipeOf(spec.command, { packageName: spec.packageName }, spec.patches),
    version: () => spec.version(),
    async unavailable() {
      return (await spec.unavailable()) ?? (await pythonModulesMissing(spec.requires, spec.id));
    },
    generate: generateWith(spec),
    async compile(outDir: string): Promise<CompileResult> {
      const started = Date.now();
      const errors: string[] = [];
      const compiled = await runCommand(PYTHON, ['-m', 'compileall', '-q', spec.packageName], { cwd: outDir, timeoutMs: 120_000 });
      if (compiled.code !== 0) errors.push(...pythonErrors(compiled));
      const imported = await runCommand(PYTHON, ['-c', `import ${spec.packageName}`], { cwd: outDir, env: pythonEnv(outDir), timeoutMs: 60_000 });
      if (imported.code !== 0) errors.push(`import ${spec.packageName}: ${lastLines(imported, 1)}`);
      return { ok: errors.length === 0, errors, ms: Date.now() - started };
    },
    async listOperations(outDir: string, doc: JsonObject) {
      const methods = await scanPython(outDir, spec.packageName);
      const found = new Map<string, string>();
      for (const operationId of operationIds(doc)) {
        const method = findSymbol(methods, snakeCase(operationId));
        if (method) found.set(operationId, `${method.container}.${method.name}`);
      }
      return found;
    },
    async run(outDir: string, plan: CallPlan[], opts: RunOptions): Promise<CallResult[]> {
      const located = locate(plan, await scanPython(outDir, spec.packageName), snakeCase);
      const bound = located
        .filter((l) => l.target)
        .map(({ call, target }) => {
          const binding = bindingFor(opts.doc, call);
          const { kwargs, unfilled } = bindPython(target!, binding);
          return {
            operationId: call.operationId,
            container: target!.container,
            symbol: target!.name,
            kwargs,
            ...(unfilled.length > 0 ? { unsupported: unfilledReason(unfilled, binding) } : {}),
          };
        });
      const calls = bound.filter((c) => c.unsupported === undefined);
      let driven: CallResult[] = [];
      if (calls.length > 0) {
        await mkdir(join(outDir, '.specdrift'), { recursive: true });
        const driverFile = join(outDir, '.specdrift', `driver-${process.pid}-${Math.random().toString(36).slice(2)}.py`);
        await writeFile(driverFile, PYTHON_DRIVER);
        try {
          const input = { package: spec.packageName, baseUrl: opts.baseUrl, headers: opts.headers, timeoutMs: opts.timeoutMs, calls };
          driven = await runDriverProcess(
            calls,
            (inputFile, outputFile) =>
              runCommand(PYTHON, [driverFile, inputFile, outputFile], { cwd: outDir, env: pythonEnv(outDir), timeoutMs: opts.timeoutMs * (calls.length + 1) + 10_000 }),
            input,
          );
        } finally {
          await rm(driverFile, { force: true });
        }
      }
      return inPlanOrder(located, withUnsupported(bound, driven), (operationId) => `method ${snakeCase(operationId)} on an …Api class`);
    },
  };
}

/** `compileall` prints a traceback per broken file; keep the `File "…", line N` and error lines. */
function pythonErrors(result: CommandResult): string[] {
  const lines = `${result.stdout}\n${result.stderr}`.split(/\r?\n/).map((l) => l.trim());
  const errors = lines.filter((l) => /Error:|^\*\*\*/.test(l));
  return errors.length > 0 ? errors.slice(0, 100) : [lastLines(result)];
}
