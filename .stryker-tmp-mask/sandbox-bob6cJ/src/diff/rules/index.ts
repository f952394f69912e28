/**
 * Every rule, for `specdrift rules`, docs/rules.md and the classifier. Schema rules expand into one RuleDef
 * per schema context (request / response / request-parameter / response-header / schema).
 */
// @ts-nocheck

import type { RuleDef } from '../model.js';
import type { SchemaRule } from './define.js';
import * as securitySchemeFlows from './api-security-scheme-flows.js';
import * as securityScheme from './api-security-scheme.js';
import * as servers from './api-servers.js';
import * as componentSchema from './component-schema.js';
import * as endpointAdded from './endpoint-added.js';
import * as endpointDeprecation from './endpoint-deprecation.js';
import * as operationId from './endpoint-operation-id.js';
import * as endpointRemoved from './endpoint-removed.js';
import * as endpointTags from './endpoint-tags.js';
import { SCHEMA_CHECKS, TYPE_CHECKS } from './index-schema.js';
import * as requestBodyEncoding from './request-body-encoding.js';
import * as requestBodyMediaType from './request-body-media-type.js';
import * as requestBody from './request-body.js';
import * as parameterAdded from './request-parameter-added.js';
import * as allowEmptyValue from './request-parameter-allow-empty-value.js';
import * as parameterDeprecation from './request-parameter-deprecation.js';
import * as parameterExplode from './request-parameter-explode.js';
import * as parameterRemoved from './request-parameter-removed.js';
import * as parameterRequired from './request-parameter-required.js';
import * as parameterStyle from './request-parameter-style.js';
import * as pathParameterRenamed from './request-path-parameter-renamed.js';
import * as responseHeader from './response-header.js';
import * as responseMediaType from './response-media-type.js';
import * as responseStatus from './response-status.js';
import { API_SECURITY, ENDPOINT_SECURITY } from './security-requirements.js';
// issue 8 item 2 (webhooks): the webhook variants of the operation rules.
import { WEBHOOK_RULES } from './webhook.js';

export { SCHEMA_CHECKS, TYPE_CHECKS } from './index-schema.js';
export type { SchemaCtx, SchemaRule, SchemaRuleDef } from './define.js';

const isRuleDef = (v: unknown): v is RuleDef =>
  typeof v === 'object' && v !== null && typeof (v as RuleDef).id === 'string' && typeof (v as RuleDef).doc === 'string';

/** The RuleDefs a rule module exports (its other exports are check functions and helpers). */
const defsOf = (mod: Record<string, unknown>): RuleDef[] => Object.values(mod).filter(isRuleDef);

/** Every schema rule, each once. */
export const SCHEMA_RULES: readonly SchemaRule[] = [...TYPE_CHECKS, ...SCHEMA_CHECKS].flatMap((c) => c.rules);

const OPERATION_RULES: RuleDef[] = [
  endpointAdded,
  endpointRemoved,
  endpointDeprecation,
  operationId,
  endpointTags,
  pathParameterRenamed,
  parameterAdded,
  parameterRemoved,
  parameterRequired,
  parameterStyle,
  parameterExplode,
  parameterDeprecation,
  allowEmptyValue,
  requestBody,
  requestBodyMediaType,
  requestBodyEncoding,
  responseStatus,
  responseMediaType,
  responseHeader,
].flatMap((m) => defsOf(m as Record<string, unknown>));
// issue 8 item 2 (webhooks)
OPERATION_RULES.push(...WEBHOOK_RULES);

const API_RULES: RuleDef[] = [
  ...Object.values(ENDPOINT_SECURITY),
  ...Object.values(API_SECURITY),
  ...defsOf(securityScheme as Record<string, unknown>),
  ...defsOf(securitySchemeFlows as Record<string, unknown>),
  ...defsOf(servers as Record<string, unknown>),
  ...defsOf(componentSchema as Record<string, unknown>),
];

const plain = ({ id, level, kind, section, doc }: RuleDef): RuleDef => ({ id, level, kind, section, doc });
const byId = (a: RuleDef, b: RuleDef) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The schema rules expanded per context, as plain RuleDefs sorted by id. */
/** (`schema-keyword-changed` and `schema-required-undeclared` have one id in every context: listed once.) */
export const SCHEMA_RULE_DEFS: RuleDef[] = [
  ...new Map(SCHEMA_RULES.flatMap((r) => r.contexts.map((ctx) => plain(r.byCtx[ctx]))).map((d) => [d.id, d] as const)).values(),
].sort(byId);

/** Operation, security, server and component rules, sorted by id. */
export const OTHER_RULE_DEFS: RuleDef[] = [...OPERATION_RULES, ...API_RULES].map(plain).sort(byId);

/** Every rule (plain RuleDefs, without the engine-only fields of schema rules), sorted by id. */
export const ALL_RULES: RuleDef[] = [...OTHER_RULE_DEFS, ...SCHEMA_RULE_DEFS].sort(byId);

export const RULES_BY_ID: ReadonlyMap<string, RuleDef> = new Map(ALL_RULES.map((r) => [r.id, r]));
