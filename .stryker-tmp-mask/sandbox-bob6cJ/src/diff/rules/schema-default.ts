/** `default`: clients that omit a value get a different behaviour when the default changes. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const defaultSet = schemaRule({
  what: 'default-set', kind: 'changed', request: 'info', response: 'info', family: 'default', polarity: '+',
  doc: 'a default value was added to a {in}',
});
export const defaultRemoved = schemaRule({
  what: 'default-removed', kind: 'changed', request: 'warning', response: 'info', family: 'default', polarity: '-',
  doc: 'the default value of a {in} was removed',
});
export const defaultChanged = schemaRule({
  what: 'default-changed', kind: 'changed', request: 'warning', response: 'info', family: 'default', polarity: '~',
  doc: 'the default value of a {in} changed',
});

export const defaultCheck = keywordCheck('default', { set: defaultSet, removed: defaultRemoved, changed: defaultChanged });
