// @ts-nocheck
export { classify, shouldFail, failsOn, summarize, unusedAcceptEntries, acceptedEntryLabel, FAIL_ON_VALUES, type FailOn } from './classify.js';
export { loadPolicy, EMPTY_POLICY, type Policy, type PolicyOptions } from './policy.js';
export { parseAcceptList, parseAcceptLine, compileAcceptEntry, ACCEPT_ENTRY_KEYS, type AcceptEntry } from './accept-list.js';
export { parseSeverityArg, parseSeveritySection, resolveSeverity, SEVERITY_LEVELS, type SeverityLevel, type SeverityOverride } from './severity.js';
export { compileFilters, NO_FILTERS, type ChangeFilters } from './filters.js';
export { compileGlob } from './glob.js';
export { resolvePolicy, compilePreset, POLICY_PRESETS, POLICY_NAMES, DEFAULT_POLICY, type PolicyPreset, type PresetEntry, type CompiledPreset } from './presets/index.js';
