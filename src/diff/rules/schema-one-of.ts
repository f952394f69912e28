/** `oneOf`: a new oneOf branch is a variant readers may not know; a removed one is a variant writers can no longer send. Branches are matched by structure, not by `$ref` text (see engine/branches.ts). */
import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';

export const oneOfBranchAdded = schemaRule({
  what: 'one-of-branch-added', kind: 'added', request: 'info', response: 'warning', family: 'one-of-branch', polarity: '+',
  doc: 'a oneOf branch was added to a {in}',
});
export const oneOfBranchRemoved = schemaRule({
  what: 'one-of-branch-removed', kind: 'removed', request: 'breaking', response: 'info', family: 'one-of-branch', polarity: '-',
  doc: 'a oneOf branch was removed from a {in}',
});

export const oneOfCheck: SchemaCheck = {
  name: 'oneOf',
  rules: [oneOfBranchAdded, oneOfBranchRemoved],
  check({ unmatchedBranches, emit }) {
    const { added, removed } = unmatchedBranches('oneOf');
    const label = (node: { $ref?: unknown; title?: unknown; type?: unknown }) =>
      typeof node.$ref === 'string' ? node.$ref.replace(/^.*\//, '') : typeof node.title === 'string' ? node.title : typeof node.type === 'string' ? node.type : 'inline schema';
    for (const at of added) {
      emit(oneOfBranchAdded, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `oneOf branch ${label(at.node)} added`, old: {}, new: { pointer: at.ptr, value: at.node } });
    }
    for (const at of removed) {
      emit(oneOfBranchRemoved, { detail: at.ptr.replace(/^.*\//, '') + ':' + label(at.node), message: `oneOf branch ${label(at.node)} removed`, old: { pointer: at.ptr, value: at.node }, new: {} });
    }
  },
};
