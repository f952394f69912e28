/** docs/formats.md is generated from the current build's output (scripts/gen-formats-doc.ts) and must be current. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { FORMATS_DOC_PATH, renderFormatsDoc } from '../../../scripts/gen-formats-doc.js';
import { FORMATS } from '../../../src/diff/formats/index.js';

it('docs/formats.md shows the current output of every format', async () => {
  const fresh = await renderFormatsDoc();
  for (const format of FORMATS) expect(fresh, format).toContain(`\n## ${format}\n`);
  expect(fresh).not.toContain('@@');
  const committed = readFileSync(FORMATS_DOC_PATH, 'utf8');
  expect(committed === fresh, 'docs/formats.md is stale: regenerate it with `npx tsx scripts/gen-formats-doc.ts` and commit it').toBe(true);
});
