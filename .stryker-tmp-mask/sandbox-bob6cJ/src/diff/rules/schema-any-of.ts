/** `anyOf`: like oneOf: a new branch is a shape readers may not know; a removed one is a shape writers can no longer send. Branches are matched by structure, not by `$ref` text (see engine/branches.ts). */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';

export const anyOfBranchAdded = schemaRule({
  what: 'any-of-branch-added', kind: 'added', request: 'info', response: 'warning', family: 'any-of-branch', polarity: '+',
  doc: 'a anyOf branch was added to a {in}',
});
export const anyOfBranchRemoved = schemaRule({
  what: 'any-of-branch-removed', kind: 'removed', request: 'breaking', response: 'info', family: 'any-of-branch', polarity: '-',
  doc: 'a anyOf branch was removed from a {in}',
});

export const anyOfCheck: SchemaCheck = {
  name: 'anyOf',
  rules: [anyOfBranchAdded, anyOfBranchRemoved],
  check({ unmatchedBranches, emit }) {
    const { added, removed } = unmatchedBranches('anyOf');
    const label = (node: { $ref?: unknown; title?: unknown; type?: unknown }) =>
      typeof node.$ref === 'string' ? node.$ref.replace(/^.*\//, '') : typeof node.title === 'string' ? node.title : typeof node.type === 'string' ? node.type : 'inline schema';
    for (const at of added) {
      emit(anyOfBranchAdded, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `anyOf branch ${label(at.node)} added`, old: {}, new: { pointer: at.ptr, value: at.node } });
    }
    for (const at of removed) {
      emit(anyOfBranchRemoved, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `anyOf branch ${label(at.node)} removed`, old: { pointer: at.ptr, value: at.node }, new: {} });
    }
  },
};
