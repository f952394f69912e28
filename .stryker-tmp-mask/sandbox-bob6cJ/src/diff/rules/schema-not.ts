/**
 * `not`: the schema refuses what its sub-schema matches. Adding one refuses values that were allowed (request
 * breaking, response info); dropping it allows them again (response warning). A `not` on both sides is compared
 * by the engine in the OPPOSITE direction (subschemas.ts): widening what `not` matches narrows what the schema
 * accepts, so a change inside the `not` of a request body carries the response rule id and level, and vice versa.
 */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const notSet = schemaRule({
  what: 'not-set', kind: 'changed', request: 'breaking', response: 'info', family: 'not', polarity: '-',
  doc: 'a {in} now refuses the values a `not` schema matches',
});
export const notRemoved = schemaRule({
  what: 'not-removed', kind: 'changed', request: 'info', response: 'warning', family: 'not', polarity: '+',
  doc: 'the `not` schema of a {in} was removed',
});

export const notCheck = keywordCheck('not', { set: notSet, removed: notRemoved });
