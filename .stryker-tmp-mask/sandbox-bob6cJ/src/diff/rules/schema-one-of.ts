/** `oneOf`: a new oneOf branch is a variant readers may not know; a removed one is a variant writers can no longer send. Branches are matched by structure, not by `$ref` text (see engine/branches.ts). */
// @ts-nocheck

import type { Located, SchemaCheck, SchemaCheckInput } from '../engine/types.js';
import { isObject } from '../../openapi/types.js';
import { schemaRule } from './define.js';
import { mayShareValues, type Side } from './overlap.js';

export const oneOfBranchAdded = schemaRule({
  what: 'one-of-branch-added', kind: 'added', request: 'info', response: 'warning', family: 'one-of-branch', polarity: '+',
  doc: 'a oneOf branch was added to a {in}',
});
export const oneOfBranchRemoved = schemaRule({
  what: 'one-of-branch-removed', kind: 'removed', request: 'breaking', response: 'info', family: 'one-of-branch', polarity: '-',
  doc: 'a oneOf branch was removed from a {in}',
});

/**
 * issue 8 item 6: a new branch that accepts values an existing one accepts too (e.g. `{type: string}` →
 * `oneOf: [{type: string}, {type: string, format: uuid}]`): such values, valid before, now match two branches,
 * and oneOf rejects a value that matches more than one. In a response the same values fail clients whose
 * generated oneOf decoders insist on exactly one match. Reported instead of one-of-branch-added.
 */
export const oneOfBranchAddedOverlapping = schemaRule({
  what: 'one-of-branch-added-overlapping', kind: 'added', request: 'breaking', response: 'breaking', family: 'one-of-branch', polarity: '+',
  doc: 'a oneOf branch was added to a {in} that accepts values another branch (or the former plain schema) accepts: oneOf rejects values matching two branches',
});

/** Does `b` (an added branch) accept values that were valid before and that another new branch accepts too? */
function overlapping(input: SchemaCheckInput, b: Located, pairs: readonly (readonly [Located, Located])[], added: readonly Located[]): boolean {
  const { oldView, newView } = input;
  const bs: Side = { v: newView(b), view: newView };
  const others = [...pairs.map(([, q]) => q), ...added.filter((x) => x !== b)];
  for (const [a] of pairs) {
    const as: Side = { v: oldView(a), view: oldView };
    if (!mayShareValues(as, bs, true)) continue;
    for (const q of others) {
      const qs: Side = { v: newView(q), view: newView };
      if (mayShareValues(as, qs, true) && mayShareValues(qs, bs, false)) return true;
    }
  }
  return false;
}

export const oneOfCheck: SchemaCheck = {
  name: 'oneOf',
  rules: [oneOfBranchAdded, oneOfBranchRemoved, oneOfBranchAddedOverlapping],
  check(input) {
    const { unmatchedBranches, emit } = input;
    const { added, removed, pairs } = unmatchedBranches('oneOf');
    // A discriminator picks the branch by name: values do not have to match only one.
    const decided = isObject(input.new.kw('discriminator'));
    const label = (node: { $ref?: unknown; title?: unknown; type?: unknown }) =>
      typeof node.$ref === 'string' ? node.$ref.replace(/^.*\//, '') : typeof node.title === 'string' ? node.title : typeof node.type === 'string' ? node.type : 'inline schema';
    for (const at of added) {
      const overlap = !decided && overlapping(input, at, pairs, added);
      const message = `oneOf branch ${label(at.node)} added${overlap ? ': values valid before now match more than one branch' : ''}`;
      emit(overlap ? oneOfBranchAddedOverlapping : oneOfBranchAdded, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message, old: {}, new: { pointer: at.ptr, value: at.node } });
    }
    for (const at of removed) {
      emit(oneOfBranchRemoved, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `oneOf branch ${label(at.node)} removed`, old: { pointer: at.ptr, value: at.node }, new: {} });
    }
  },
};
