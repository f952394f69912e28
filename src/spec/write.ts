import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ExitCode, SpecdriftError } from '../errors.js';

/** Write a file so that readers never see half of it: temp file in the same directory, then rename. */
export async function writeFileAtomically(path: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new SpecdriftError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, ExitCode.output, {
      hint: 'check that the directory exists and is writable',
    });
  }
}
