// @ts-nocheck
import { SpecdriftError } from '../../src/errors.js';

/** The SpecdriftError `f` throws; fails the test when it throws nothing or something else. */
export function thrown(f: () => unknown): SpecdriftError {
  try {
    f();
  } catch (e) {
    if (e instanceof SpecdriftError) return e;
    throw e;
  }
  throw new Error('expected a SpecdriftError');
}

/** The SpecdriftError `p` rejects with; fails the test when it resolves or rejects with something else. */
export async function rejection(p: Promise<unknown>): Promise<SpecdriftError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SpecdriftError) return e;
    throw e;
  }
  throw new Error('expected a SpecdriftError');
}
