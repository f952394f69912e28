/** `type`: a different type breaks both directions; a wider set of types only breaks readers, a narrower one only writers. */
import { schemaRule } from './define.js';
import type { SchemaCheck } from '../engine/types.js';

export const typeChanged = schemaRule({
  what: 'type-changed', kind: 'changed', request: 'breaking', response: 'breaking', family: 'type', polarity: '~',
  doc: 'the type of a {in} changed to an incompatible one (e.g. integer → string)',
});
export const typeWidened = schemaRule({
  what: 'type-widened', kind: 'changed', request: 'info', response: 'breaking', family: 'type', polarity: '+',
  doc: 'a {in} accepts more types than before (e.g. integer → number, or the type constraint was dropped)',
});
export const typeNarrowed = schemaRule({
  what: 'type-narrowed', kind: 'changed', request: 'breaking', response: 'info', family: 'type', polarity: '-',
  doc: 'a {in} accepts fewer types than before (e.g. number → integer, or a type constraint was added)',
});

/** Every JSON type, for comparing "no type" (any) with an explicit set. */
const ANY = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** integer values are numbers, so `number` covers `integer`. */
const covers = (outer: ReadonlySet<string> | undefined, inner: ReadonlySet<string> | undefined): boolean => {
  if (outer === undefined) return true;
  const innerTypes = inner ?? new Set(ANY);
  for (const t of innerTypes) if (t !== 'null' && !outer.has(t) && !(t === 'integer' && outer.has('number'))) return false;
  return true;
};

const label = (types: ReadonlySet<string> | undefined): string => (types ? (types.size > 0 ? [...types].sort().join('|') : 'null') : 'any');

/** Reports how `type` changed; returns true when the types are incompatible (the engine then stops descending). */
export function compareTypes(o: ReadonlySet<string> | undefined, n: ReadonlySet<string> | undefined): 'same' | 'widened' | 'narrowed' | 'changed' {
  const oldCoversNew = covers(o, n);
  const newCoversOld = covers(n, o);
  if (oldCoversNew && newCoversOld) return 'same';
  if (newCoversOld) return 'widened';
  if (oldCoversNew) return 'narrowed';
  return 'changed';
}

export const typeCheck: SchemaCheck = {
  name: 'type',
  rules: [typeChanged, typeWidened, typeNarrowed],
  check({ old, new: neu, emit }) {
    const how = compareTypes(old.types, neu.types);
    if (how === 'same') return;
    const rule = how === 'widened' ? typeWidened : how === 'narrowed' ? typeNarrowed : typeChanged;
    const from = label(old.types);
    const to = label(neu.types);
    emit(rule, {
      detail: '',
      message: `type ${how === 'changed' ? 'changed' : how} from ${from} to ${to}`,
      old: { pointer: old.kwPtr('type'), value: from },
      new: { pointer: neu.kwPtr('type'), value: to },
    });
  },
};
