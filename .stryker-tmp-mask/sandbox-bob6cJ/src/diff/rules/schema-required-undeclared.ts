/**
 * `required` naming a property the schema does not declare (slurmrestd 24.11 lists `nodes/count` in
 * `job_res.required`, a path rather than a property name). That is a defect of the spec, not a property that
 * became required: one id in every direction, a warning, so that it is seen and fixed but does not pass for
 * an API break. Schemas that declare other properties by pattern or by `additionalProperties` schema are
 * maps whose keys may well be required by name; those keep the ordinary required rules.
 */
// @ts-nocheck

import type { SchemaCheckInput, SchemaView } from '../engine/types.js';
import { oneIdInEveryContext, schemaRule } from './define.js';

/** One id in every direction (one name for users to filter or accept). */
export const schemaRequiredUndeclared = oneIdInEveryContext(
  schemaRule({
    what: 'required-undeclared', kind: 'changed', request: 'warning', response: 'warning', family: 'required-undeclared', polarity: '+',
    doc: '`required` gained a name that is no declared property of the schema (a spec defect, not a property that became required)',
  }),
  'schema-required-undeclared',
);

/** Can `name` be an undeclared property of this schema only by mistake (no map of other keys)? */
const declaresNoOtherKeys = (v: SchemaView): boolean => typeof v.additionalProperties !== 'object' && v.kw('patternProperties') === undefined;

/**
 * Reports `name` when the new side newly requires it and declares no such property; returns true when the
 * name is such a defect on either side (the ordinary required rules then skip it). A defective name that is
 * dropped from `required` fixes the spec and changes no declared property: nothing is reported.
 */
export function reportUndeclaredRequired({ old, new: neu, emit }: SchemaCheckInput, name: string): boolean {
  if (old.required.has(name) && !neu.required.has(name)) return !old.properties.has(name) && !neu.properties.has(name) && declaresNoOtherKeys(old);
  if (!neu.required.has(name) || old.required.has(name) || neu.properties.has(name) || !declaresNoOtherKeys(neu)) return false;
  emit(schemaRequiredUndeclared, {
    detail: name,
    message: `required names '${name}', which is no declared property (spec defect)`,
    old: { pointer: old.kwPtr('required') },
    new: { pointer: neu.kwPtr('required'), value: name },
  });
  return true;
}
