import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readlink, rename, symlink, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, SpecdriftError } from '../../errors.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * Directory of an installed npm package, found the way Node looks for it from this module.
 * Hand-written because several generator packages do not export `package.json` (so `require.resolve`
 * of it fails) and some have no CommonJS entry point to resolve instead.
 */
export function packageDir(name: string): string {
  for (let dir = HERE; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new SpecdriftError(`npm package ${name} is not installed next to specdrift`, ExitCode.command, {
    hint: `reinstall specdrift (it depends on ${name}) or run \`npm install ${name}\``,
  });
}

interface PackageJson {
  version?: string;
  bin?: string | Record<string, string>;
}

function readPackageJson(name: string): PackageJson {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as PackageJson;
}

export const packageVersion = (name: string): string => readPackageJson(name).version ?? 'unknown';

/** Absolute path of a package's bin script (`binName` defaults to the only/first one). */
export function packageBin(name: string, binName?: string): string {
  const { bin } = readPackageJson(name);
  const relative = typeof bin === 'string' ? bin : bin ? (binName ? bin[binName] : Object.values(bin)[0]) : undefined;
  if (!relative) throw new SpecdriftError(`npm package ${name} has no bin ${binName ?? ''}`.trim(), ExitCode.internal);
  return resolve(packageDir(name), relative);
}

/**
 * Make `outDir/node_modules/<pkg>` point at specdrift's copy of each package, so the generated code type-checks and
 * runs wherever it lives (e.g. in the client cache). Safe against concurrent callers: links are replaced atomically.
 */
export async function linkPackages(outDir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const target = packageDir(name);
    const link = join(outDir, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    const current = await readlink(link).catch(() => undefined);
    if (current === target) continue;
    const temporary = `${link}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await symlink(target, temporary, 'dir');
    try {
      await rename(temporary, link);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      if ((await readlink(link).catch(() => undefined)) !== target) throw error;
    }
  }
}
