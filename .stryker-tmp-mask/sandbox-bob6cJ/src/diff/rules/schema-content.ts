/**
 * `contentEncoding` / `contentMediaType` / `contentSchema` (JSON Schema 2020-12): what a string carries.
 *
 * - contentEncoding (base64, …) decides how the string's bytes are written: a different encoding breaks both
 *   sides; adding or removing one may mean the same bytes are now written differently, or only that the spec now
 *   says so (warning both ways).
 * - contentMediaType describes the decoded content: adding or dropping the description is info, naming another
 *   media type is a warning both ways (the content's format may have changed).
 * - contentSchema constrains the decoded document: added narrows (request breaking, response info), removed
 *   widens (response warning); on both sides it is compared like any schema in the same direction (the engine
 *   recurses into it).
 */
// @ts-nocheck

import { schemaRule } from './define.js';
import { keywordCheck } from './keyword.js';

export const contentEncodingSet = schemaRule({
  what: 'content-encoding-set', kind: 'changed', request: 'warning', response: 'warning', family: 'content-encoding', polarity: '+',
  doc: 'a contentEncoding (e.g. base64) was added to a {in}',
});
export const contentEncodingRemoved = schemaRule({
  what: 'content-encoding-removed', kind: 'changed', request: 'warning', response: 'warning', family: 'content-encoding', polarity: '-',
  doc: 'the contentEncoding of a {in} was removed',
});
export const contentEncodingChanged = schemaRule({
  what: 'content-encoding-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'content-encoding', polarity: '~',
  doc: 'the contentEncoding of a {in} changed (the same bytes are written differently)',
});
export const contentMediaTypeSet = schemaRule({
  what: 'content-media-type-set', kind: 'changed', request: 'info', response: 'info', family: 'content-media-type', polarity: '+',
  doc: 'a contentMediaType was added to a {in}',
});
export const contentMediaTypeRemoved = schemaRule({
  what: 'content-media-type-removed', kind: 'changed', request: 'info', response: 'info', family: 'content-media-type', polarity: '-',
  doc: 'the contentMediaType of a {in} was removed',
});
export const contentMediaTypeChanged = schemaRule({
  what: 'content-media-type-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'content-media-type', polarity: '~',
  doc: 'the contentMediaType of a {in} changed',
});
export const contentSchemaSet = schemaRule({
  what: 'content-schema-set', kind: 'changed', request: 'breaking', response: 'info', family: 'content-schema', polarity: '+',
  doc: 'a contentSchema now constrains the decoded content of a {in}',
});
export const contentSchemaRemoved = schemaRule({
  what: 'content-schema-removed', kind: 'changed', request: 'info', response: 'warning', family: 'content-schema', polarity: '-',
  doc: 'the contentSchema of a {in} was removed',
});

export const contentEncodingCheck = keywordCheck('contentEncoding', { set: contentEncodingSet, removed: contentEncodingRemoved, changed: contentEncodingChanged });
export const contentMediaTypeCheck = keywordCheck('contentMediaType', { set: contentMediaTypeSet, removed: contentMediaTypeRemoved, changed: contentMediaTypeChanged });
export const contentSchemaCheck = keywordCheck('contentSchema', { set: contentSchemaSet, removed: contentSchemaRemoved });
