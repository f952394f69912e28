/**
 * Loading a handlers module (`serve --handlers FILE`). This RUNS the user's code: the path comes from the
 * command line, which is trusted like a `cmd:` typed there (docs/security.md); nothing reads it from a config.
 *
 * `.ts`/`.mts`/`.cts` files go through tsx's `tsImport` (esbuild-based, well kept, no build step, and a fresh
 * module graph per call, which `--watch` needs). tsx is not a runtime dependency of specdrift (esbuild is ~10 MB):
 * it is found next to specdrift or in the handlers file's own project; without it, a TypeScript file is refused
 * with a hint, and `.js`/`.mjs` files load with plain `import()`.
 */
// @ts-nocheck

import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExitCode, SpecdriftError } from '../../../errors.js';
import type { Handler, HandlerSet } from './types.js';

type TsImport = (specifier: string, parent: string) => Promise<Record<string, unknown>>;

const TYPESCRIPT = new Set(['.ts', '.mts', '.cts', '.tsx']);
const JAVASCRIPT = new Set(['.js', '.mjs', '.cjs']);

async function findTsImport(file: string): Promise<TsImport | undefined> {
  try {
    const api = (await import('tsx/esm/api')) as { tsImport?: TsImport };
    if (typeof api.tsImport === 'function') return api.tsImport;
  } catch {
    // not installed next to specdrift: try the handlers file's project
  }
  try {
    const api = createRequire(resolve(dirname(file), 'noop.js'))('tsx/esm/api') as { tsImport?: TsImport };
    if (typeof api.tsImport === 'function') return api.tsImport;
  } catch {
    // not there either
  }
  return undefined;
}

let generation = 0;

/** Import the module at `path` (fresh every call) and collect its handler functions. */
export async function loadHandlers(path: string): Promise<HandlerSet> {
  const file = resolve(path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new SpecdriftError(`handlers file ${path} does not exist`, ExitCode.sourceNotFound, { hint: 'give the path of a .ts or .js module, e.g. --handlers ./impl.ts' });
  }
  const ext = extname(file).toLowerCase();
  let module: Record<string, unknown>;
  try {
    if (TYPESCRIPT.has(ext)) {
      const tsImport = await findTsImport(file);
      if (!tsImport) {
        throw new SpecdriftError(`cannot load ${path}: TypeScript handlers need tsx, which is not installed`, ExitCode.usage, {
          hint: 'npm install --save-dev tsx in your project, or compile the handlers to .js/.mjs',
        });
      }
      module = await tsImport(pathToFileURL(file).href, import.meta.url);
    } else if (JAVASCRIPT.has(ext)) {
      // a query string makes Node evaluate the file again (for --watch reloads)
      module = (await import(`${pathToFileURL(file).href}?specdrift=${++generation}`)) as Record<string, unknown>;
    } else {
      throw new SpecdriftError(`cannot load ${path}: handlers must be a .ts, .mts, .js or .mjs module`, ExitCode.usage, { hint: 'rename or compile the file' });
    }
  } catch (error) {
    if (error instanceof SpecdriftError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new SpecdriftError(`the handlers module ${path} failed to load: ${message}`, ExitCode.command, { hint: 'fix the module (run with --debug for the stack)', cause: error });
  }
  return { file, handlers: collectHandlers(module) };
}

/** Named exports that are functions, plus the functions of a default-exported object (named exports win). */
export function collectHandlers(module: Record<string, unknown>): Map<string, Handler> {
  const handlers = new Map<string, Handler>();
  const fallback = module.default;
  if (fallback && typeof fallback === 'object') {
    for (const [name, value] of Object.entries(fallback)) if (typeof value === 'function') handlers.set(name, value as Handler);
  }
  for (const [name, value] of Object.entries(module)) {
    if (name !== 'default' && typeof value === 'function') handlers.set(name, value as Handler);
  }
  return handlers;
}
