/** `type`: a different type breaks both directions; a wider set of types only breaks readers, a narrower one only writers. */
// @ts-nocheck

import { schemaRule } from './define.js';
import type { SchemaCheck, SchemaView } from '../engine/types.js';
import { scalarsAsText } from '../engine/wire.js';

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

// issue 8 item 7 (semantic levels): types as text on the wire.
/**
 * What a scalar schema accepts as text, for parameters, headers and text on a body's wire (form fields, multipart
 * text parts, XML; engine/wire.ts): every value there is text, RFC 6570-style. Only plain schemas are classified, so that the class says everything about them.
 * `int`/`uint`: an integer (format absent or int64) without / with `minimum: 0`, or a string whose pattern is
 * exactly digits (`^-?[0-9]+$` / `^[0-9]+$`, `\d` too); `bool`: boolean, or a string enum of exactly
 * `true`/`false`; `number`: a plain number; `text`: a string with no constraint at all.
 */
type TextClass = 'uint' | 'int' | 'bool' | 'number' | 'text';
const SIGNED_DIGITS = new Set(['^-?[0-9]+$', '^-?\\d+$', '^[-]?[0-9]+$', '^[-]?\\d+$']);
const UNSIGNED_DIGITS = new Set(['^[0-9]+$', '^\\d+$']);
/** Keywords that may sit beside the ones a class is made of (wording, flags, a default). */
const NEUTRAL = new Set(['type', 'description', 'title', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'externalDocs', 'xml', '$comment']);

function textClass(v: SchemaView): TextClass | undefined {
  if (v.types?.size !== 1 || v.merged !== undefined || v.allOf || v.oneOf || v.anyOf) return undefined;
  const type = [...v.types][0];
  const own = v.at.node;
  // A Swagger 2.0 parameter or header is its own schema: its name, place and `required: true` say nothing of the value.
  const swagger2 = (k: string) => k === 'name' || k === 'in' || (k === 'required' && typeof own.required === 'boolean');
  const extra = Object.keys(own).filter((k) => !NEUTRAL.has(k) && !k.startsWith('x-') && !swagger2(k));
  const only = (...keys: string[]) => extra.every((k) => keys.includes(k));
  switch (type) {
    case 'integer': {
      const format = own.format;
      if (!only('format', 'minimum') || (format !== undefined && format !== 'int64')) return undefined;
      if (own.minimum === undefined) return 'int';
      return own.minimum === 0 ? 'uint' : undefined;
    }
    case 'number':
      return only('format') ? 'number' : undefined;
    case 'boolean':
      return only() ? 'bool' : undefined;
    case 'string': {
      if (extra.length === 0) return 'text';
      if (only('pattern') && typeof own.pattern === 'string') return SIGNED_DIGITS.has(own.pattern) ? 'int' : UNSIGNED_DIGITS.has(own.pattern) ? 'uint' : undefined;
      const e = own.enum;
      if (only('enum') && Array.isArray(e) && e.length === 2 && e.includes('true') && e.includes('false')) return 'bool';
      return undefined;
    }
  }
  return undefined;
}

/** Text accepted by each class: uint ⊂ int ⊂ number ⊂ text, bool ⊂ text. */
const WIDER: Record<TextClass, readonly TextClass[]> = { uint: ['int', 'number', 'text'], int: ['number', 'text'], number: ['text'], bool: ['text'], text: [] };

/**
 * Parameters, headers and text on the wire of a body (form fields, multipart text parts, XML: `asText`, see
 * engine/wire.ts): a type change between plain scalars judged by the text each accepts (integer ↔ digits-only
 * string: same; integer → unconstrained string: widened). Undefined when this does not apply (values not
 * written as text, same types, or a schema that is more than a plain scalar): compare types as JSON then.
 */
export function compareAsText(asText: boolean, o: SchemaView, n: SchemaView): 'same' | 'widened' | 'narrowed' | undefined {
  if (!asText) return undefined;
  if (compareTypes(o.types, n.types) === 'same') return undefined;
  const a = textClass(o);
  const b = textClass(n);
  if (a === undefined || b === undefined) return undefined;
  if (a === b) return 'same';
  if (WIDER[a].includes(b)) return 'widened';
  if (WIDER[b].includes(a)) return 'narrowed';
  return undefined;
}
// end issue 8 item 7

export const typeCheck: SchemaCheck = {
  name: 'type',
  rules: [typeChanged, typeWidened, typeNarrowed],
  check({ ctx, wire, old, new: neu, emit }) {
    const text = compareAsText(scalarsAsText(ctx, wire), old, neu);
    const how = text ?? compareTypes(old.types, neu.types);
    if (how === 'same') return;
    const rule = how === 'widened' ? typeWidened : how === 'narrowed' ? typeNarrowed : typeChanged;
    const from = label(old.types);
    const to = label(neu.types);
    const asText = text !== undefined ? ' (as text on the wire)' : '';
    emit(rule, {
      detail: '',
      message: `type ${how === 'changed' ? 'changed' : how} from ${from} to ${to}${asText}`,
      old: { pointer: old.kwPtr('type'), value: from },
      new: { pointer: neu.kwPtr('type'), value: to },
    });
  },
};
