/** `deprecated` on a schema or property: announces a later removal. */
// @ts-nocheck

import { schemaRule } from './define.js';
import { flagCheck } from './keyword.js';

export const schemaDeprecatedSet = schemaRule({
  what: 'deprecated-set', kind: 'deprecated', request: 'info', response: 'info', family: 'deprecated', polarity: '+',
  doc: 'a {in} was marked deprecated',
});
export const schemaDeprecatedRemoved = schemaRule({
  what: 'deprecated-removed', kind: 'changed', request: 'info', response: 'info', family: 'deprecated', polarity: '-',
  doc: 'a {in} is no longer deprecated',
});

export const deprecatedCheck = flagCheck('deprecated', schemaDeprecatedSet, schemaDeprecatedRemoved);
