/**
 * `--policy oasdiff`: the levels oasdiff (github.com/oasdiff/oasdiff) gives the same changes, for teams that
 * move a CI gate from `oasdiff breaking --fail-on ERR|WARN` to specdrift. ERR → breaking, WARN → warning,
 * INFO → info.
 *
 * Read from oasdiff's rule table, checker/rules.go (GetAllRules: one line per rule id with its level), at
 * commit 001f320b91e0399dd7f1a6d90f1c9a8f213a240f, and its docs/BREAKING-CHANGES-EXAMPLES.md. `peer` names
 * the oasdiff rule id as oasdiff prints it. One deliberate pick: response-optional-property-removed is WARN
 * in oasdiff's releases and docs ("breaking with warning"); the newest rules.go has it at INFO. We keep WARN.
 *
 * Where oasdiff splits one specdrift rule by the property's required-ness (response property removed), the
 * entry is narrowed with `when`.
 *
 * Changes oasdiff does not detect are listed as data in `notDetected` (they keep specdrift's level, and
 * `specdrift rules --policy oasdiff` says so): `schema-*` rules, everything inside a webhook, the 2020-12
 * keywords in parameters and headers, `if` changed, maxContains set/removed, patternProperties schemas
 * closing/opening, `$defs`, `examples`, `items: false`, `not`, exclusive bounds removed (and set in responses).
 * The 2020-12 body rules come from the same rules.go (RequestProperty…/ResponseProperty… Prefix, If/Then/Else,
 * Contains, DependentRequired, DependentSchemas, PatternProperties, PropertyNames, Unevaluated, Content checks).
 *
 * Other rules with no entry and no `notDetected` line (also specdrift's level):
 *   - additionalProperties (`*-additional-properties-closed-*`), `*-enum-removed` (enum restriction dropped),
 *     `response-*-enum-set`;
 *   - request-side `*-maximum-removed`, `*-minimum-removed`, `*-max-length-removed`, `*-min-length-set`,
 *     `request-min-items-decreased`, response-side narrowing of bounds (`response-maximum-decreased`, `-set`, …);
 *   - servers (`api-server-*`), `component-schema-added`, `component-schema-renamed`, `endpoint-sunset-set`,
 *     `endpoint-sunset-changed` (oasdiff errs only when the date moves earlier under a deprecation policy),
 *     `request-path-parameter-renamed`, parameter deprecation removal and sunset, response property removal after
 *     deprecation (oasdiff splits it by required-ness, which that id does not say), `response-header-required-added`,
 *     security scheme `in` / `name` / `scheme` / `bearerFormat` / OpenID Connect URL / refresh URL / flows.
 */
// @ts-nocheck

import type { Level } from '../../model.js';
import type { PolicyPreset, PresetEntry } from './index.js';

const B: Level = 'breaking';
const W: Level = 'warning';
const I: Level = 'info';

const e = (rule: string, level: Level, peer: string, when?: PresetEntry['when']): PresetEntry => (when ? { rule, level, peer, when } : { rule, level, peer });

/** A schema rule in the request body and in request parameters (the same oasdiff level for both). */
const requestSides = (what: string, level: Level, peer: string): PresetEntry[] => [e(`request-${what}`, level, peer), e(`request-parameter-${what}`, level, peer)];
/** A schema rule in the response body and in response headers. */
const responseSides = (what: string, level: Level, peer: string): PresetEntry[] => [e(`response-${what}`, level, peer), e(`response-header-${what}`, level, peer)];

export const OASDIFF_PRESET: PolicyPreset = {
  name: 'oasdiff',
  source: 'oasdiff checker/rules.go @ 001f320b (levels ERR/WARN/INFO)',
  entries: [
    // Operations
    e('endpoint-added', I, 'endpoint-added'),
    e('endpoint-removed', B, 'api-removed-without-deprecation / api-path-removed-without-deprecation'),
    e('endpoint-removed-before-sunset', B, 'api-removed-before-sunset'),
    e('endpoint-removed-deprecated', I, 'api-removed-with-deprecation'),
    e('endpoint-deprecation-set', I, 'endpoint-deprecated'),
    e('endpoint-deprecation-removed', I, 'endpoint-reactivated'),
    e('endpoint-sunset-removed', B, 'api-sunset-deleted'),
    e('endpoint-operation-id-added', I, 'api-operation-id-added'),
    e('endpoint-operation-id-changed', I, 'api-operation-id-removed'),
    e('endpoint-operation-id-removed', I, 'api-operation-id-removed'),
    e('endpoint-tag-added', I, 'api-tag-added'),
    e('endpoint-tag-removed', I, 'api-tag-removed'),

    // Security requirements (global and per operation)
    e('api-security-set', I, 'api-global-security-added'),
    e('api-security-removed', B, 'api-global-security-removed'),
    e('api-security-requirement-added', I, 'api-global-security-added'),
    e('api-security-requirement-removed', B, 'api-global-security-removed'),
    e('api-security-scope-added', B, 'api-global-security-scope-added'),
    e('api-security-scope-removed', I, 'api-global-security-scope-removed'),
    e('endpoint-security-set', I, 'api-security-added'),
    e('endpoint-security-removed', B, 'api-security-removed'),
    e('endpoint-security-requirement-added', I, 'api-security-added'),
    e('endpoint-security-requirement-removed', B, 'api-security-removed'),
    e('endpoint-security-scope-added', B, 'api-security-scope-added'),
    e('endpoint-security-scope-removed', I, 'api-security-scope-removed'),
    // Security schemes (components)
    e('api-security-scheme-added', I, 'api-security-component-added'),
    e('api-security-scheme-removed', I, 'api-security-component-removed'),
    e('api-security-scheme-type-changed', I, 'api-security-component-type-changed'),
    e('api-security-scheme-authorization-url-changed', I, 'api-security-component-oauth-url-changed'),
    e('api-security-scheme-token-url-changed', I, 'api-security-component-oauth-token-url-changed'),
    e('api-security-scheme-scope-added', I, 'api-security-component-oauth-scope-added'),
    e('api-security-scheme-scope-removed', I, 'api-security-component-oauth-scope-removed'),

    // Request body and parameters
    e('request-body-added', I, 'request-body-added-optional'),
    e('request-required-body-added', B, 'request-body-added-required'),
    e('request-body-removed', B, 'request-body-removed'),
    e('request-body-required-added', B, 'request-body-became-required'),
    e('request-body-required-removed', I, 'request-body-became-optional'),
    e('request-body-media-type-added', I, 'request-body-media-type-added'),
    e('request-body-media-type-removed', B, 'request-body-media-type-removed'),
    e('request-parameter-added', I, 'new-optional-request-parameter'),
    e('request-required-parameter-added', B, 'new-required-request-parameter'),
    e('request-parameter-removed', W, 'request-parameter-removed'),
    e('request-parameter-required-added', B, 'request-parameter-became-required'),
    e('request-parameter-required-removed', I, 'request-parameter-became-optional'),
    e('request-parameter-deprecation-set', I, 'request-parameter-deprecated'),
    e('request-parameter-deprecation-removed', I, 'request-parameter-reactivated'),

    // Responses
    e('response-success-status-added', I, 'response-success-status-added'),
    e('response-success-status-removed', B, 'response-success-status-removed'),
    e('response-non-success-status-added', I, 'response-non-success-status-added'),
    e('response-non-success-status-removed', I, 'response-non-success-status-removed'),
    e('response-media-type-added', I, 'response-media-type-added'),
    e('response-media-type-removed', B, 'response-media-type-removed'),
    e('response-header-added', I, 'response-header-added'),
    e('response-header-removed', W, 'optional-response-header-removed'),
    e('response-required-header-removed', B, 'required-response-header-removed'),
    e('response-header-required-removed', B, 'response-header-became-optional'),

    // Components
    e('component-schema-removed', I, 'api-schema-removed'),

    // Schemas: type and format (oasdiff folds format into its type rules)
    ...requestSides('type-changed', B, 'request-body-type-changed / request-parameter-type-changed'),
    ...requestSides('type-widened', I, 'request-body-type-generalized / request-parameter-type-generalized'),
    ...requestSides('type-narrowed', B, 'request-body-list-of-types-narrowed / request-parameter-property-type-specialized'),
    ...responseSides('type-changed', B, 'response-body-type-changed / response-header-type-changed'),
    ...responseSides('type-widened', B, 'response-body-type-generalized / response-header-type-generalized'),
    ...responseSides('type-narrowed', I, 'response-body-type-specialized / response-header-type-specialized'),
    ...requestSides('format-set', B, 'request-property-type-changed (format set)'),
    ...requestSides('format-changed', B, 'request-property-type-changed (format changed)'),
    ...requestSides('format-removed', I, 'request-property-type-generalized (format unset)'),
    ...responseSides('format-set', I, 'response-property-type-specialized (format set)'),
    ...responseSides('format-changed', B, 'response-property-type-changed (format changed)'),
    ...responseSides('format-removed', B, 'response-property-type-generalized (format unset)'),
    // nullable
    ...requestSides('nullable-set', I, 'request-body-became-nullable / request-parameter-became-nullable'),
    ...requestSides('nullable-removed', B, 'request-body-became-not-nullable / request-parameter-became-not-nullable'),
    ...responseSides('nullable-set', B, 'response-body-became-nullable / response-header-became-nullable'),
    ...responseSides('nullable-removed', I, 'response-body-became-not-nullable / response-header-became-not-nullable'),

    // enum, const, default, deprecated
    ...requestSides('enum-set', B, 'request-body-became-enum / request-parameter-became-enum'),
    ...requestSides('enum-value-added', I, 'request-property-enum-value-added / request-parameter-enum-value-added'),
    ...requestSides('enum-value-removed', B, 'request-property-enum-value-removed / request-parameter-enum-value-removed'),
    e('response-enum-value-added', W, 'response-property-enum-value-added'),
    e('response-enum-value-removed', I, 'response-property-enum-value-removed'),
    e('request-const-set', B, 'request-property-const-added'),
    e('request-const-removed', I, 'request-property-const-removed'),
    e('request-const-changed', B, 'request-property-const-changed'),
    e('response-const-set', I, 'response-property-const-added'),
    e('response-const-removed', B, 'response-property-const-removed'),
    e('response-const-changed', B, 'response-property-const-changed'),
    ...requestSides('default-set', I, 'request-property-default-value-added / request-parameter-default-value-added'),
    ...requestSides('default-changed', I, 'request-property-default-value-changed / request-parameter-default-value-changed'),
    ...requestSides('default-removed', I, 'request-property-default-value-removed / request-parameter-default-value-removed'),
    e('response-default-set', I, 'response-property-default-value-added'),
    e('response-default-changed', I, 'response-property-default-value-changed'),
    e('response-default-removed', I, 'response-property-default-value-removed'),
    e('request-deprecated-set', I, 'request-property-deprecated'),
    e('request-deprecated-removed', I, 'request-property-reactivated'),
    e('response-deprecated-set', I, 'response-property-deprecated'),
    e('response-deprecated-removed', I, 'response-property-reactivated'),

    // discriminator: every change is INFO in oasdiff
    e('request-discriminator-*', I, 'request-property-discriminator-*'),
    e('response-discriminator-*', I, 'response-property-discriminator-*'),

    // allOf / anyOf / oneOf branches
    e('request-all-of-branch-added', B, 'request-property-all-of-added'),
    e('request-all-of-branch-removed', I, 'request-property-all-of-removed'),
    e('response-all-of-branch-added', I, 'response-property-all-of-added'),
    e('response-all-of-branch-removed', B, 'response-property-all-of-removed'),
    e('request-any-of-branch-added', I, 'request-property-any-of-added'),
    e('request-any-of-branch-removed', B, 'request-property-any-of-removed'),
    e('response-any-of-branch-added', B, 'response-property-any-of-added'),
    e('response-any-of-branch-removed', I, 'response-property-any-of-removed'),
    e('request-one-of-branch-added', I, 'request-property-one-of-added'),
    e('request-one-of-branch-removed', B, 'request-property-one-of-removed'),
    e('response-one-of-branch-added', B, 'response-property-one-of-added'),
    e('response-one-of-branch-removed', I, 'response-property-one-of-removed'),

    // properties and required
    e('request-property-added', I, 'new-optional-request-property'),
    e('request-required-property-added', B, 'new-required-request-property'),
    e('request-parameter-required-property-added', B, 'new-required-request-header-property'),
    e('request-property-removed', W, 'request-property-removed'),
    e('request-property-required-added', B, 'request-property-became-required'),
    e('request-parameter-property-required-added', B, 'request-header-property-became-required'),
    e('request-property-required-removed', I, 'request-property-became-optional'),
    e('response-property-added', I, 'response-optional-property-added'),
    e('response-required-property-added', I, 'response-required-property-added'),
    e('response-property-removed', W, 'response-optional-property-removed', 'optional-property'),
    e('response-property-removed', B, 'response-required-property-removed', 'required-property'),
    e('response-property-required-added', I, 'response-property-became-required'),
    e('response-property-required-removed', B, 'response-property-became-optional'),

    // readOnly / writeOnly: INFO in oasdiff, except a required response property losing writeOnly (WARN, not split here)
    e('request-read-only-set', I, 'request-*-property-became-read-only'),
    e('request-read-only-removed', I, 'request-*-property-became-not-read-only'),
    e('request-write-only-set', I, 'request-*-property-became-write-only'),
    e('request-write-only-removed', I, 'request-*-property-became-not-write-only'),
    e('response-read-only-set', I, 'response-*-property-became-read-only'),
    e('response-read-only-removed', I, 'response-*-property-became-not-read-only'),
    e('response-write-only-set', I, 'response-*-property-became-write-only'),
    e('response-write-only-removed', I, 'response-optional-property-became-not-write-only'),

    // Numeric bounds. `request-*maximum-…` covers the body, parameters and the exclusive forms.
    e('request-*maximum-set', B, 'request-property-max-set / request-property-exclusive-max-set'),
    e('request-*maximum-decreased', B, 'request-property-max-decreased'),
    e('request-*maximum-increased', I, 'request-property-max-increased'),
    e('request-*minimum-set', B, 'request-property-min-set / request-property-exclusive-min-set'),
    e('request-*minimum-increased', B, 'request-property-min-increased'),
    e('request-*minimum-decreased', I, 'request-property-min-decreased'),
    e('response-maximum-increased', B, 'response-property-max-increased'),
    e('response-minimum-decreased', B, 'response-property-min-decreased'),
    // Lengths
    e('request-*max-length-set', B, 'request-property-max-length-set / request-parameter-max-length-set'),
    e('request-*max-length-decreased', B, 'request-property-max-length-decreased'),
    e('request-*max-length-increased', I, 'request-property-max-length-increased'),
    e('request-*min-length-increased', B, 'request-property-min-length-increased'),
    e('request-*min-length-decreased', I, 'request-property-min-length-decreased'),
    e('response-max-length-increased', B, 'response-property-max-length-increased'),
    e('response-max-length-removed', B, 'response-property-max-length-unset'),
    e('response-min-length-decreased', B, 'response-property-min-length-decreased'),
    // Items
    e('request-max-items-set', B, 'request-property-max-items-set'),
    e('request-*max-items-decreased', B, 'request-property-max-items-decreased / request-parameter-max-items-decreased'),
    e('request-*max-items-increased', I, 'request-property-max-items-increased / request-parameter-max-items-increased'),
    e('request-*min-items-set', B, 'request-property-min-items-set / request-parameter-min-items-set'),
    e('request-*min-items-increased', B, 'request-property-min-items-increased / request-parameter-min-items-increased'),
    e('request-parameter-min-items-decreased', I, 'request-parameter-min-items-decreased'),
    e('response-max-items-increased', B, 'response-property-max-items-increased'),
    e('response-min-items-decreased', B, 'response-property-min-items-decreased'),
    e('response-min-items-removed', B, 'response-property-min-items-unset'),
    // Properties count
    e('request-max-properties-set', B, 'request-property-max-properties-set'),
    e('request-max-properties-decreased', B, 'request-property-max-properties-decreased'),
    e('request-max-properties-increased', I, 'request-property-max-properties-increased'),
    e('request-min-properties-increased', B, 'request-property-min-properties-increased'),
    e('response-max-properties-increased', B, 'response-property-max-properties-increased'),
    e('response-min-properties-decreased', B, 'response-property-min-properties-decreased'),
    // multipleOf, uniqueItems
    e('request-multiple-of-set', B, 'request-property-multiple-of-set'),
    e('request-multiple-of-changed', B, 'request-property-multiple-of-changed'),
    e('request-multiple-of-removed', I, 'request-property-multiple-of-unset'),
    e('response-multiple-of-changed', B, 'response-property-multiple-of-changed'),
    e('response-multiple-of-removed', B, 'response-property-multiple-of-unset'),
    e('request-unique-items-set', B, 'request-property-unique-items-set'),
    e('request-unique-items-removed', I, 'request-property-unique-items-unset'),
    e('response-unique-items-removed', B, 'response-property-unique-items-unset'),
    // pattern
    e('request-*pattern-set', B, 'request-property-pattern-added / request-parameter-pattern-added'),
    e('request-*pattern-changed', W, 'request-property-pattern-changed / request-parameter-pattern-changed'),
    e('request-*pattern-removed', I, 'request-property-pattern-removed / request-parameter-pattern-removed'),
    e('response-pattern-set', I, 'response-property-pattern-added'),
    e('response-pattern-changed', W, 'response-property-pattern-changed'),
    e('response-pattern-removed', B, 'response-property-pattern-removed'),

    // Webhooks: oasdiff reports a webhook added or removed (WebhookAddedId INFO, WebhookRemovedId ERR, with no
    // deprecation or sunset exception), and nothing inside one (notDetected below).
    e('webhook-added', I, 'webhook-added (WebhookAddedId)'),
    e('webhook-removed', B, 'webhook-removed (WebhookRemovedId)'),
    e('webhook-removed-deprecated', B, 'webhook-removed (WebhookRemovedId: no deprecation exception)'),
    e('webhook-removed-before-sunset', B, 'webhook-removed (WebhookRemovedId)'),

    // Deprecation and sunset. A malformed sunset date is ERR in oasdiff; a deprecated request property removed
    // is still request-property-removed (WARN): oasdiff has no deprecation exception for properties.
    e('endpoint-sunset-invalid', B, 'api-deprecated-sunset-parse (APIDeprecatedSunsetParseId)'),
    e('request-property-sunset-invalid', B, 'request-property-deprecated-invalid (RequestPropertyDeprecatedInvalidId)'),
    e('response-property-sunset-invalid', B, 'response-property-deprecated-invalid (ResponsePropertyDeprecatedInvalidId)'),
    e('request-property-removed-deprecated', W, 'request-property-removed (RequestPropertyRemovedId)'),
    e('request-property-removed-before-sunset', W, 'request-property-removed (RequestPropertyRemovedId)'),

    // readOnly / writeOnly hiding a property from one direction (issue 8 item 3): INFO in oasdiff, except a
    // required response property that stops being writeOnly (shown to readers), WARN.
    e('request-property-hidden', I, 'request-optional/required-property-became-read-only'),
    e('request-property-shown', I, 'request-optional-property-became-not-read-only'),
    e('request-required-property-shown', I, 'request-required-property-became-not-read-only'),
    e('response-property-hidden', I, 'response-optional/required-property-became-write-only'),
    e('response-property-shown', I, 'response-optional-property-became-not-write-only'),
    e('response-required-property-shown', W, 'response-required-property-became-not-write-only (WARN)'),

    // A oneOf branch added that old values also match (item 6): oasdiff's nearest rules are a body wrapped in
    // oneOf (request and response: ERR) and, for responses, any oneOf branch added (ERR).
    e('request-one-of-branch-added-overlapping', B, 'request-body-wrapped-in-one-of (RequestBodyWrappedInOneOfId)'),
    e('response-one-of-branch-added-overlapping', B, 'response-body-wrapped-in-one-of / response-property-one-of-added'),

    // JSON Schema 2020-12 keywords, request / response body (oasdiff checks them in bodies only).
    e('request-prefix-items-added', I, 'request-property-prefix-items-added'),
    e('request-prefix-items-removed', B, 'request-property-prefix-items-removed'),
    e('response-prefix-items-added', B, 'response-property-prefix-items-added'),
    e('response-prefix-items-removed', I, 'response-property-prefix-items-removed'),
    e('request-conditional-branch-added', B, 'request-property-if/then/else-added'),
    e('request-conditional-branch-removed', I, 'request-property-if/then/else-removed'),
    e('response-conditional-branch-added', I, 'response-property-if/then/else-added'),
    e('response-conditional-branch-removed', B, 'response-property-if/then/else-removed'),
    e('request-contains-set', B, 'request-property-contains-added'),
    e('request-contains-removed', I, 'request-property-contains-removed'),
    e('response-contains-set', I, 'response-property-contains-added'),
    e('response-contains-removed', B, 'response-property-contains-removed'),
    e('request-min-contains-increased', B, 'request-property-min-contains-increased'),
    e('request-min-contains-decreased', I, 'request-property-min-contains-decreased'),
    e('request-max-contains-increased', I, 'request-property-max-contains-increased'),
    e('request-max-contains-decreased', B, 'request-property-max-contains-decreased'),
    e('response-min-contains-increased', I, 'response-property-min-contains-increased'),
    e('response-min-contains-decreased', B, 'response-property-min-contains-decreased'),
    e('response-max-contains-increased', B, 'response-property-max-contains-increased'),
    e('response-max-contains-decreased', I, 'response-property-max-contains-decreased'),
    e('request-dependent-required-added', B, 'request-property-dependent-required-added'),
    e('request-dependent-required-removed', I, 'request-property-dependent-required-removed'),
    e('response-dependent-required-added', I, 'response-property-dependent-required-added'),
    e('response-dependent-required-removed', B, 'response-property-dependent-required-removed'),
    e('request-dependent-schema-added', B, 'request-property-dependent-schema-added'),
    e('request-dependent-schema-removed', I, 'request-property-dependent-schema-removed'),
    e('response-dependent-schema-added', I, 'response-property-dependent-schema-added'),
    e('response-dependent-schema-removed', B, 'response-property-dependent-schema-removed'),
    e('request-pattern-property-added', B, 'request-property-pattern-property-added'),
    e('request-pattern-property-removed', I, 'request-property-pattern-property-removed'),
    e('response-pattern-property-added', I, 'response-property-pattern-property-added'),
    e('response-pattern-property-removed', B, 'response-property-pattern-property-removed'),
    e('request-property-names-set', B, 'request-property-property-names-added'),
    e('request-property-names-removed', I, 'request-property-property-names-removed'),
    e('response-property-names-set', I, 'response-property-property-names-added'),
    e('response-property-names-removed', B, 'response-property-property-names-removed'),
    e('request-unevaluated-*-closed-set', B, 'request-property-unevaluated-items/properties-added'),
    e('request-unevaluated-*-closed-removed', I, 'request-property-unevaluated-items/properties-removed'),
    e('response-unevaluated-*-closed-set', I, 'response-property-unevaluated-items/properties-added'),
    e('response-unevaluated-*-closed-removed', B, 'response-property-unevaluated-items/properties-removed'),
    e('request-content-schema-set', B, 'request-property-content-schema-added'),
    e('request-content-schema-removed', I, 'request-property-content-schema-removed'),
    e('response-content-schema-set', I, 'response-property-content-schema-added'),
    e('response-content-schema-removed', B, 'response-property-content-schema-removed'),
    e('request-content-media-type-*', B, 'request-property-content-media-type-changed (set, unset or changed)'),
    e('response-content-media-type-*', B, 'response-property-content-media-type-changed (set, unset or changed)'),
    e('request-content-encoding-*', B, 'request-property-content-encoding-changed (set, unset or changed)'),
    e('response-content-encoding-*', B, 'response-property-content-encoding-changed (set, unset or changed)'),
  ],
  notDetected: [
    { rule: 'schema-*', why: 'oasdiff judges only schemas that operations reach, in a direction (this includes schema-required-undeclared and schema-keyword-changed)' },
    { rule: 'webhook-*', why: 'oasdiff compares webhooks only as added or removed' },
    { rule: '*-if-changed', why: 'oasdiff reports if/then/else only when one is added or removed' },
    { rule: '*-max-contains-set', why: 'oasdiff reports maxContains only when it increases or decreases' },
    { rule: '*-max-contains-removed', why: 'oasdiff reports maxContains only when it increases or decreases' },
    { rule: '*-pattern-property-closed', why: 'oasdiff reports patternProperties entries added or removed, not their schemas closing' },
    { rule: '*-pattern-property-opened', why: 'oasdiff reports patternProperties entries added or removed, not their schemas opening' },
    { rule: '*-definition-*', why: 'oasdiff does not compare $defs' },
    { rule: '*-examples-changed', why: 'oasdiff has no rule for examples' },
    { rule: '*-items-closed-*', why: 'oasdiff has no rule for `items: false`' },
    { rule: '*-not-*', why: 'oasdiff has no rule for `not`' },
    { rule: '*exclusive-maximum-removed', why: 'oasdiff has no rule for a bound removed' },
    { rule: '*exclusive-minimum-removed', why: 'oasdiff has no rule for a bound removed' },
    { rule: 'response-*exclusive-*-set', why: 'oasdiff has no rule for a response bound set' },
    { rule: 'request-parameter-*', why: 'oasdiff does not detect this change in a parameter' },
    { rule: 'response-header-*', why: 'oasdiff checks a response header\'s presence, required-ness, type and nullability only' },
  ],
};
