/**
 * Release notes over a range of versions: every consecutive pair diffed through the diff pipeline, each step's
 * failure kept in that step so the others still render.
 */
// @ts-nocheck

import { SpecdriftError, usageError } from '../errors.js';
import type { DiffReport } from '../diff/model.js';
import type { LoadedSpec } from '../openapi/types.js';
import { matchVersionShorthand, type LoadedConfig } from '../source/config.js';
import { runDiffPipeline, type DiffPipelineOptions } from './diff.js';

/** One step of a range: OLD → NEW, and its report or why there is none. */
export interface RangeStep {
  old: string;
  new: string;
  report?: DiffReport;
  /** One line: what failed (a source that could not be loaded, a spec the diff refused). */
  error?: string;
  /** The exit code the error would have had on its own (docs/exit-codes.md). */
  exitCode?: number;
  notes: string[];
}

/**
 * `--range A..B` through the version profile (`versions.tag`, e.g. `v0.0.{n}`): A, every version between, B,
 * written as the profile's tags (`v0.0.38`, …, `v0.0.42`), which load through the profile like any shorthand.
 */
export function expandRange(range: string, config: LoadedConfig | undefined): string[] {
  const parts = range.split('..');
  const profile = config?.config.versions;
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') throw usageError(`bad --range "${range}"`, 'write FROM..TO, e.g. --range v0.0.38..v0.0.42');
  if (!profile) throw usageError(`--range "${range}" needs a version profile`, 'set versions.tag and versions.source in specdrift.config.json (docs/config.md), or list the specs');
  const [from, to] = parts.map((part) => matchVersionShorthand(part.trim(), profile));
  if (from === undefined || to === undefined) {
    throw usageError(`--range "${range}": ${from === undefined ? parts[0] : parts[1]} is no version of the profile (${profile.tag})`, `write versions as ${profile.tag.replace('{n}', '40')} or v40`);
  }
  const [a, b] = [Number(from), Number(to)];
  if (b <= a) throw usageError(`--range "${range}" goes backwards or nowhere`, 'write the older version first: --range v0.0.38..v0.0.42');
  if (b - a > 100) throw usageError(`--range "${range}" spans ${b - a + 1} versions`, 'at most 101 versions in one document');
  return Array.from({ length: b - a + 1 }, (_, i) => profile.tag.replaceAll('{n}', String(a + i)));
}

const messageOf = (err: unknown): string => {
  if (err instanceof SpecdriftError) return err.line();
  return err instanceof Error ? err.message : String(err);
};

/**
 * Diffs each consecutive pair of `sources` (oldest first). Every source is loaded once, all loads at once;
 * the steps then run one after another on this thread (the diff is CPU-bound and JavaScript has one, so
 * running them "in parallel" in one process would only interleave them). A step whose source failed to load
 * or whose diff failed carries the error; the others carry their report.
 */
export async function runChangelogRange(
  sources: readonly string[],
  load: (source: string) => Promise<LoadedSpec>,
  options: DiffPipelineOptions,
): Promise<RangeStep[]> {
  if (sources.length < 2) throw usageError('a changelog needs at least two specs', 'give OLD NEW, several versions oldest first, or --range FROM..TO');
  const loaded = await Promise.allSettled(sources.map((source) => load(source)));
  const steps: RangeStep[] = [];
  for (let i = 0; i + 1 < sources.length; i++) {
    const step: RangeStep = { old: sources[i], new: sources[i + 1], notes: [] };
    const [a, b] = [loaded[i], loaded[i + 1]];
    if (a.status === 'rejected' || b.status === 'rejected') {
      const reason: unknown = a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason;
      if (!(reason instanceof SpecdriftError)) throw reason;
      step.error = messageOf(reason);
      step.exitCode = reason.exitCode;
    } else {
      try {
        const result = await runDiffPipeline(a.value, b.value, options);
        step.report = result.report;
        step.notes = result.notes;
      } catch (err) {
        if (!(err instanceof SpecdriftError)) throw err;
        step.error = messageOf(err);
        step.exitCode = err.exitCode;
      }
    }
    steps.push(step);
  }
  return steps;
}
