/** `writeOnly`: a property that became write-only is no longer returned to clients that read it. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { flagCheck } from './keyword.js';

export const writeOnlySet = schemaRule({
  what: 'write-only-set', kind: 'changed', request: 'info', response: 'breaking', family: 'write-only', polarity: '+',
  doc: 'a {in} became writeOnly (no longer returned)',
});
export const writeOnlyRemoved = schemaRule({
  what: 'write-only-removed', kind: 'changed', request: 'info', response: 'info', family: 'write-only', polarity: '-',
  doc: 'a {in} is no longer writeOnly',
});

export const writeOnlyCheck = flagCheck('writeOnly', writeOnlySet, writeOnlyRemoved);
