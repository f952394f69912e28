/**
 * The safety net: a schema keyword that no check models (not in MODELLED_KEYWORDS, rules/index-schema.ts) and
 * that is not a pure annotation (description, title, $comment, externalDocs, x-…) is reported when its value
 * changed, so that "no changes" always means no changes. Warning in every direction, because specdrift cannot
 * tell whether it narrows or widens anything.
 *
 * One fixed id, `schema-keyword-changed`, in every context (not `request-…` / `response-…`): it means "specdrift
 * does not model this keyword", and a user searching for unmodelled changes looks for one id. The keyword is
 * named in the message and is the finding's detail (so two keywords of one schema are two findings).
 */
// @ts-nocheck

import { isAnnotation, jsonEqual } from '../engine/identical.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { oneIdInEveryContext, schemaRule } from './define.js';
import { show } from './format.js';

export const KEYWORD_CHANGED_ID = 'schema-keyword-changed';

export const keywordChanged = oneIdInEveryContext(
  schemaRule({
    what: 'keyword-changed', kind: 'changed', request: 'warning', response: 'warning', family: 'keyword', polarity: '~',
    doc: 'a schema keyword that specdrift does not model changed (the keyword is named in the message)',
  }),
  KEYWORD_CHANGED_ID,
);

/** Every keyword written in either schema or in the allOf branches merged into their views. */
export const schemaKeys = (old: SchemaView, neu: SchemaView): Set<string> => keysOf(neu, keysOf(old, new Set()));

function keysOf(v: SchemaView, into: Set<string>): Set<string> {
  for (const key of Object.keys(v.at.node)) into.add(key);
  for (const b of v.merged ?? []) keysOf(b.view, into);
  return into;
}

/** The fallback check for every keyword outside `modelled`. */
export function unmodelledKeywordCheck(modelled: ReadonlySet<string>): SchemaCheck {
  return {
    name: 'unmodelled',
    keywords: [],
    rules: [keywordChanged],
    check({ old, new: neu, emit, keys = schemaKeys(old, neu) }) {
      for (const key of [...keys].sort()) {
        if (modelled.has(key) || isAnnotation(key)) continue;
        const o = old.kw(key);
        const n = neu.kw(key);
        if (jsonEqual(o, n)) continue;
        emit(keywordChanged, {
          detail: key,
          message: `${key} changed from ${show(o)} to ${show(n)} (a keyword specdrift does not model)`,
          old: { pointer: old.kwPtr(key), value: o },
          new: { pointer: neu.kwPtr(key), value: n },
        });
      }
    },
  };
}
