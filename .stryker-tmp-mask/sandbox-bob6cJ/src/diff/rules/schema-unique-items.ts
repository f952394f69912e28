/** `uniqueItems`: requiring unique items narrows what a client may send. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { flagCheck } from './keyword.js';

export const uniqueItemsSet = schemaRule({
  what: 'unique-items-set', kind: 'changed', request: 'breaking', response: 'info', family: 'unique-items', polarity: '+',
  doc: 'the items of a {in} must now be unique',
});
export const uniqueItemsRemoved = schemaRule({
  what: 'unique-items-removed', kind: 'changed', request: 'info', response: 'warning', family: 'unique-items', polarity: '-',
  doc: 'the items of a {in} no longer need to be unique',
});

export const uniqueItemsCheck = flagCheck('uniqueItems', uniqueItemsSet, uniqueItemsRemoved);
