/**
 * Helpers every rule file uses to declare its RuleDefs.
 *
 * Schema rules are declared once per check and expanded into one RuleDef per schema context
 * (request body, response body, request parameter, response header, direction unknown), because the
 * same structural change means different things to a client depending on which way the data flows.
 */
// @ts-nocheck

import { SEVERITY, type ChangeKind, type Level, type RuleDef, type Section } from '../model.js';

/**
 * Where a schema is used, which decides the rule id prefix and the level. In a webhook the API sends the
 * request and the subscriber answers it, so the direction is flipped: `webhook-request` (body and parameters
 * the API sends) is judged like a response, `webhook-response` (what subscribers send back) like a request.
 */
export type SchemaCtx = 'request' | 'response' | 'parameter' | 'header' | 'schema' | 'webhook-request' | 'webhook-response';
export const SCHEMA_CTXS: readonly SchemaCtx[] = ['request', 'response', 'parameter', 'header', 'schema', 'webhook-request', 'webhook-response'];

/**
 * Which way the data flows, seen from the API's users: `request` = written by the client (or subscriber) and
 * read by the API, `response` = written by the API and read by its users; undefined = unknown.
 */
export function directionOf(ctx: SchemaCtx): 'request' | 'response' | undefined {
  if (ctx === 'request' || ctx === 'parameter' || ctx === 'webhook-response') return 'request';
  if (ctx === 'response' || ctx === 'header' || ctx === 'webhook-request') return 'response';
  return undefined;
}

export const CTX_PREFIX: Record<SchemaCtx, string> = {
  request: 'request',
  response: 'response',
  parameter: 'request-parameter',
  header: 'response-header',
  schema: 'schema',
  'webhook-request': 'webhook-request',
  'webhook-response': 'webhook-response',
};

const CTX_NOUN: Record<SchemaCtx, string> = {
  request: 'request body schema',
  response: 'response body schema',
  parameter: 'request parameter schema',
  header: 'response header schema',
  schema: 'schema (direction unknown)',
  'webhook-request': 'webhook request schema (sent by the API to subscribers)',
  'webhook-response': 'webhook response schema (sent back by subscribers)',
};

export const maxLevel = (a: Level, b: Level): Level => (SEVERITY[a] >= SEVERITY[b] ? a : b);

/** +: something appeared / grew, -: disappeared / shrank, ~: changed in place. Used to check diff(a,b) mirrors diff(b,a). */
export type Polarity = '+' | '-' | '~';

export interface SchemaRuleSpec {
  /** The id without the context prefix, e.g. `property-removed`. */
  what: string;
  kind: ChangeKind;
  /** Level when data flows client → server (request body, parameters) and server → client (response body, headers). */
  request: Level;
  response: Level;
  /** One line; `{in}` is replaced by the context noun (e.g. "response body schema"). */
  doc: string;
  /** Rules of one family mirror each other: diff(b, a) reports the opposite polarity of the same family. */
  family: string;
  polarity: Polarity;
  /** The contexts the rule can be reported in (default: all); e.g. visibility only exists with a direction. */
  contexts?: readonly SchemaCtx[];
}

export interface SchemaRuleDef extends RuleDef {
  ctx: SchemaCtx;
  family: string;
  polarity: Polarity;
}

export interface SchemaRule {
  what: string;
  family: string;
  polarity: Polarity;
  byCtx: Record<SchemaCtx, SchemaRuleDef>;
  /** The contexts whose ids exist (are documented and can be reported). */
  contexts: readonly SchemaCtx[];
}

export function schemaRule(spec: SchemaRuleSpec): SchemaRule {
  const levelFor = (ctx: SchemaCtx): Level => {
    const direction = directionOf(ctx);
    return direction === 'request' ? spec.request : direction === 'response' ? spec.response : maxLevel(spec.request, spec.response); // direction unknown: be conservative
  };
  const byCtx = {} as Record<SchemaCtx, SchemaRuleDef>;
  for (const ctx of SCHEMA_CTXS) {
    byCtx[ctx] = {
      id: `${CTX_PREFIX[ctx]}-${spec.what}`,
      level: levelFor(ctx),
      kind: spec.kind,
      section: ctx === 'schema' ? 'components' : ctx.startsWith('webhook-') ? 'webhooks' : 'paths',
      doc: spec.doc.replace('{in}', CTX_NOUN[ctx]),
      ctx,
      family: spec.family,
      polarity: spec.polarity,
    };
  }
  return { what: spec.what, family: spec.family, polarity: spec.polarity, byCtx, contexts: spec.contexts ?? SCHEMA_CTXS };
}

export const rule = (id: string, level: Level, kind: ChangeKind, section: Section, doc: string): RuleDef => ({
  id,
  level,
  kind,
  section,
  doc,
});

/**
 * A schema rule reported under one fixed id in every context (`schema-keyword-changed`,
 * `schema-required-undeclared`): what it reports is no change of the API in one direction but something the
 * user looks for by one name. Levels stay per context (as declared), sections too (paths, webhooks, components).
 */
export function oneIdInEveryContext(r: SchemaRule, id: string): SchemaRule {
  for (const ctx of SCHEMA_CTXS) r.byCtx[ctx] = { ...r.byCtx[ctx], id, doc: r.byCtx.schema.doc };
  return r;
}
