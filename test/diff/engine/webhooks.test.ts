/**
 * Webhooks (OpenAPI 3.1, issue 8 item 2): compared like paths, matched by name + method, with the direction
 * flipped — what the API sends (the webhook request) is judged like a response, what subscribers send back
 * (the webhook's responses) like a request. Expected ids and levels are written by hand.
 */
import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import { renderReport } from '../../../src/diff/formats/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { errorsOf, validateReport } from '../formats/validators.js';
import { fixturePath, readSpec } from './helpers.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const oldSpec = readSpec(fixturePath('webhooks', 'old.yaml'));
const newSpec = readSpec(fixturePath('webhooks', 'new.yaml'));
const row = (r: DiffReport) =>
  r.changes.map((c) => [c.section, c.level, c.id, c.location, c.operations.map((o) => `${o.webhook ? 'webhook ' : ''}${o.method} ${o.path}`).join(', ')]);

describe('webhooks fixture (fixtures/webhooks)', () => {
  // Diffed inside each test, not once in the describe body: Stryker counts code run while a file is collected as
  // "static" and runs every test against each of its mutants (docs/testing.md, "Mutation score").
  const diffFixture = () => diffSpecs(oldSpec, newSpec, { now: NOW });

  it('reports every change once, with webhook ids, flipped levels and the webhook operations', () => {
    const report = diffFixture();
    expect(row(report)).toEqual([
      // Pet is shared by a path response and the webhook payload: one finding naming both uses (item 11), led by
      // the response (same level: the path use leads), the webhook use in alsoAs.
      ['paths', 'info', 'response-max-length-set', '#/components/schemas/Pet/properties/name', 'GET /pets, webhook POST newPet, webhook POST petSold'],
      // Ack is what subscribers answer: a property becoming required there breaks them (like a request).
      ['webhooks', 'breaking', 'webhook-response-property-required-added', '#/components/schemas/Ack', 'webhook POST newPet'],
      // PetEvent is what subscribers read: a removed property breaks them, a required one added does not.
      ['webhooks', 'breaking', 'webhook-request-property-removed', '#/components/schemas/PetEvent', 'webhook POST newPet, webhook POST petSold'],
      ['webhooks', 'info', 'webhook-request-required-property-added', '#/components/schemas/PetEvent', 'webhook POST newPet, webhook POST petSold'],
      ['webhooks', 'warning', 'webhook-request-parameter-removed', 'WEBHOOK newPet POST', 'webhook POST newPet'],
      ['webhooks', 'breaking', 'webhook-response-success-status-removed', 'WEBHOOK newPet POST', 'webhook POST newPet'],
      ['webhooks', 'info', 'webhook-added', 'WEBHOOK petFound POST', 'webhook POST petFound'],
      ['webhooks', 'breaking', 'webhook-removed', 'WEBHOOK petLost POST', 'webhook POST petLost'],
      // Deprecated, and its x-sunset (2025-06-01) has passed.
      ['webhooks', 'info', 'webhook-removed-deprecated', 'WEBHOOK petRetired POST', 'webhook POST petRetired'],
    ]);
    expect(report.changes[0].alsoAs).toEqual([{ id: 'webhook-request-max-length-set', level: 'info' }]);
    expect(report.summary).toEqual({ breaking: 4, warning: 1, info: 4, accepted: 0, total: 9 });
  });

  it('is empty against itself, and mirrors: added ↔ removed, the same places', () => {
    expect(diffSpecs(oldSpec, structuredClone(oldSpec), { now: NOW }).changes).toEqual([]);
    expect(diffSpecs(newSpec, structuredClone(newSpec), { now: NOW }).changes).toEqual([]);
    const back = diffSpecs(newSpec, oldSpec, { now: NOW });
    expect(row(back)).toEqual([
      // A bound removed from what the API sends widens it: a warning, in a response and in a webhook payload alike.
      ['paths', 'warning', 'response-max-length-removed', '#/components/schemas/Pet/properties/name', 'GET /pets, webhook POST newPet, webhook POST petSold'],
      ['webhooks', 'info', 'webhook-response-property-required-removed', '#/components/schemas/Ack', 'webhook POST newPet'],
      ['webhooks', 'info', 'webhook-request-property-added', '#/components/schemas/PetEvent', 'webhook POST newPet, webhook POST petSold'],
      ['webhooks', 'breaking', 'webhook-request-property-removed', '#/components/schemas/PetEvent', 'webhook POST newPet, webhook POST petSold'],
      ['webhooks', 'info', 'webhook-request-parameter-added', 'WEBHOOK newPet POST', 'webhook POST newPet'],
      ['webhooks', 'info', 'webhook-response-success-status-added', 'WEBHOOK newPet POST', 'webhook POST newPet'],
      ['webhooks', 'breaking', 'webhook-removed', 'WEBHOOK petFound POST', 'webhook POST petFound'],
      ['webhooks', 'info', 'webhook-added', 'WEBHOOK petLost POST', 'webhook POST petLost'],
      ['webhooks', 'info', 'webhook-added', 'WEBHOOK petRetired POST', 'webhook POST petRetired'],
    ]);
  });

  it('text and markdown group webhook changes under their webhook, after the paths', () => {
    const report = diffFixture();
    const text = renderReport(report, 'text', { color: false });
    const headings = text.split('\n').filter((l) => /^(GET|WEBHOOK) /.test(l));
    // petSold has no heading of its own: its only changes are shared with newPet and listed there.
    expect(headings).toEqual(['GET /pets  listPets', 'WEBHOOK newPet POST  onNewPet', 'WEBHOOK petFound POST  onPetFound', 'WEBHOOK petLost POST  onPetLost', 'WEBHOOK petRetired POST  onPetRetired']);
    // Under newPet, the shared change names the other webhook it affects.
    expect(text).toMatch(/webhook-request-property-removed .*also affects WEBHOOK petSold POST/);
    const md = renderReport(report, 'markdown', { color: false });
    expect(md).toContain('`WEBHOOK newPet POST`');
  });

  it('json marks webhook operations and validates against docs/report.schema.json', () => {
    const report = diffFixture();
    const json = JSON.parse(renderReport(report, 'json', { color: false }));
    expect(validateReport(json), errorsOf(validateReport)).toBe(true);
    expect(json.changes.find((c: { id: string }) => c.id === 'webhook-added').operations).toEqual([{ method: 'POST', path: 'petFound', operationId: 'onPetFound', webhook: true }]);
    expect(json.changes.find((c: { id: string }) => c.id === 'response-max-length-set').operations).toEqual([
      { method: 'GET', path: '/pets', operationId: 'listPets' },
      { method: 'POST', path: 'newPet', operationId: 'onNewPet', webhook: true },
      { method: 'POST', path: 'petSold', operationId: 'onPetSold', webhook: true },
    ]);
  });
});

/** A 3.1 spec with one webhook `event` (POST) sending `payload` and receiving `answer`, and GET /things. */
function hooks(payload: JsonObject, answer: JsonObject, extra: JsonObject = {}): JsonObject {
  const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    webhooks: { event: { post: { requestBody: { required: true, ...json(payload) }, responses: { '200': { description: 'ok', ...json(answer) } } } } },
    ...extra,
  };
}
const obj = (properties: JsonObject, required: string[] = []): JsonObject => ({ type: 'object', properties, ...(required.length ? { required } : {}) });
const str = { type: 'string' };
const levels = (r: DiffReport) => r.changes.map((c) => `${c.id} ${c.level}`);

describe('direction inside a webhook', () => {
  it('the payload is read by subscribers: a removed property breaks, an enum value added warns like a response', () => {
    const before = hooks(obj({ a: str, kind: { type: 'string', enum: ['x'] } }), obj({}));
    const after = hooks(obj({ kind: { type: 'string', enum: ['x', 'y'] } }), obj({}));
    expect(levels(diffSpecs(before, after))).toEqual(['webhook-request-property-removed breaking', 'webhook-request-enum-value-added warning']);
  });

  it('the answer is written by subscribers: a new required property breaks, a removed one only warns like a request', () => {
    expect(levels(diffSpecs(hooks(obj({}), obj({ a: str })), hooks(obj({}), obj({ a: str, b: str }, ['b']))))).toEqual(['webhook-response-required-property-added breaking']);
    expect(levels(diffSpecs(hooks(obj({}), obj({ a: str })), hooks(obj({}), obj({}))))).toEqual(['webhook-response-property-removed warning']);
  });

  it('readOnly data is part of what the API sends; writeOnly data is not', () => {
    const payload = (props: JsonObject) => hooks(obj(props), obj({}));
    const ro = { type: 'string', readOnly: true };
    const wo = { type: 'string', writeOnly: true };
    expect(levels(diffSpecs(payload({ id: ro, secret: wo }), payload({ secret: wo })))).toEqual(['webhook-request-property-removed breaking']);
    expect(diffSpecs(payload({ id: ro, secret: wo }), payload({ id: ro })).changes).toEqual([]);
    // …and in the subscribers' answer the reverse: readOnly properties are not theirs to send.
    const answer = (props: JsonObject) => hooks(obj({}), obj(props));
    expect(diffSpecs(answer({ id: ro, note: str }), answer({ note: str })).changes).toEqual([]);
  });

  it('a body the API stops sending breaks subscribers; a media type it starts sending warns', () => {
    const noBody = hooks(obj({}), obj({}));
    delete ((noBody.webhooks as JsonObject).event as { post: JsonObject }).post.requestBody;
    expect(levels(diffSpecs(hooks(obj({}), obj({})), noBody))).toEqual(['webhook-request-body-removed breaking']);
    const xml = hooks(obj({}), obj({}));
    const body = (((xml.webhooks as JsonObject).event as { post: JsonObject }).post.requestBody as { content: JsonObject }).content;
    body['application/xml'] = { schema: obj({}) };
    expect(levels(diffSpecs(hooks(obj({}), obj({})), xml))).toEqual(['webhook-request-body-media-type-added warning']);
  });

  it('a schema only a webhook uses is used: its change is a webhook change, not an unused component', () => {
    const ref = { $ref: '#/components/schemas/Payload' };
    const spec = (p: JsonObject) => hooks(ref, obj({}), { components: { schemas: { Payload: p } } });
    const report = diffSpecs(spec(obj({ a: str, b: str })), spec(obj({ a: str })));
    expect(row(report)).toEqual([['webhooks', 'breaking', 'webhook-request-property-removed', '#/components/schemas/Payload', 'webhook POST event']]);
  });

  it('webhooks are matched by name and method, never with paths of the same name', () => {
    const asPath = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { event: { post: { responses: { '200': { description: 'ok' } } } } } };
    const asHook = { openapi: '3.1.0', info: { title: 't', version: '1' }, webhooks: { event: { post: { responses: { '200': { description: 'ok' } } } } } };
    expect(levels(diffSpecs(asPath, asHook))).toEqual(['endpoint-removed breaking', 'webhook-added info']);
    const put = structuredClone(asHook) as { webhooks: { event: JsonObject } };
    put.webhooks.event = { put: put.webhooks.event.post };
    expect(levels(diffSpecs(asHook, put))).toEqual(['webhook-removed breaking', 'webhook-added info']);
  });
});

describe('--exclude-extension on webhooks', () => {
  it('a webhook operation marked x-internal neither appears nor disappears', async () => {
    const { excludeMarked } = await import('../../../src/openapi/filter.js');
    const internal = structuredClone(newSpec) as { webhooks: Record<string, { post: JsonObject }> };
    internal.webhooks.petFound.post['x-internal'] = true;
    const ids = (o: JsonObject, n: JsonObject) => diffSpecs(excludeMarked(o, ['x-internal']), excludeMarked(n, ['x-internal']), { now: NOW }).changes.map((c) => c.id);
    expect(ids(oldSpec, newSpec)).toContain('webhook-added');
    expect(ids(oldSpec, internal as JsonObject)).not.toContain('webhook-added');
    expect(ids(oldSpec, internal as JsonObject)).toHaveLength(8); // the 9 findings above less webhook-added
  });
});

describe('webhook rule ids', () => {
  it('every operation-level paths rule has a webhook variant (security and path-template renames do not apply)', async () => {
    const { ALL_RULES, OTHER_RULE_DEFS } = await import('../../../src/diff/rules/index.js');
    const { webhookIdOf } = await import('../../../src/diff/rules/webhook.js');
    const ids = new Set(ALL_RULES.map((r) => r.id));
    const missing = OTHER_RULE_DEFS.filter((r) => r.section === 'paths' && !r.id.startsWith('endpoint-security-') && r.id !== 'request-path-parameter-renamed')
      .map((r) => r.id)
      .filter((id) => !ids.has(webhookIdOf(id)));
    expect(missing, 'add a row to src/diff/rules/webhook.ts for each').toEqual([]);
    // Hand-picked levels where the flip matters.
    const level = (id: string) => ALL_RULES.find((r) => r.id === id)?.level;
    expect(level('webhook-removed')).toBe('breaking');
    expect(level('webhook-request-required-parameter-added')).toBe('info');
    expect(level('webhook-request-parameter-required-removed')).toBe('warning');
    expect(level('webhook-request-body-removed')).toBe('breaking');
    expect(level('webhook-response-header-required-added')).toBe('breaking');
    expect(level('webhook-response-required-header-removed')).toBe('info');
    expect(level('webhook-request-property-removed')).toBe('breaking');
    expect(level('webhook-response-property-removed')).toBe('warning');
    expect(level('webhook-response-required-property-added')).toBe('breaking');
    expect(level('webhook-request-required-property-added')).toBe('info');
  });
});
