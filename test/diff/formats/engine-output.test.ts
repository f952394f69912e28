/**
 * Reports the diff engine really produces (Slurm-like fixtures, and the real slurmrestd specs when
 * scripts/slurm-specs.sh has built them), classified and rendered in every format, checked against
 * docs/report.schema.json, the SARIF 2.1.0 schema and an XML parser.
 */
import { readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { classify, loadPolicy, shouldFail } from '../../../src/diff/classify/index.js';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { FORMATS, renderReport } from '../../../src/diff/formats/index.js';
import { maskDocument } from '../../../src/mask/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { errorsOf, validateReport, validateSarif } from './validators.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

function diffFiles(oldPath: string, newPath: string, from: string, to: string): DiffReport {
  const masked = maskDocument(readJson(oldPath), { from, to }).doc;
  return diffSpecs(masked, readJson(newPath), { oldSource: oldPath, newSource: newPath, now: new Date('2026-06-01T00:00:00Z') });
}

function checkEveryFormat(report: DiffReport): void {
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

describe('engine output (fixtures/slurm-like v0.0.40 → v0.0.41)', () => {
  const fixtures = new URL('../../../fixtures/slurm-like/', import.meta.url).pathname;
  const report = diffFiles(`${fixtures}v0.0.40.json`, `${fixtures}v0.0.41.json`, 'v0.0.40', 'v0.0.41');

  it('validates in every format before and after classification', async () => {
    expect(report.changes.length).toBeGreaterThan(0);
    checkEveryFormat(report);
    const breaking = report.changes.filter((change) => change.level === 'breaking');
    expect(breaking.length).toBeGreaterThan(0);
    const policy = await loadPolicy({ severity: ['response-*=info'], rules: ALL_RULES });
    const classified = classify(report, { ...policy, accept: [{ origin: 'accept.txt:1', fingerprint: breaking[0].fingerprint, reason: 'known', selector: breaking[0].fingerprint }] });
    checkEveryFormat(classified);
    expect(classified.summary.accepted).toBe(1);
    expect(classified.changes.filter((change) => change.id.startsWith('response-')).every((change) => change.level === 'info')).toBe(true);
    expect(shouldFail(classified, 'breaking')).toBe(breaking.length > 1);
  });
});

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json'], 'engine output on real slurmrestd specs (24.11 v0.0.40 → v0.0.41)', ([oldPath, newPath]) => {
  it('validates and renders in every format', () => {
    const report = diffFiles(oldPath, newPath, 'v0.0.40', 'v0.0.41');
    checkEveryFormat(report);
  });
});
