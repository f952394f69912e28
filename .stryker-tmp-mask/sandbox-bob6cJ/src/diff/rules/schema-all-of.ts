/** `allOf` branches that could not be merged into the parent: a new branch adds constraints, a removed one drops them. Branches are matched by structure, not by `$ref` text (see engine/branches.ts). */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';

export const allOfBranchAdded = schemaRule({
  what: 'all-of-branch-added', kind: 'added', request: 'breaking', response: 'info', family: 'all-of-branch', polarity: '+',
  doc: 'a allOf branch was added to a {in}',
});
export const allOfBranchRemoved = schemaRule({
  what: 'all-of-branch-removed', kind: 'removed', request: 'info', response: 'warning', family: 'all-of-branch', polarity: '-',
  doc: 'a allOf branch was removed from a {in}',
});

export const allOfCheck: SchemaCheck = {
  name: 'allOf',
  rules: [allOfBranchAdded, allOfBranchRemoved],
  check({ unmatchedBranches, emit }) {
    const { added, removed } = unmatchedBranches('allOf');
    const label = (node: { $ref?: unknown; title?: unknown; type?: unknown }) =>
      typeof node.$ref === 'string' ? node.$ref.replace(/^.*\//, '') : typeof node.title === 'string' ? node.title : typeof node.type === 'string' ? node.type : 'inline schema';
    for (const at of added) {
      emit(allOfBranchAdded, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `allOf branch ${label(at.node)} added`, old: {}, new: { pointer: at.ptr, value: at.node } });
    }
    for (const at of removed) {
      emit(allOfBranchRemoved, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `allOf branch ${label(at.node)} removed`, old: { pointer: at.ptr, value: at.node }, new: {} });
    }
  },
};
