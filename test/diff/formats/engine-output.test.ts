/**
 * Reports the diff engine really produces (Slurm-like fixtures here; the real slurmrestd specs in
 * engine-output.integration.test.ts), classified and rendered in every format, checked against
 * docs/report.schema.json, the SARIF 2.1.0 schema and an XML parser.
 */
import { describe, expect, it } from 'vitest';
import { classify, loadPolicy, shouldFail } from '../../../src/diff/classify/index.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { checkEveryFormat, diffFiles } from './check-formats.js';

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

