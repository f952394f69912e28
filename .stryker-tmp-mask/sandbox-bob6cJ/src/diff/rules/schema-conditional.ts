/**
 * `if` / `then` / `else` (JSON Schema 2020-12).
 *
 * - Whether a changed `if` condition narrows or widens depends on what then/else say and on the data: specdrift
 *   cannot judge it, so any change of `if` (set, removed, or written differently) is a warning both ways. An
 *   `if` written identically is still compared by the engine, without a direction (`schema-…` rules), so that a
 *   change in a schema it references is reported.
 * - `then` / `else` add constraints for the data the condition selects: a new branch narrows (request breaking,
 *   response info), a dropped one widens (response warning). A branch on both sides is compared like any schema,
 *   in the same direction (the engine recurses into it).
 */
// @ts-nocheck

import { jsonEqual } from '../engine/identical.js';
import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';
import { show } from './format.js';

export const ifChanged = schemaRule({
  what: 'if-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'if', polarity: '~',
  doc: 'the `if` condition of a {in} was set, removed or changed (whether that narrows or widens cannot be judged)',
});
export const conditionalBranchAdded = schemaRule({
  what: 'conditional-branch-added', kind: 'changed', request: 'breaking', response: 'info', family: 'conditional-branch', polarity: '+',
  doc: 'a `then` or `else` schema was added to a {in}',
});
export const conditionalBranchRemoved = schemaRule({
  what: 'conditional-branch-removed', kind: 'changed', request: 'info', response: 'warning', family: 'conditional-branch', polarity: '-',
  doc: 'the `then` or `else` schema of a {in} was removed',
});

export const conditionalCheck: SchemaCheck = {
  name: 'if',
  keywords: ['if', 'then', 'else'],
  rules: [ifChanged, conditionalBranchAdded, conditionalBranchRemoved],
  check({ old, new: neu, emit }) {
    const o = old.kw('if');
    const n = neu.kw('if');
    // Written the same: a component it references is compared (and reported) where it is defined.
    if (!jsonEqual(o, n)) {
      emit(ifChanged, {
        detail: '',
        message: o === undefined ? `if set to ${show(n)}` : n === undefined ? 'if removed' : 'if condition changed',
        old: { pointer: old.kwPtr('if'), value: o },
        new: { pointer: neu.kwPtr('if'), value: n },
      });
    }
    for (const key of ['then', 'else'] as const) {
      const a = old.kw(key) !== undefined;
      const b = neu.kw(key) !== undefined;
      if (a === b) continue;
      emit(b ? conditionalBranchAdded : conditionalBranchRemoved, {
        detail: key,
        message: `${key} ${b ? 'added' : 'removed'}`,
        old: { pointer: old.kwPtr(key) },
        new: { pointer: neu.kwPtr(key) },
      });
    }
  },
};
