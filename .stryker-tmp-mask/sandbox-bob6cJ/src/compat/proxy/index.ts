// @ts-nocheck
export { PROXY_DEFAULTS, startValidatingProxy, verdictOf } from './proxy.js';
export { describeProxyRecord, generalizePointer, summarizeProxyRecords } from './summary.js';
export { bodySchemaPointer, findUndocumentedProperties } from './undocumented.js';
export type { UndocumentedProperty } from './undocumented.js';
export { PROXY_FAILURE_STATUS, PROXY_VERDICTS, UNDOCUMENTED_PROPERTY_RULES } from './types.js';
export type { ProxyFailureCause, ProxyRecord, ProxyVerdict, ProxyViolation, UndocumentedPropertyRule, ValidatingProxy, ValidatingProxyOptions } from './types.js';
