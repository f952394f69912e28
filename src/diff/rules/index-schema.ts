/** The schema checks, in the order the engine runs them on every compared schema pair. */
import type { SchemaCheck } from '../engine/types.js';
import { additionalPropertiesCheck } from './schema-additional-properties.js';
import { allOfCheck } from './schema-all-of.js';
import { anyOfCheck } from './schema-any-of.js';
import { constCheck } from './schema-const.js';
import { defaultCheck } from './schema-default.js';
import { deprecatedCheck } from './schema-deprecated.js';
import { discriminatorCheck } from './schema-discriminator.js';
import { enumCheck } from './schema-enum.js';
import { exclusiveMaximumCheck } from './schema-exclusive-maximum.js';
import { exclusiveMinimumCheck } from './schema-exclusive-minimum.js';
import { formatCheck } from './schema-format.js';
import { maxItemsCheck } from './schema-max-items.js';
import { maxLengthCheck } from './schema-max-length.js';
import { maxPropertiesCheck } from './schema-max-properties.js';
import { maximumCheck } from './schema-maximum.js';
import { minItemsCheck } from './schema-min-items.js';
import { minLengthCheck } from './schema-min-length.js';
import { minPropertiesCheck } from './schema-min-properties.js';
import { minimumCheck } from './schema-minimum.js';
import { multipleOfCheck } from './schema-multiple-of.js';
import { nullableCheck } from './schema-nullable.js';
import { oneOfCheck } from './schema-one-of.js';
import { patternCheck } from './schema-pattern.js';
import { propertiesCheck } from './schema-properties.js';
import { readOnlyCheck } from './schema-read-only.js';
import { requiredCheck } from './schema-required.js';
import { typeCheck } from './schema-type.js';
import { uniqueItemsCheck } from './schema-unique-items.js';
import { visibilityCheck } from './schema-visibility.js';
import { writeOnlyCheck } from './schema-write-only.js';

/** Run first; when the types are incompatible nothing else is compared (it would only repeat the type change). */
export const TYPE_CHECKS: readonly SchemaCheck[] = [typeCheck, nullableCheck];

export const SCHEMA_CHECKS: readonly SchemaCheck[] = [
  formatCheck,
  enumCheck,
  propertiesCheck,
  requiredCheck,
  readOnlyCheck,
  writeOnlyCheck,
  deprecatedCheck,
  maximumCheck,
  minimumCheck,
  exclusiveMaximumCheck,
  exclusiveMinimumCheck,
  multipleOfCheck,
  maxLengthCheck,
  minLengthCheck,
  patternCheck,
  maxItemsCheck,
  minItemsCheck,
  uniqueItemsCheck,
  maxPropertiesCheck,
  minPropertiesCheck,
  additionalPropertiesCheck,
  defaultCheck,
  constCheck,
  oneOfCheck,
  anyOfCheck,
  allOfCheck,
  discriminatorCheck,
  // issue 8 item 3 (semantic levels): readOnly / writeOnly judged at the parent object
  visibilityCheck,
];
