/** Shared by engine-output.test.ts and engine-output.integration.test.ts: a masked diff of two files, and every format checked. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { expect } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { FORMATS, renderReport } from '../../../src/diff/formats/index.js';
import { maskDocument } from '../../../src/mask/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { errorsOf, validateReport, validateSarif } from './validators.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

export function diffFiles(oldPath: string, newPath: string, from: string, to: string): DiffReport {
  const masked = maskDocument(readJson(oldPath), { from, to }).doc;
  return diffSpecs(masked, readJson(newPath), { oldSource: oldPath, newSource: newPath, now: new Date('2026-06-01T00:00:00Z') });
}

export function checkEveryFormat(report: DiffReport): void {
  for (const format of FORMATS) {
    const output = renderReport(report, format, { color: false, rules: ALL_RULES });
    for (const change of report.changes.slice(0, 50)) {
      if (format === 'text' || format === 'singleline' || format === 'json') expect(output, format).toContain(change.fingerprint);
    }
    if (format === 'json') expect(validateReport(JSON.parse(output)), errorsOf(validateReport)).toBe(true);
    if (format === 'sarif') expect(validateSarif(JSON.parse(output)), errorsOf(validateSarif)).toBe(true);
    if (format === 'junit') expect(XMLValidator.validate(output)).toBe(true);
  }
}
