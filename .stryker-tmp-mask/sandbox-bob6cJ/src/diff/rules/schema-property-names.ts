/**
 * `propertyNames` (JSON Schema 2020-12): a schema every property name (a string) must match. A new one refuses
 * names that were allowed (request breaking, response info); a dropped one lets readers see names they did not
 * expect (warning). On both sides it is compared like any string schema in the same direction (the engine
 * recurses into it): a tighter pattern or maxLength on names breaks request writers, a looser one warns readers.
 */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const propertyNamesSet = schemaRule({
  what: 'property-names-set', kind: 'changed', request: 'breaking', response: 'info', family: 'property-names', polarity: '-',
  doc: 'the property names of a {in} are now constrained (propertyNames added)',
});
export const propertyNamesRemoved = schemaRule({
  what: 'property-names-removed', kind: 'changed', request: 'info', response: 'warning', family: 'property-names', polarity: '+',
  doc: 'the property names of a {in} are no longer constrained (propertyNames removed)',
});

export const propertyNamesCheck = keywordCheck('propertyNames', { set: propertyNamesSet, removed: propertyNamesRemoved });
