/**
 * The user-facing copy of a generated client: its sources only (no linked node_modules, no build output, no Python
 * bytecode), written to `<out>/<generator>/<spec-id>/` with a small manifest saying what made it.
 */
// @ts-nocheck

import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { globFiles } from '../glob.js';

/** Written next to the sources; no timestamps, so regenerating an unchanged client gives identical files. */
export const MANIFEST = '.specdrift-client.json';

export interface ClientManifest {
  generator: string;
  version: string;
  /** The spec as given (a path relative to the config file for committed clients). */
  spec: string;
  specSha256: string;
  patches: string[];
}

/** Generated files of a prepared client directory, sorted, relative to it. */
export async function clientSourceFiles(dir: string): Promise<string[]> {
  const files = await globFiles('**/*', {
    cwd: dir,
    dot: true,
    ignore: ['node_modules/**', '**/node_modules/**', '.specdrift/**', '**/__pycache__/**', '**/*.pyc', MANIFEST],
  });
  return files.sort();
}

/** Replace `target` with the sources of the prepared client in `from` plus the manifest. Returns the file count. */
export async function writeClientSources(from: string, target: string, manifest: ClientManifest): Promise<number> {
  const files = await clientSourceFiles(from);
  const temp = `${target}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    for (const file of files) {
      await mkdir(dirname(join(temp, file)), { recursive: true });
      await copyFile(join(from, file), join(temp, file));
    }
    await mkdir(temp, { recursive: true });
    await writeFile(join(temp, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await rm(target, { recursive: true, force: true });
    await mkdir(dirname(target), { recursive: true });
    await rename(temp, target);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return files.length;
}

/** `<out>/<generator id with : replaced>/<spec id>`. */
export const clientDir = (outDir: string, generatorId: string, specId: string): string => join(outDir, generatorId.replace(/[^A-Za-z0-9._-]+/g, '_'), specId);
