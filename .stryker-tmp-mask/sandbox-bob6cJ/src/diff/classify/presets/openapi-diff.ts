/**
 * `--policy openapi-diff`: the verdicts of OpenAPITools/openapi-diff (Java), for teams that move a CI gate from
 * `openapi-diff --fail-on-incompatible`. openapi-diff has two levels that matter for a gate: a change is
 * "incompatible" (→ breaking) or "compatible" (→ info); it has no warning level.
 *
 * Read from its published switches, core/…/model/BackwardIncompatibleProp.java (each `incompatible.*`
 * property with whether it is on by default; the README points users there) at commit ad55b244, and from
 * the compatibility decisions in core/…/model/Changed*.java and model/schema/Changed*.java (what each
 * change returns when its switch is on). `peer` names the switch or class a level comes from. Switches off by
 * default — incompatible.response.numeric.range.increased, incompatible.request.min.length.increased,
 * incompatible.response.min.length.increased, incompatible.operation.id.changed — make those changes
 * compatible, as openapi-diff reports them out of the box. openapi-diff judges a schema by where it is used
 * (request or response context); response headers are response context, parameters request context.
 *
 * Changes openapi-diff does not detect are listed as data in `notDetected` (they keep specdrift's level, and
 * `specdrift rules --policy openapi-diff` says so): `schema-*` rules, webhooks, `x-sunset`, the JSON Schema
 * 2020-12 keywords. readOnly / writeOnly hiding a property and oneOf overlap come from the readonly / writeonly /
 * oneof switches of BackwardIncompatibleProp.java.
 *
 * Other rules without an entry (these keep specdrift's level too):
 *   - every `schema-*` rule (direction unknown);
 *   - allOf / anyOf branches (openapi-diff merges allOf before comparing and does not compare anyOf),
 *     `additionalProperties: false`, `const` and the other OpenAPI 3.1 keywords, `schema-keyword-changed`;
 *   - `*-enum-set` / `*-enum-removed` (the enum restriction itself appearing or going), discriminator added,
 *     removed or mapping changed (only a changed discriminator property name is judged),
 *     `request-*exclusive-*-changed` (the 3.1 numeric form);
 *   - `request-*read-only-removed` and `response-*write-only-removed` (incompatible only when the property is
 *     required, which the rule id does not say);
 *   - servers, tags, `x-sunset`, component schemas added / removed / renamed, `request-path-parameter-renamed`,
 *     `request-body-added` / `request-body-removed`, security scheme definitions added / removed, apiKey
 *     `name` changed, OAuth2 flows or flow scopes added / removed.
 */
// @ts-nocheck

import type { Level } from '../../model.js';
import type { PolicyPreset, PresetEntry } from './index.js';

const B: Level = 'breaking';
const I: Level = 'info';

const e = (rule: string, level: Level, peer: string, when?: PresetEntry['when']): PresetEntry => (when ? { rule, level, peer, when } : { rule, level, peer });
/** Request context: the request body and request parameters. */
const req = (what: string, level: Level, peer: string): PresetEntry[] => [e(`request-${what}`, level, peer), e(`request-parameter-${what}`, level, peer)];
/** Response context: the response body and response headers. */
const res = (what: string, level: Level, peer: string): PresetEntry[] => [e(`response-${what}`, level, peer), e(`response-header-${what}`, level, peer)];
/** Judged the same way in both contexts. */
const both = (what: string, level: Level, peer: string): PresetEntry[] => [...req(what, level, peer), ...res(what, level, peer)];

export const OPENAPI_DIFF_PRESET: PolicyPreset = {
  name: 'openapi-diff',
  source: 'OpenAPITools/openapi-diff BackwardIncompatibleProp.java @ ad55b244 + model Changed*.isChanged/isCoreChanged',
  entries: [
    // Operations
    e('endpoint-added', I, 'ChangedOpenApi: new endpoints'),
    e('endpoint-removed', B, 'incompatible.openapi.endpoints.decreased'),
    e('endpoint-removed-deprecated', B, 'incompatible.openapi.endpoints.decreased (no deprecation exception)'),
    e('endpoint-removed-before-sunset', B, 'incompatible.openapi.endpoints.decreased'),
    e('endpoint-deprecation-set', I, 'ChangedOperation: deprecated'),
    e('endpoint-deprecation-removed', I, 'ChangedOperation: deprecated'),
    e('endpoint-operation-id-*', I, 'incompatible.operation.id.changed (off by default)'),

    // Security requirements
    e('api-security-requirement-removed', B, 'incompatible.security.requirements.decreased'),
    e('endpoint-security-requirement-removed', B, 'incompatible.security.requirements.decreased'),
    e('api-security-removed', B, 'incompatible.security.requirements.decreased'),
    e('endpoint-security-removed', B, 'incompatible.security.requirements.decreased'),
    e('api-security-requirement-added', I, 'ChangedSecurityRequirements: increased only'),
    e('endpoint-security-requirement-added', I, 'ChangedSecurityRequirements: increased only'),
    e('api-security-set', I, 'ChangedSecurityRequirements: increased only'),
    e('endpoint-security-set', I, 'ChangedSecurityRequirements: increased only'),
    e('api-security-scope-added', B, 'incompatible.security.scheme.scopes.increased'),
    e('endpoint-security-scope-added', B, 'incompatible.security.scheme.scopes.increased'),
    e('api-security-scope-removed', I, 'ChangedSecuritySchemeScopes: missing only'),
    e('endpoint-security-scope-removed', I, 'ChangedSecuritySchemeScopes: missing only'),
    // Security schemes, as used by a requirement
    e('api-security-scheme-type-changed', B, 'ChangedSecurityScheme: type'),
    e('api-security-scheme-in-changed', B, 'ChangedSecurityScheme: in'),
    e('api-security-scheme-scheme-changed', B, 'incompatible.security.scheme.scheme.changed'),
    e('api-security-scheme-bearer-format-changed', B, 'incompatible.security.scheme.bearer.format.changed'),
    e('api-security-scheme-open-id-connect-url-changed', B, 'incompatible.security.scheme.openidconnect.url.changed'),
    e('api-security-scheme-authorization-url-changed', B, 'incompatible.security.scheme.oauth2.auth.url.changed'),
    e('api-security-scheme-token-url-changed', B, 'incompatible.security.scheme.oauth2.token.url.changed'),
    e('api-security-scheme-refresh-url-changed', B, 'incompatible.security.scheme.oauth2.refresh.url.changed'),

    // Request body and parameters
    e('request-body-media-type-added', I, 'ChangedContent: increased'),
    e('request-body-media-type-removed', B, 'incompatible.request.content.decreased'),
    e('request-body-required-added', B, 'incompatible.request.body.increased'),
    e('request-body-required-removed', I, 'ChangedRequestBody: required decreased'),
    e('request-required-body-added', B, 'incompatible.request.body.increased'),
    e('request-parameter-added', I, 'ChangedParameters: optional parameter added'),
    e('request-required-parameter-added', B, 'incompatible.request.params.required.increased'),
    e('request-parameter-removed', B, 'incompatible.request.params.decreased'),
    e('request-parameter-required-added', B, 'incompatible.request.params.required.increased'),
    e('request-parameter-required-removed', I, 'ChangedParameter: required decreased'),
    e('request-parameter-deprecation-set', I, 'ChangedParameter: deprecated'),
    e('request-parameter-deprecation-removed', I, 'ChangedParameter: deprecated'),
    e('request-parameter-style-changed', B, 'incompatible.request.param.style.changed'),
    e('request-parameter-explode-changed', B, 'incompatible.request.param.explode.changed'),
    e('request-parameter-allow-empty-value-removed', B, 'incompatible.request.param.allowempty.decreased'),
    e('request-parameter-allow-empty-value-set', I, 'ChangedParameter: allowEmptyValue increased'),

    // Responses
    e('response-success-status-added', I, 'ChangedApiResponse: increased'),
    e('response-success-status-removed', B, 'incompatible.response.responses.decreased'),
    e('response-non-success-status-added', I, 'ChangedApiResponse: increased'),
    e('response-non-success-status-removed', B, 'incompatible.response.responses.decreased'),
    e('response-media-type-added', I, 'ChangedContent: increased'),
    e('response-media-type-removed', B, 'incompatible.response.content.decreased'),
    e('response-header-added', I, 'ChangedHeaders: increased'),
    e('response-header-removed', B, 'incompatible.response.headers.decreased'),
    e('response-required-header-removed', B, 'incompatible.response.headers.decreased'),
    e('response-header-required-added', B, 'incompatible.response.header.required.increased'),
    e('response-header-required-removed', B, 'incompatible.response.header.required.decreased'),

    // Schemas: type, format, nullable, default, deprecated
    ...both('type-changed', B, 'incompatible.schema.type.changed'),
    ...both('type-widened', B, 'incompatible.schema.type.changed'),
    ...both('type-narrowed', B, 'incompatible.schema.type.changed'),
    ...both('format-set', I, 'ChangedSchema: format (compatible)'),
    ...both('format-changed', I, 'ChangedSchema: format (compatible)'),
    ...both('format-removed', I, 'ChangedSchema: format (compatible)'),
    ...both('nullable-set', I, 'ChangedNullable (always compatible)'),
    ...both('nullable-removed', I, 'ChangedNullable (always compatible)'),
    ...both('default-set', I, 'ChangedSchema: default (compatible)'),
    ...both('default-changed', I, 'ChangedSchema: default (compatible)'),
    ...both('default-removed', I, 'ChangedSchema: default (compatible)'),
    ...both('deprecated-set', I, 'ChangedSchema: deprecated (compatible)'),
    ...both('deprecated-removed', I, 'ChangedSchema: deprecated (compatible)'),
    ...both('discriminator-property-changed', B, 'incompatible.schema.discriminator.changed'),

    // enum values and oneOf branches: request loses, response gains
    ...req('enum-value-added', I, 'ChangedEnum: request increased'),
    ...req('enum-value-removed', B, 'incompatible.request.enum.decreased'),
    ...res('enum-value-added', B, 'incompatible.response.enum.increased'),
    ...res('enum-value-removed', I, 'ChangedEnum: response missing'),
    ...req('one-of-branch-added', I, 'ChangedOneOfSchema: request increased'),
    ...req('one-of-branch-removed', B, 'incompatible.request.oneof.decreased'),
    ...res('one-of-branch-added', B, 'incompatible.response.oneof.increased'),
    ...res('one-of-branch-removed', I, 'ChangedOneOfSchema: response missing'),

    // Properties and required
    ...both('property-added', I, 'ChangedSchema: increased properties'),
    ...req('required-property-added', B, 'incompatible.request.required.increased'),
    ...res('required-property-added', I, 'ChangedRequired: response increased'),
    ...req('property-removed', I, 'ChangedSchema: missing properties (request)'),
    e('response-property-removed', I, 'ChangedSchema: missing optional property', 'optional-property'),
    e('response-property-removed', B, 'incompatible.response.required.decreased', 'required-property'),
    e('response-header-property-removed', I, 'ChangedSchema: missing optional property', 'optional-property'),
    e('response-header-property-removed', B, 'incompatible.response.required.decreased', 'required-property'),
    ...req('property-required-added', B, 'incompatible.request.required.increased'),
    ...req('property-required-removed', I, 'ChangedRequired: request missing'),
    ...res('property-required-added', I, 'ChangedRequired: response increased'),
    ...res('property-required-removed', B, 'incompatible.response.required.decreased'),

    // readOnly / writeOnly
    ...req('read-only-set', B, 'incompatible.request.readonly.increased'),
    ...res('read-only-set', I, 'ChangedReadOnly: response (compatible)'),
    ...res('read-only-removed', I, 'ChangedReadOnly: response (compatible)'),
    ...req('write-only-set', I, 'ChangedWriteOnly: request (compatible)'),
    ...req('write-only-removed', I, 'ChangedWriteOnly: request (compatible)'),
    ...res('write-only-set', B, 'incompatible.response.writeonly.increased'),

    // Numeric range: narrowing a request breaks; every response change is compatible while
    // incompatible.response.numeric.range.increased stays off (its default).
    ...req('maximum-set', B, 'incompatible.request.numeric.range.decreased'),
    ...req('maximum-decreased', B, 'incompatible.request.numeric.range.decreased'),
    ...req('maximum-increased', I, 'ChangedNumericRange: request widened'),
    ...req('maximum-removed', I, 'ChangedNumericRange: request widened'),
    ...req('minimum-set', B, 'incompatible.request.numeric.range.decreased'),
    ...req('minimum-increased', B, 'incompatible.request.numeric.range.decreased'),
    ...req('minimum-decreased', I, 'ChangedNumericRange: request widened'),
    ...req('minimum-removed', I, 'ChangedNumericRange: request widened'),
    ...req('exclusive-maximum-set', B, 'incompatible.request.numeric.range.decreased'),
    ...req('exclusive-minimum-set', B, 'incompatible.request.numeric.range.decreased'),
    ...req('exclusive-maximum-removed', I, 'ChangedNumericRange: request widened'),
    ...req('exclusive-minimum-removed', I, 'ChangedNumericRange: request widened'),
    e('response-*maximum-*', I, 'incompatible.response.numeric.range.increased (off by default)'),
    e('response-*minimum-*', I, 'incompatible.response.numeric.range.increased (off by default)'),

    // Lengths: maxLength by direction; minLength compatible while its switches stay off (their default)
    ...req('max-length-set', B, 'incompatible.request.max.length.decreased'),
    ...req('max-length-decreased', B, 'incompatible.request.max.length.decreased'),
    ...req('max-length-increased', I, 'ChangedMaxLength: request widened'),
    ...req('max-length-removed', I, 'ChangedMaxLength: request widened'),
    ...res('max-length-increased', B, 'incompatible.response.max.length.increased'),
    ...res('max-length-removed', B, 'incompatible.response.max.length.increased'),
    ...res('max-length-decreased', I, 'ChangedMaxLength: response narrowed'),
    ...res('max-length-set', I, 'ChangedMaxLength: response narrowed'),
    e('request-*min-length-*', I, 'incompatible.request.min.length.increased (off by default)'),
    e('response-*min-length-*', I, 'incompatible.response.min.length.increased (off by default)'),

    // Items, properties count, multipleOf, uniqueItems, pattern: judged the same in both directions
    ...both('max-items-decreased', B, 'ChangedMaxItems: decreased'),
    ...both('max-items-increased', I, 'ChangedMaxItems'),
    ...both('max-items-set', I, 'ChangedMaxItems: set'),
    ...both('max-items-removed', I, 'ChangedMaxItems: unset'),
    ...both('min-items-increased', B, 'ChangedMinItems: increased'),
    ...both('min-items-decreased', I, 'ChangedMinItems'),
    ...both('min-items-set', I, 'ChangedMinItems: set'),
    ...both('min-items-removed', I, 'ChangedMinItems: unset'),
    ...both('max-properties-set', B, 'incompatible.schema.max-properties.changed'),
    ...both('max-properties-decreased', B, 'incompatible.schema.max-properties.changed'),
    ...both('max-properties-increased', I, 'ChangedMaxProperties'),
    ...both('max-properties-removed', I, 'ChangedMaxProperties: unset'),
    ...both('min-properties-set', B, 'incompatible.schema.min-properties.changed'),
    ...both('min-properties-increased', B, 'incompatible.schema.min-properties.changed'),
    ...both('min-properties-decreased', I, 'ChangedMinProperties'),
    ...both('min-properties-removed', I, 'ChangedMinProperties: unset'),
    ...both('multiple-of-set', B, 'ChangedMultipleOf'),
    ...both('multiple-of-changed', B, 'ChangedMultipleOf'),
    ...both('multiple-of-removed', I, 'ChangedMultipleOf: removed'),
    ...both('unique-items-set', B, 'ChangedUniqueItems'),
    ...both('unique-items-removed', I, 'ChangedUniqueItems: removed'),
    ...both('pattern-set', B, 'incompatible.schema.pattern.changed'),
    ...both('pattern-changed', B, 'incompatible.schema.pattern.changed'),
    ...both('pattern-removed', B, 'incompatible.schema.pattern.changed'),
    // readOnly / writeOnly hiding a property from one direction (issue 8 item 3), from the readonly / writeonly switches.
    e('request-property-hidden', B, 'incompatible.request.readonly.increased'),
    e('request-property-shown', I, 'ChangedReadOnly: request decreased (optional property)'),
    e('request-required-property-shown', B, 'incompatible.request.readonly.required.decreased'),
    e('response-property-hidden', B, 'incompatible.response.writeonly.increased'),
    e('response-property-shown', I, 'ChangedWriteOnly: response decreased (optional property)'),
    e('response-required-property-shown', B, 'incompatible.response.writeonly.required.decreased'),
    // A oneOf branch added that old values also match (item 6): openapi-diff only counts branches.
    ...req('one-of-branch-added-overlapping', I, 'ChangedOneOfSchema: request increased'),
    ...res('one-of-branch-added-overlapping', B, 'incompatible.response.oneof.increased'),
    // Removal after deprecation: openapi-diff makes no deprecation exception.
    e('request-property-removed-deprecated', I, 'ChangedSchema: missing properties (request)'),
    e('request-property-removed-before-sunset', I, 'ChangedSchema: missing properties (request)'),
    e('request-parameter-removed-deprecated', B, 'incompatible.request.params.decreased'),
    e('request-parameter-removed-before-sunset', B, 'incompatible.request.params.decreased'),
  ],
  notDetected: [
    { rule: 'schema-*', why: 'openapi-diff judges a schema only where a request or response uses it (this includes schema-required-undeclared and schema-keyword-changed)' },
    { rule: 'webhook-*', why: 'openapi-diff compares paths only, not 3.1 webhooks' },
    { rule: '*sunset*', why: 'openapi-diff does not read x-sunset' },
    ...[
      'prefix-items',
      'conditional-branch',
      'if-changed',
      'contains',
      'min-contains',
      'max-contains',
      'dependent-required',
      'dependent-schema',
      'pattern-property',
      'property-names',
      'unevaluated',
      'content-schema',
      'content-media-type',
      'content-encoding',
      'definition',
      'examples-changed',
      'items-closed',
      'const',
      'not-set',
      'not-removed',
    ].map((family) => ({ rule: `*-${family}*`, why: 'openapi-diff does not compare this JSON Schema 2020-12 keyword' })),
  ],
};