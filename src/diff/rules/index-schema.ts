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
// JSON Schema 2020-12 / OpenAPI 3.1 keywords (issue 8 item 1).
import { containsCheck, maxContainsCheck, minContainsCheck } from './schema-contains.js';
import { contentEncodingCheck, contentMediaTypeCheck, contentSchemaCheck } from './schema-content.js';
import { conditionalCheck } from './schema-conditional.js';
import { defsCheck } from './schema-defs.js';
import { dependentRequiredCheck, dependentSchemasCheck } from './schema-dependent.js';
import { examplesCheck } from './schema-examples.js';
import { unmodelledKeywordCheck } from './schema-keyword-changed.js';
import { notCheck } from './schema-not.js';
import { patternPropertiesCheck } from './schema-pattern-properties.js';
import { itemsClosedCheck, prefixItemsCheck } from './schema-prefix-items.js';
import { propertyNamesCheck } from './schema-property-names.js';
import { unevaluatedItemsCheck, unevaluatedPropertiesCheck } from './schema-unevaluated.js';
// issue 8 item 7: the `xml` keyword, compared where XML is on the wire.
import { xmlCheck } from './schema-xml.js';

const JSON_SCHEMA_2020_CHECKS: readonly SchemaCheck[] = [
  containsCheck,
  minContainsCheck,
  maxContainsCheck,
  itemsClosedCheck,
  prefixItemsCheck,
  dependentRequiredCheck,
  dependentSchemasCheck,
  conditionalCheck,
  patternPropertiesCheck,
  propertyNamesCheck,
  unevaluatedPropertiesCheck,
  unevaluatedItemsCheck,
  contentEncodingCheck,
  contentMediaTypeCheck,
  contentSchemaCheck,
  notCheck,
  defsCheck,
  examplesCheck,
];

/** Run first; when the types are incompatible nothing else is compared (it would only repeat the type change). */
export const TYPE_CHECKS: readonly SchemaCheck[] = [typeCheck, nullableCheck];


/** The checks of modelled keywords (see MODELLED_KEYWORDS). */
const MODELLED_CHECKS: readonly SchemaCheck[] = [
  formatCheck,
  enumCheck,
  propertiesCheck,
  requiredCheck,
  readOnlyCheck,
  writeOnlyCheck,
  deprecatedCheck,
  maximumCheck,
  minimumCheck,
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
  // JSON Schema 2020-12 / OpenAPI 3.1 keywords (issue 8 item 1).
  ...JSON_SCHEMA_2020_CHECKS,
  xmlCheck,
];

/**
 * Checks that can only report something when one of their keywords is written on either side: the engine skips
 * them otherwise (most schemas of a big spec use none of the 2020-12 keywords, and a few of the others). Each
 * reads nothing but its keywords (`kw`, or the view's branches and additionalProperties, which come from the
 * keywords of the same name), and returns at once when none is set.
 * Every modelled check but the three that read more than their own keywords; test/diff/engine/only-when-written.test.ts
 * fails for a check in this set that reports without its keywords.
 */
const ALWAYS_RUN: ReadonlySet<SchemaCheck> = new Set([propertiesCheck, requiredCheck, visibilityCheck]);
export const ONLY_WHEN_WRITTEN: ReadonlySet<SchemaCheck> = new Set(MODELLED_CHECKS.filter((check) => !ALWAYS_RUN.has(check)));

/**
 * Keywords the engine itself handles: `$ref` is resolved (a changed target is compared, a dangling ref by its
 * text); `properties`, `items`, `additionalProperties`, `allOf`, `oneOf` and `anyOf` are recursed into by
 * compare.ts and also have checks above.
 */
const ENGINE_KEYWORDS = ['$ref'];

/**
 * The single list of modelled schema keywords: those of every check (SchemaCheck.keywords, default its name)
 * and the engine's. Any other keyword (not a pure annotation) that changes is `schema-keyword-changed`, so adding
 * a check for a keyword removes it from that fallback. test/diff/engine/keywords.test.ts proves each one has a check.
 */
export const MODELLED_KEYWORDS: ReadonlySet<string> = new Set([
  ...ENGINE_KEYWORDS,
  ...[...TYPE_CHECKS, ...MODELLED_CHECKS].flatMap((c) => c.keywords ?? [c.name]),
]);

/** The fallback for every keyword outside MODELLED_KEYWORDS; runs after the other checks. */
export const unmodelledCheck: SchemaCheck = unmodelledKeywordCheck(MODELLED_KEYWORDS);

export const SCHEMA_CHECKS: readonly SchemaCheck[] = [...MODELLED_CHECKS, unmodelledCheck];
