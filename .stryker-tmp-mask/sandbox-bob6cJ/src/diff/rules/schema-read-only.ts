/** `readOnly`: a property that became read-only is ignored (or refused) when a client sends it. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { flagCheck } from './keyword.js';

export const readOnlySet = schemaRule({
  what: 'read-only-set', kind: 'changed', request: 'warning', response: 'info', family: 'read-only', polarity: '+',
  doc: 'a {in} became readOnly',
});
export const readOnlyRemoved = schemaRule({
  what: 'read-only-removed', kind: 'changed', request: 'info', response: 'info', family: 'read-only', polarity: '-',
  doc: 'a {in} is no longer readOnly',
});

export const readOnlyCheck = flagCheck('readOnly', readOnlySet, readOnlyRemoved);
