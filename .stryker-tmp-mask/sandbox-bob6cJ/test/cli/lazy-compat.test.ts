/**
 * The core commands never load the client generators or the TypeScript compiler: those are not dependencies of
 * the published package (they are installed on demand, docs/generators.md), so a static import of them from
 * anything `diff` loads would break every user's `diff`.
 */
// @ts-nocheck

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPins } from '../../src/compat/generators/pins.js';
import { REPO_ROOT } from '../helpers/cli.js';

const SRC = join(REPO_ROOT, 'src');

/** Specifiers a module loads when it is loaded: static imports and re-exports that are not `type`-only. */
function staticImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gms)) found.push(match[3]);
  for (const match of text.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(match[1]);
  return found;
}

/**
 * Every source file and bare package the CLI entry loads before any command runs a dynamic import. The command
 * modules count as loaded: the index imports each one (dynamically) as soon as its command runs.
 */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    }
  };
  visit(entry);
  const index = join(SRC, 'cli', 'commands', 'index.ts');
  for (const [, command] of readFileSync(index, 'utf8').matchAll(/import\('(\.\/[^']+)'\)/g)) visit(resolve(dirname(index), command).replace(/\.js$/, '.ts'));
  return { files, packages };
}

describe('dynamic-import boundary of compat', () => {
  it('finds static imports and skips type-only ones and dynamic imports (the scanner itself)', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from './b.js';",
      "import {\n  type C,\n  d,\n} from './cd.js';",
      "export { e } from './e.js';",
      "export type * from './types.js';",
      "import 'side-effect';",
      "const f = await import('./f.js');",
    ].join('\n');
    expect(staticImports(text)).toEqual(['./a.js', './cd.js', './e.js', 'side-effect']);
  });

  it('no module the CLI loads statically is a generator module, the TypeScript compiler or a pinned generator package', () => {
    const { files, packages } = staticGraph(join(SRC, 'cli', 'main.ts'));
    const generatorModules = [...files].map((f) => relative(SRC, f)).filter((f) => f.startsWith(join('compat', 'generators')));
    expect(generatorModules).toEqual([]);
    const pinned = loadPins().flatMap((p) => Object.keys(p.dependencies));
    expect(pinned).toContain('typescript');
    expect([...packages].filter((p) => pinned.includes(p))).toEqual([]);
    // Sanity: the walk did reach the commands and the diff engine.
    expect(files.has(join(SRC, 'cli', 'commands', 'compat.ts'))).toBe(true);
    expect(files.has(join(SRC, 'diff', 'engine', 'index.ts')) || [...files].some((f) => f.includes(join('diff', 'engine')))).toBe(true);
  });

  it('`specdrift diff` runs with every generator module and the TypeScript compiler made unloadable (built modules)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'specdrift-lazy-'));
    const hooks = join(dir, 'hooks.mjs');
    // Fails the import of anything under compat/generators/ or of the typescript package.
    writeFileSync(
      hooks,
      [
        'export async function resolve(specifier, context, next) {',
        '  const result = await next(specifier, context);',
        "  if (/\\/compat\\/generators\\/|\\/node_modules\\/typescript\\//.test(result.url)) throw new Error('forbidden load: ' + result.url);",
        '  return result;',
        '}',
      ].join('\n'),
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
    // tsc's modules, not bin's bundle: the hook tells modules by path, and the bundle's chunks (which keep the same
    // dynamic-import boundaries, scripts/bundle.mjs) are not named after them.
    const entry = join(dir, 'entry.mjs');
    const main = pathToFileURL(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url))).href;
    writeFileSync(entry, `const { run } = await import(${JSON.stringify(main)});\nprocess.exitCode = await run(process.argv.slice(2));\n`);
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', pathToFileURL(register).href, entry, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

    const diff = run(['diff', 'fixtures/slurm-like/v0.0.40.json', 'fixtures/slurm-like/v0.0.41.json']);
    expect(diff.stderr).not.toContain('forbidden load');
    expect(diff.stdout).toContain('6 breaking, 3 warnings, 5 info');
    // The hook does bite: a command that needs the generators fails on them.
    const list = run(['generators', 'list']);
    expect(list.stderr).toContain('forbidden load');
  });
});
