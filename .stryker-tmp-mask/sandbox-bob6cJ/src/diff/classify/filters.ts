// @ts-nocheck
import type { Change } from '../model.js';
import { compileGlob, type Matcher } from './glob.js';

/**
 * Which changes a report keeps. Rule globs match rule ids. Path globs match the paths of the
 * operations a change affects; a path glob starting with `#` matches the change's location
 * instead (e.g. `#/components/schemas/*_meta`).
 */
export interface ChangeFilters {
  includeRules: string[];
  excludeRules: string[];
  includePaths: string[];
  excludePaths: string[];
}

export const NO_FILTERS: ChangeFilters = { includeRules: [], excludeRules: [], includePaths: [], excludePaths: [] };

const anyOf = (matchers: Matcher[]) => (value: string) => matchers.some((matches) => matches(value));

/**
 * Returns a function that drops a change (undefined) or narrows its operation list to the
 * operations the path filters keep. A change whose operations are all filtered out is dropped;
 * a change that affects no operation is judged by its location.
 */
export function compileFilters(filters: ChangeFilters): (change: Change) => Change | undefined {
  const split = (globs: string[]) => ({
    location: anyOf(globs.filter((glob) => glob.startsWith('#')).map(compileGlob)),
    path: anyOf(globs.filter((glob) => !glob.startsWith('#')).map(compileGlob)),
    hasPathGlobs: globs.some((glob) => !glob.startsWith('#')),
  });
  const includeRule = anyOf(filters.includeRules.map(compileGlob));
  const excludeRule = anyOf(filters.excludeRules.map(compileGlob));
  const include = split(filters.includePaths);
  const exclude = split(filters.excludePaths);
  const hasIncludePaths = filters.includePaths.length > 0;

  return (change) => {
    if (filters.includeRules.length > 0 && !includeRule(change.id)) return undefined;
    if (excludeRule(change.id) || exclude.location(change.location)) return undefined;
    if (change.operations.length === 0) {
      if (hasIncludePaths && !include.location(change.location) && !include.path(change.location)) return undefined;
      return exclude.path(change.location) ? undefined : change;
    }
    const keepAll = !hasIncludePaths || include.location(change.location);
    const operations = change.operations.filter(
      (operation) => (keepAll || (include.hasPathGlobs && include.path(operation.path))) && !exclude.path(operation.path),
    );
    if (operations.length === 0) return undefined;
    return operations.length === change.operations.length ? change : { ...change, operations };
  };
}
