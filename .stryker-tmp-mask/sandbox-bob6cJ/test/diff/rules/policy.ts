/**
 * The rule levels as POLICY: written by hand, apart from the rule definitions in src/diff/rules/, so that a
 * reviewer reads (and changes) them here and rules.test.ts fails when a rule's level in src/ disagrees.
 * Never import levels from src/ into this file.
 *
 * Schema rules are written once per check as [request, response]: the level when the data flows client → API
 * and API → client. They expand into ids as follows (see `expectedLevels`):
 * - `request-X`, `request-parameter-X`, `webhook-response-X` (written by clients or subscribers): the request level;
 * - `response-X`, `response-header-X`, `webhook-request-X` (written by the API): the response level;
 * - `schema-X` (a component whose direction is unknown): the stricter of the two.
 */
// @ts-nocheck

export type Level = 'breaking' | 'warning' | 'info';
const B: Level = 'breaking';
const W: Level = 'warning';
const I: Level = 'info';

/** Schema checks: [request level, response level], by the id without its context prefix. */
export const SCHEMA_POLICY: Readonly<Record<string, readonly [Level, Level]>> = {
  // Types and nullability: a wider type is fine for the API to receive, not for clients.
  'type-changed':                            [B, B],
  'type-widened':                            [I, B],
  'type-narrowed':                           [B, I],
  'nullable-set':                            [I, B],
  'nullable-removed':                        [B, I],
  // Formats and enums: a new format or enum constrains what clients may send; a new enum value is news to readers.
  'format-set':                              [W, I],
  'format-removed':                          [I, W],
  'format-changed':                          [W, W],
  'enum-value-added':                        [I, W],
  'enum-value-removed':                      [B, I],
  'enum-set':                                [B, I],
  'enum-removed':                            [I, W],
  // Properties and required: a property readers relied on vanishing breaks them; a new required one breaks writers.
  'property-added':                          [I, I],
  'required-property-added':                 [B, I],
  'property-removed':                        [W, B],
  'property-removed-deprecated':             [I, I],
  'property-removed-before-sunset':          [W, B],
  'property-sunset-invalid':                 [W, W],
  'property-required-added':                 [B, I],
  'property-required-removed':               [I, B],
  // readOnly / writeOnly / deprecated, and visibility judged at the parent object (request/response contexts only).
  'read-only-set':                           [W, I],
  'read-only-removed':                       [I, I],
  'write-only-set':                          [I, B],
  'write-only-removed':                      [I, I],
  'deprecated-set':                          [I, I],
  'deprecated-removed':                      [I, I],
  'property-shown':                          [I, I],
  'required-property-shown':                 [B, I],
  'property-hidden':                         [W, B],
  // Bounds: narrowing breaks writers (requests); widening may surprise readers (responses: a warning).
  'maximum-increased':                       [I, W],
  'maximum-decreased':                       [B, I],
  'maximum-set':                             [B, I],
  'maximum-removed':                         [I, W],
  'exclusive-maximum-set':                   [B, I],
  'exclusive-maximum-removed':               [I, W],
  'minimum-increased':                       [B, I],
  'minimum-decreased':                       [I, W],
  'minimum-set':                             [B, I],
  'minimum-removed':                         [I, W],
  'exclusive-minimum-set':                   [B, I],
  'exclusive-minimum-removed':               [I, W],
  'multiple-of-set':                         [B, I],
  'multiple-of-removed':                     [I, W],
  'multiple-of-changed':                     [B, W],
  'max-length-increased':                    [I, W],
  'max-length-decreased':                    [B, I],
  'max-length-set':                          [B, I],
  'max-length-removed':                      [I, W],
  'min-length-increased':                    [B, I],
  'min-length-decreased':                    [I, W],
  'min-length-set':                          [B, I],
  'min-length-removed':                      [I, W],
  'pattern-set':                             [B, I],
  'pattern-removed':                         [I, W],
  'pattern-changed':                         [W, W],
  'max-items-increased':                     [I, W],
  'max-items-decreased':                     [B, I],
  'max-items-set':                           [B, I],
  'max-items-removed':                       [I, W],
  'min-items-increased':                     [B, I],
  'min-items-decreased':                     [I, W],
  'min-items-set':                           [B, I],
  'min-items-removed':                       [I, W],
  'unique-items-set':                        [B, I],
  'unique-items-removed':                    [I, W],
  'max-properties-increased':                [I, W],
  'max-properties-decreased':                [B, I],
  'max-properties-set':                      [B, I],
  'max-properties-removed':                  [I, W],
  'min-properties-increased':                [B, I],
  'min-properties-decreased':                [I, W],
  'min-properties-set':                      [B, I],
  'min-properties-removed':                  [I, W],
  // additionalProperties, default, const.
  'additional-properties-closed-set':        [B, I],
  'additional-properties-closed-removed':    [I, W],
  'default-set':                             [I, I],
  'default-removed':                         [W, I],
  'default-changed':                         [W, I],
  'const-set':                               [B, I],
  'const-removed':                           [I, W],
  'const-changed':                           [B, B],
  // Composition and discriminators.
  'one-of-branch-added':                     [I, W],
  'one-of-branch-removed':                   [B, I],
  'one-of-branch-added-overlapping':         [B, B],
  'any-of-branch-added':                     [I, W],
  'any-of-branch-removed':                   [B, I],
  'all-of-branch-added':                     [B, I],
  'all-of-branch-removed':                   [I, W],
  'discriminator-set':                       [W, W],
  'discriminator-removed':                   [W, W],
  'discriminator-property-changed':          [B, B],
  'discriminator-mapping-added':             [I, W],
  'discriminator-mapping-removed':           [B, I],
  'discriminator-mapping-changed':           [B, B],
  // JSON Schema 2020-12 / OpenAPI 3.1 keywords.
  'contains-set':                            [B, I],
  'contains-removed':                        [I, W],
  'min-contains-increased':                  [B, I],
  'min-contains-decreased':                  [I, W],
  'max-contains-increased':                  [I, W],
  'max-contains-decreased':                  [B, I],
  'max-contains-set':                        [B, I],
  'max-contains-removed':                    [I, W],
  'items-closed-set':                        [B, I],
  'items-closed-removed':                    [I, W],
  'prefix-items-added':                      [I, W],
  'prefix-items-removed':                    [B, I],
  'dependent-required-added':                [B, I],
  'dependent-required-removed':              [I, W],
  'dependent-schema-added':                  [B, I],
  'dependent-schema-removed':                [I, W],
  'if-changed':                              [W, W],
  'conditional-branch-added':                [B, I],
  'conditional-branch-removed':              [I, W],
  'pattern-property-added':                  [B, I],
  'pattern-property-removed':                [I, W],
  'pattern-property-opened':                 [I, W],
  'pattern-property-closed':                 [B, I],
  'property-names-set':                      [B, I],
  'property-names-removed':                  [I, W],
  'unevaluated-properties-closed-set':       [B, I],
  'unevaluated-properties-closed-removed':   [I, W],
  'unevaluated-items-closed-set':            [B, I],
  'unevaluated-items-closed-removed':        [I, W],
  'content-encoding-set':                    [W, W],
  'content-encoding-removed':                [W, W],
  'content-encoding-changed':                [B, B],
  // XML (issue 8 item 7): element/attribute names and wrapping are the wire for XML readers and writers alike.
  'xml-name-changed':                        [B, B],
  'xml-namespace-changed':                   [B, B],
  'xml-attribute-changed':                   [B, B],
  'xml-wrapped-changed':                     [B, B],
  'xml-prefix-changed':                      [W, W],
  'content-media-type-set':                  [I, I],
  'content-media-type-removed':              [I, I],
  'content-media-type-changed':              [W, W],
  'content-schema-set':                      [B, I],
  'content-schema-removed':                  [I, W],
  'not-set':                                 [B, I],
  'not-removed':                             [I, W],
  'definition-added':                        [I, I],
  'definition-removed':                      [I, I],
  'examples-changed':                        [I, I],
};

/** Checks that exist only for bodies (XML has no meaning in a parameter or header): no request-parameter-/response-header- ids. */
export const BODY_ONLY: ReadonlySet<string> = new Set(['xml-name-changed', 'xml-namespace-changed', 'xml-attribute-changed', 'xml-wrapped-changed', 'xml-prefix-changed']);

/** Checks that only exist with a direction (readOnly/writeOnly mean nothing without one): no schema-/webhook- ids. */
export const DIRECTED_ONLY: ReadonlySet<string> = new Set(['property-shown', 'required-property-shown', 'property-hidden']);

/** Schema checks reported under one id in every context (something users search for by one name). */
export const ONE_ID_POLICY: Readonly<Record<string, Level>> = {
  // A keyword no check models changed: we cannot tell which way it cuts.
  'schema-keyword-changed': W,
  // `required` names a property the schema does not declare (slurmrestd's `nodes/count`).
  'schema-required-undeclared': W,
};

/** Every other rule: operations, parameters, bodies, responses, security, servers, components, webhooks. */
export const OTHER_POLICY: Readonly<Record<string, Level>> = {
  // Operations: removing one breaks its callers unless it was deprecated and its sunset passed.
  'endpoint-added':                                    I,
  'endpoint-deprecation-removed':                      I,
  'endpoint-deprecation-set':                          I,
  'endpoint-operation-id-added':                       I,
  'endpoint-operation-id-changed':                     W,
  'endpoint-operation-id-removed':                     W,
  'endpoint-removed':                                  B,
  'endpoint-removed-before-sunset':                    B,
  'endpoint-removed-deprecated':                       I,
  'endpoint-sunset-changed':                           I,
  'endpoint-sunset-invalid':                           W,
  'endpoint-sunset-removed':                           I,
  'endpoint-sunset-set':                               I,
  'endpoint-tag-added':                                I,
  'endpoint-tag-removed':                              I,
  // Operation security: a requirement clients must now meet breaks them; one fewer is news.
  'endpoint-security-removed':                         I,
  'endpoint-security-requirement-added':               I,
  'endpoint-security-requirement-removed':             B,
  'endpoint-security-requirement-scheme-added':        B,
  'endpoint-security-scope-added':                     B,
  'endpoint-security-scope-removed':                   I,
  'endpoint-security-set':                             B,
  // Request parameters and bodies (written by clients).
  'request-body-added':                                I,
  'request-body-media-type-added':                     I,
  'request-body-media-type-removed':                   B,
  'request-body-removed':                              W,
  'request-body-required-added':                       B,
  'request-body-required-removed':                     I,
  'request-parameter-added':                           I,
  'request-parameter-allow-empty-value-removed':       B,
  'request-parameter-allow-empty-value-set':           I,
  'request-parameter-deprecation-removed':             I,
  'request-parameter-deprecation-set':                 I,
  'request-parameter-explode-changed':                 B,
  'request-parameter-removed':                         W,
  'request-parameter-removed-before-sunset':           W,
  'request-parameter-removed-deprecated':              I,
  'request-parameter-required-added':                  B,
  'request-parameter-required-removed':                I,
  'request-parameter-style-changed':                   B,
  'request-parameter-sunset-invalid':                  W,
  'request-path-parameter-renamed':                    I,
  'request-required-body-added':                       B,
  'request-required-parameter-added':                  B,
  // Responses (read by clients).
  'response-header-added':                             I,
  'response-header-removed':                           W,
  'response-header-required-added':                    I,
  'response-header-required-removed':                  B,
  'response-media-type-added':                         I,
  'response-media-type-removed':                       B,
  'response-non-success-status-added':                 I,
  'response-non-success-status-removed':               W,
  'response-required-header-removed':                  B,
  'response-success-status-added':                     I,
  'response-success-status-removed':                   B,
  // API-wide security, security schemes and OAuth2 flows.
  'api-security-removed':                              I,
  'api-security-requirement-added':                    I,
  'api-security-requirement-removed':                  B,
  'api-security-requirement-scheme-added':             B,
  'api-security-scheme-added':                         I,
  'api-security-scheme-authorization-url-changed':     W,
  'api-security-scheme-bearer-format-changed':         I,
  'api-security-scheme-flow-added':                    I,
  'api-security-scheme-flow-removed':                  B,
  'api-security-scheme-in-changed':                    B,
  'api-security-scheme-name-changed':                  B,
  'api-security-scheme-open-id-connect-url-changed':   W,
  'api-security-scheme-refresh-url-changed':           I,
  'api-security-scheme-removed':                       W,
  'api-security-scheme-scheme-changed':                B,
  'api-security-scheme-scope-added':                   I,
  'api-security-scheme-scope-removed':                 W,
  'api-security-scheme-token-url-changed':             W,
  'api-security-scheme-type-changed':                  B,
  'api-security-scope-added':                          B,
  'api-security-scope-removed':                        I,
  'api-security-set':                                  B,
  // Servers.
  'api-server-added':                                  I,
  'api-server-removed':                                W,
  'api-server-variable-default-changed':               W,
  'api-server-variable-enum-value-added':              I,
  'api-server-variable-enum-value-removed':            W,
  // Components (their uses are judged where they are used).
  'component-schema-added':                            I,
  'component-schema-removed':                          I,
  'component-schema-renamed':                          I,
  // Webhooks: the API writes the request and subscribers read it (judged like a response); subscribers write the answer (judged like a request).
  // Encoding Object of form request bodies (issue 8 item 7): the wire format of each part/field changes.
  'request-body-encoding-content-type-changed':        B,
  'request-body-encoding-style-changed':               B,
  'request-body-encoding-explode-changed':             B,
  'request-body-encoding-allow-reserved-set':          I,
  'request-body-encoding-allow-reserved-removed':      W,
  'request-body-encoding-header-added':                I,
  'request-body-encoding-required-header-added':       B,
  'request-body-encoding-header-removed':              I,
  // The same in a webhook: the API writes, the subscriber reads (unencoded reserved characters and a header it
  // relied on going away hurt the reader; a new required header is the writer's own business).
  'webhook-request-body-encoding-content-type-changed': B,
  'webhook-request-body-encoding-style-changed':       B,
  'webhook-request-body-encoding-explode-changed':     B,
  'webhook-request-body-encoding-allow-reserved-set':  W,
  'webhook-request-body-encoding-allow-reserved-removed': I,
  'webhook-request-body-encoding-header-added':        I,
  'webhook-request-body-encoding-required-header-added': I,
  'webhook-request-body-encoding-header-removed':      W,
  'webhook-added':                                     I,
  'webhook-deprecation-removed':                       I,
  'webhook-deprecation-set':                           I,
  'webhook-operation-id-added':                        I,
  'webhook-operation-id-changed':                      W,
  'webhook-operation-id-removed':                      W,
  'webhook-removed':                                   B,
  'webhook-removed-before-sunset':                     B,
  'webhook-removed-deprecated':                        I,
  'webhook-request-body-added':                        I,
  'webhook-request-body-media-type-added':             W,
  'webhook-request-body-media-type-removed':           B,
  'webhook-request-body-removed':                      B,
  'webhook-request-body-required-added':               I,
  'webhook-request-body-required-removed':             W,
  'webhook-request-parameter-added':                   I,
  'webhook-request-parameter-allow-empty-value-removed': I,
  'webhook-request-parameter-allow-empty-value-set':   W,
  'webhook-request-parameter-deprecation-removed':     I,
  'webhook-request-parameter-deprecation-set':         I,
  'webhook-request-parameter-explode-changed':         B,
  'webhook-request-parameter-removed':                 W,
  'webhook-request-parameter-removed-before-sunset':   W,
  'webhook-request-parameter-removed-deprecated':      I,
  'webhook-request-parameter-required-added':          I,
  'webhook-request-parameter-required-removed':        W,
  'webhook-request-parameter-style-changed':           B,
  'webhook-request-parameter-sunset-invalid':          W,
  'webhook-request-required-body-added':               I,
  'webhook-request-required-parameter-added':          I,
  'webhook-response-header-added':                     I,
  'webhook-response-header-removed':                   I,
  'webhook-response-header-required-added':            B,
  'webhook-response-header-required-removed':          I,
  'webhook-response-media-type-added':                 I,
  'webhook-response-media-type-removed':               B,
  'webhook-response-non-success-status-added':         I,
  'webhook-response-non-success-status-removed':       W,
  'webhook-response-required-header-removed':          I,
  'webhook-response-success-status-added':             I,
  'webhook-response-success-status-removed':           B,
  'webhook-sunset-changed':                            I,
  'webhook-sunset-invalid':                            W,
  'webhook-sunset-removed':                            I,
  'webhook-sunset-set':                                I,
  'webhook-tag-added':                                 I,
  'webhook-tag-removed':                               I,
};

const stricter = (a: Level, b: Level): Level => (a === B || b === B ? B : a === W || b === W ? W : I);

/** Every rule id the policy names, with its level. */
export function expectedLevels(): Map<string, Level> {
  const levels = new Map<string, Level>();
  for (const [what, [request, response]] of Object.entries(SCHEMA_POLICY)) {
    levels.set(`request-${what}`, request);
    levels.set(`response-${what}`, response);
    if (!BODY_ONLY.has(what)) {
      levels.set(`request-parameter-${what}`, request);
      levels.set(`response-header-${what}`, response);
    }
    if (DIRECTED_ONLY.has(what)) continue;
    levels.set(`webhook-response-${what}`, request);
    levels.set(`webhook-request-${what}`, response);
    levels.set(`schema-${what}`, stricter(request, response));
  }
  for (const [id, level] of [...Object.entries(ONE_ID_POLICY), ...Object.entries(OTHER_POLICY)]) levels.set(id, level);
  return levels;
}
