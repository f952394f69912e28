/** `nullable` / `type: [..., "null"]`: a reader that never saw null breaks when it appears; a writer sending null breaks when it is refused. */
// @ts-nocheck

import type { SchemaCheck } from '../engine/types.js';
import { schemaRule } from './define.js';

export const nullableSet = schemaRule({
  what: 'nullable-set', kind: 'changed', request: 'info', response: 'breaking', family: 'nullable', polarity: '+',
  doc: 'a {in} became nullable',
});
export const nullableRemoved = schemaRule({
  what: 'nullable-removed', kind: 'changed', request: 'breaking', response: 'info', family: 'nullable', polarity: '-',
  doc: 'a {in} is no longer nullable',
});

export const nullableCheck: SchemaCheck = {
  name: 'nullable',
  rules: [nullableSet, nullableRemoved],
  check({ old, new: neu, emit }) {
    if (old.nullable === neu.nullable) return;
    const where = (v: typeof old) => ({ pointer: v.kw('nullable') !== undefined ? v.kwPtr('nullable') : v.kwPtr('type'), value: v.nullable });
    emit(neu.nullable ? nullableSet : nullableRemoved, {
      detail: '',
      message: neu.nullable ? 'became nullable' : 'no longer nullable',
      old: where(old),
      new: where(neu),
    });
  },
};
