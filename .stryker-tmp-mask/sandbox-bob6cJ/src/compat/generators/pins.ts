/**
 * The pinned generator packages: one directory per install unit under `generators/<id>/` of the specdrift package,
 * holding a `package.json` (the pins: exact versions of the generator and of what its output needs at run time) and
 * the `package-lock.json` an install reproduces (`npm ci`, integrity-checked). These files are the one source of
 * truth: install, `generators list`, the adapters' package lookup and docs/generators.md's table all read them.
 */
// @ts-nocheck

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../source/config.js';

export type PinLanguage = 'typescript' | 'java' | 'toolchain';

export interface GeneratorPin {
  /** `typescript`, `openapi-typescript`, `openapi-generator`, … */
  id: string;
  /** Version of the tool (for jar packages, of the jar). */
  version: string;
  language: PinLanguage;
  description: string;
  /** npm package → exact version; the first one is the tool itself. */
  dependencies: Record<string, string>;
  /** The shipped directory with package.json and package-lock.json. */
  dir: string;
  /** sha256 of the shipped package-lock.json: an install made from another lock is not trusted. */
  lockHash: string;
}

/** Where the pins ship (`generators/` next to `dist/`); tests point it elsewhere. */
export const DEFAULT_PINS_DIR = join(PACKAGE_ROOT, 'generators');

const loaded = new Map<string, GeneratorPin[]>();

export function loadPins(pinsDir: string = DEFAULT_PINS_DIR): GeneratorPin[] {
  const cached = loaded.get(pinsDir);
  if (cached) return cached;
  if (!existsSync(pinsDir)) {
    throw new SpecdriftError(`generator pins not found: ${pinsDir}`, ExitCode.internal, { hint: 'the specdrift package is incomplete; reinstall it' });
  }
  const pins: GeneratorPin[] = [];
  for (const id of readdirSync(pinsDir).sort()) {
    const dir = join(pinsDir, id);
    const manifestFile = join(dir, 'package.json');
    const lockFile = join(dir, 'package-lock.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      version: string;
      description?: string;
      specdrift?: { language?: PinLanguage };
      dependencies?: Record<string, string>;
    };
    const lock = readFileSync(lockFile);
    pins.push({
      id,
      version: manifest.version,
      language: manifest.specdrift?.language ?? 'typescript',
      description: manifest.description ?? '',
      dependencies: manifest.dependencies ?? {},
      dir,
      lockHash: createHash('sha256').update(lock).digest('hex'),
    });
  }
  // Only the shipped pins are read once; other directories (tests) are read as they are now.
  if (pinsDir === DEFAULT_PINS_DIR) loaded.set(pinsDir, pins);
  return pins;
}

export const pinName = (pin: GeneratorPin): string => `${pin.id}@${pin.version}`;

/** The pin that installs npm package `name`. */
export function pinOfPackage(name: string, pins: readonly GeneratorPin[] = loadPins()): GeneratorPin {
  const pin = pins.find((p) => Object.hasOwn(p.dependencies, name));
  if (!pin) throw new SpecdriftError(`npm package ${name} is not pinned in generators/*/package.json`, ExitCode.internal);
  return pin;
}

/** Pins by id, in the order given; `all` for every one. Unknown ids are a usage error naming the known ones. */
export function pinsById(ids: readonly string[], pins: readonly GeneratorPin[] = loadPins()): GeneratorPin[] {
  const chosen: GeneratorPin[] = [];
  for (const id of ids.length === 0 ? ['all'] : ids) {
    const matches = id === 'all' ? pins : pins.filter((p) => p.id === id || pinName(p) === id);
    if (matches.length === 0) {
      throw new SpecdriftError(`unknown generator package ${id}`, ExitCode.usage, { hint: `known: ${pins.map((p) => p.id).join(', ')}, all` });
    }
    for (const pin of matches) if (!chosen.includes(pin)) chosen.push(pin);
  }
  return chosen;
}
