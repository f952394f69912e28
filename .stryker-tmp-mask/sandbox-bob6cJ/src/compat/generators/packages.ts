// @ts-nocheck
import { readFileSync } from 'node:fs';
import { mkdir, readlink, rename, symlink, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../source/config.js';
import { defaultGeneratorCacheDir, installDir, isInstalledSync } from './install.js';
import { type GeneratorPin, pinName, pinOfPackage } from './pins.js';

/** Where installed generator packages are looked up; set from `--cache-dir` by the pipeline. */
let generatorRoot: string | undefined;
export function useGeneratorCache(root: string | undefined): void {
  generatorRoot = root;
}

/**
 * `SPECDRIFT_GENERATORS=cache` makes a development checkout use the cache like an installed specdrift does (tests
 * of the on-demand path); `node_modules` makes it fail instead of falling back to the cache.
 */
const source = (): string => process.env.SPECDRIFT_GENERATORS ?? 'auto';

/**
 * In a development checkout the pinned generator packages are devDependencies, so `npm ci` gives the tests
 * their exact versions without a cache. Only `<specdrift>/node_modules` counts (never a user project's packages)
 * and only at the pinned version.
 */
function checkoutPackageDir(name: string, version: string): string | undefined {
  if (source() === 'cache') return undefined;
  const dir = join(PACKAGE_ROOT, 'node_modules', name);
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string };
    return manifest.version === version ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Directory of a pinned generator package (generator, runtime library of generated code, TypeScript): the
 * development checkout's copy, else the install in the generator cache (`specdrift generators install`).
 */
export function packageDir(name: string): string {
  const pin = pinOfPackage(name);
  const checkout = checkoutPackageDir(name, pin.dependencies[name]);
  if (checkout) return checkout;
  const root = generatorRoot ?? defaultGeneratorCacheDir();
  if (source() !== 'node_modules' && isInstalledSync(pin, root)) return join(installDir(pin, root), 'node_modules', name);
  throw new SpecdriftError(`generator package ${pinName(pin)} is not installed (needs ${name})`, ExitCode.command, {
    hint: `run \`specdrift generators install ${pin.id}\``,
  });
}

/** True when {@link packageDir} finds every package without installing anything. */
export function pinAvailable(pin: GeneratorPin): boolean {
  return Object.keys(pin.dependencies).every((name) => {
    try {
      packageDir(name);
      return true;
    } catch {
      return false;
    }
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
