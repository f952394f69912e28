/** Engine output on the real slurmrestd 24.11 specs (integration suite), rendered and checked in every format. */
// @ts-nocheck

import { it } from 'vitest';
import { describeWithRealSpec } from '../../helpers/real-specs.js';
import { checkEveryFormat, diffFiles } from './check-formats.js';

describeWithRealSpec(['24.11/v0.0.40.json', '24.11/v0.0.41.json'], 'engine output on real slurmrestd specs (24.11 v0.0.40 → v0.0.41)', ([oldPath, newPath]) => {
  it('validates and renders in every format', () => {
    const report = diffFiles(oldPath, newPath, 'v0.0.40', 'v0.0.41');
    checkEveryFormat(report);
  });
});
