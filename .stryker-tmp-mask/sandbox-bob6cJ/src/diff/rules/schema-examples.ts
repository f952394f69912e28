/**
 * `examples` (JSON Schema 2020-12, OpenAPI 3.1) and `example` (OpenAPI 3.0): sample values. They validate
 * nothing, but code generators, mock servers and docs use them, so a change is reported (info both ways).
 * Both keywords are read as one list, so moving `example: x` to `examples: [x]` is no change.
 */
// @ts-nocheck

import { jsonEqual } from '../engine/identical.js';
import type { Json } from '../../openapi/types.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { schemaRule } from './define.js';

export const examplesChanged = schemaRule({
  what: 'examples-changed', kind: 'changed', request: 'info', response: 'info', family: 'examples', polarity: '~',
  doc: 'the examples (or example) of a {in} changed',
});

const samples = (v: SchemaView): Json[] => {
  const out: Json[] = [];
  const many = v.kw('examples');
  if (Array.isArray(many)) out.push(...many);
  const one = v.kw('example');
  if (one !== undefined && !out.some((x) => jsonEqual(x, one))) out.push(one);
  return out;
};
const where = (v: SchemaView): string => v.kwPtr(v.kw('examples') !== undefined ? 'examples' : 'example');

export const examplesCheck: SchemaCheck = {
  name: 'examples',
  keywords: ['examples', 'example'],
  rules: [examplesChanged],
  check({ old, new: neu, emit }) {
    const o = samples(old);
    const n = samples(neu);
    if (jsonEqual(o, n)) return;
    emit(examplesChanged, {
      detail: '',
      message: `examples changed (${o.length} → ${n.length} values)`,
      old: { pointer: where(old), value: o },
      new: { pointer: where(neu), value: n },
    });
  },
};
