/** src/builtins.ts: the built-ins loaded on first use, and the full collection the diff command asks for. */
import { describe, expect, it } from 'vitest';
import { childProcess, collectGarbage, crypto } from '../src/builtins.js';

describe('builtins', () => {
  it('gives the real modules', () => {
    expect(crypto().createHash('sha256').update('a').digest('hex')).toBe('ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb');
    expect(typeof childProcess().spawn).toBe('function');
  });

  it('collectGarbage collects what nothing references any more, each time it is called', async () => {
    for (let round = 0; round < 2; round++) {
      let garbage: number[] | undefined = new Array(100_000).fill(round);
      const ref = new WeakRef(garbage);
      garbage = undefined;
      // A WeakRef keeps its target through the job that made it: collect in a later one.
      await new Promise((resolve) => setTimeout(resolve, 0));
      collectGarbage();
      expect(ref.deref()).toBeUndefined();
    }
  });
});
