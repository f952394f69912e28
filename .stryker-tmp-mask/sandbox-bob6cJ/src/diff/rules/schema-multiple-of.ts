/** `multipleOf`: a new or changed step narrows the numbers a client may send. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const multipleOfSet = schemaRule({
  what: 'multiple-of-set', kind: 'changed', request: 'breaking', response: 'info', family: 'multiple-of', polarity: '+',
  doc: 'a multipleOf constraint was added to a {in}',
});
export const multipleOfRemoved = schemaRule({
  what: 'multiple-of-removed', kind: 'changed', request: 'info', response: 'warning', family: 'multiple-of', polarity: '-',
  doc: 'the multipleOf constraint of a {in} was removed',
});
export const multipleOfChanged = schemaRule({
  what: 'multiple-of-changed', kind: 'changed', request: 'breaking', response: 'warning', family: 'multiple-of', polarity: '~',
  doc: 'the multipleOf constraint of a {in} changed',
});

export const multipleOfCheck = keywordCheck('multipleOf', { set: multipleOfSet, removed: multipleOfRemoved, changed: multipleOfChanged });
