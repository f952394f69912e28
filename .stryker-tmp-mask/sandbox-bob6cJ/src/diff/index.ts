/** Public entry points of the diff stage (engine + rules); the classifier and formats live beside it. */
// @ts-nocheck

export { diffSpecs, diffSchemas, type DiffSpecsOptions, type DiffSchemasOptions } from './engine/index.js';
export { structuralDiff, STRUCTURAL_RULES, type JsonPatchOp, type StructuralDiff } from './engine/structural.js';
export { ALL_RULES, RULES_BY_ID, SCHEMA_RULE_DEFS, OTHER_RULE_DEFS } from './rules/index.js';
export { fingerprintOf } from './engine/report.js';
export type * from './model.js';
