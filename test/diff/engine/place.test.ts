/**
 * Where a change is reported (issue 8, items 9–13), on small specs written for each case: the expected rule
 * ids, levels and locations are written down by hand.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/diff/classify/classify.js';
import { EMPTY_POLICY } from '../../../src/diff/classify/policy.js';
import { parseSeverityArg } from '../../../src/diff/classify/severity.js';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import { renderReport } from '../../../src/diff/formats/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import type { JsonObject } from '../../../src/openapi/types.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ content: { 'application/json': { schema } } });
const int = { type: 'integer' };
const str = { type: 'string' };
const obj = (properties: JsonObject, extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...extra });

/** A spec whose GET /<name> answers each given schema (and POST /<name> takes it, when `post` lists it). */
function api(responses: Record<string, JsonObject>, schemas: Record<string, JsonObject>, requests: Record<string, JsonObject> = {}): JsonObject {
  const paths: JsonObject = {};
  for (const [path, schema] of Object.entries(responses)) paths[path] = { get: { responses: { '200': { description: 'ok', ...json(schema) } } } };
  for (const [path, schema] of Object.entries(requests)) {
    paths[path] = { ...((paths[path] as JsonObject) ?? {}), post: { requestBody: json(schema), responses: { '204': { description: 'ok' } } } };
  }
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components: { schemas } };
}

const rows = (r: DiffReport) => r.changes.map((c) => `${c.level} ${c.id} ${c.location}`);

describe('item 9: a property switching between a $ref and an inline schema of another type', () => {
  const short = obj({ id: int, cluster: str });
  const assoc = (id: JsonObject) => obj({ id, name: str });

  it('is reported at the property, not at the named schema (which did not change)', () => {
    const schemas = (id: JsonObject) => ({ Assoc: assoc(id), AssocShort: short, Job: obj({ association: ref('AssocShort') }) });
    const paths = { '/assoc': ref('Assoc'), '/job': ref('Job') };
    const r = diffSpecs(api(paths, schemas(ref('AssocShort'))), api(paths, schemas(int)));
    expect(rows(r)).toEqual(['breaking response-type-changed #/components/schemas/Assoc/properties/id']);
    expect(r.changes[0].operations.map((o) => o.path)).toEqual(['/assoc']);
    // The reverse edit is the mirror image, at the same place.
    const back = diffSpecs(api(paths, schemas(int)), api(paths, schemas(ref('AssocShort'))));
    expect(rows(back)).toEqual(['breaking response-type-changed #/components/schemas/Assoc/properties/id']);
  });

  it('reports each of several properties that change the same way (Slinky: float64_no_val_struct → number)', () => {
    const struct = obj({ set: { type: 'boolean' }, infinite: { type: 'boolean' }, number: { type: 'number' } });
    const node = (p: (name: string) => JsonObject) => obj({ load: p('load'), power: p('power'), temp: p('temp'), name: str });
    const paths = { '/node': ref('Node') };
    const old = api(paths, { Node: node(() => ref('Float64NoValStruct')), Float64NoValStruct: struct });
    const neu = api(paths, { Node: node(() => ({ type: 'number' })), Float64NoValStruct: struct });
    const expected = ['load', 'power', 'temp'].map((p) => `breaking response-type-changed #/components/schemas/Node/properties/${p}`);
    expect(rows(diffSpecs(old, neu))).toEqual(expected);
    expect(rows(diffSpecs(neu, old))).toEqual(expected);
  });

  it('in a request and a response: each property at its own place, per direction', () => {
    const struct = obj({ set: { type: 'boolean' }, number: int });
    const paths = { '/job': ref('Job') };
    const job = (p: JsonObject) => obj({ a: p, b: p });
    const old = api(paths, { Job: job(int), U16: struct }, paths);
    const neu = api(paths, { Job: job(ref('U16')), U16: struct }, paths);
    const r = diffSpecs(old, neu);
    expect(rows(r)).toEqual(['breaking request-type-changed #/components/schemas/Job/properties/a', 'breaking request-type-changed #/components/schemas/Job/properties/b']);
    // The response use of each is the same finding (item 11).
    for (const c of r.changes) expect(c.alsoAs).toEqual([{ id: 'response-type-changed', level: 'breaking' }]);
  });

  it('when the new spec inlines the schema in several operations: once, at the old property', () => {
    const short2 = obj({ id: int, cluster: str });
    const old = api({ '/a': ref('Assoc'), '/b': ref('Assoc') }, { Assoc: assoc(ref('AssocShort')), AssocShort: short2 });
    const neu = structuredClone(api({ '/a': assoc(int), '/b': assoc(int) }, {}));
    const r = diffSpecs(old, neu);
    expect(rows(r)).toEqual(['breaking response-type-changed #/components/schemas/Assoc/properties/id']);
    expect(r.changes[0].operations.map((o) => o.path)).toEqual(['/a', '/b']);
  });

  it('a keyword written beside a $ref (slurmrestd `{$ref, deprecated: true}`) is reported at that property', () => {
    const flags = { type: 'array', items: { type: 'string', enum: ['a', 'b'] } };
    const job = (exclusive: JsonObject) => obj({ exclusive, shared: ref('Flags') });
    const paths = { '/job': ref('Job') };
    const old = api(paths, { Job: job(ref('Flags')), Flags: flags });
    const neu = api(paths, { Job: job({ ...ref('Flags'), deprecated: true }), Flags: flags });
    const r = diffSpecs(old, neu);
    expect(rows(r)).toEqual(['info response-deprecated-set #/components/schemas/Job/properties/exclusive']);
    expect(r.changes[0].new?.pointer).toBe('/components/schemas/Job/properties/exclusive/deprecated');
    expect(rows(diffSpecs(neu, old))).toEqual(['info response-deprecated-removed #/components/schemas/Job/properties/exclusive']);
  });

  it('a change inside a shared schema is still reported once, at that schema', () => {
    const paths = { '/a': ref('A'), '/b': ref('B') };
    const schemas = (short2: JsonObject) => ({ A: obj({ s: ref('S') }), B: obj({ t: ref('S'), u: ref('S') }), S: short2 });
    const r = diffSpecs(api(paths, schemas(obj({ id: int }))), api(paths, schemas(obj({ id: str }))));
    expect(rows(r)).toEqual(['breaking response-type-changed #/components/schemas/S/properties/id']);
    expect(r.changes[0].operations.map((o) => o.path)).toEqual(['/a', '/b']);
  });
});

describe('item 9: keywords beside a $ref on the second hop of a ref chain (3.1)', () => {
  // Job.a → $ref Mid; Job.b → {$ref Mid, minLength} (a first hop with its own keyword); Mid → {$ref Leaf, maxLength}.
  const job = obj({ a: ref('Mid'), b: { ...ref('Mid'), minLength: 1 } });
  const spec31 = (mid: JsonObject, leaf: JsonObject = str, b: JsonObject = job): JsonObject => ({
    ...api({ '/job': ref('Job') }, { Job: b, Mid: mid, Leaf: leaf }),
    openapi: '3.1.0',
  });
  const full = (r: DiffReport) => r.changes.map((c) => `${c.level} ${c.id} ${c.location} ${c.old?.pointer} → ${c.new?.pointer}`);

  it('a change of the second hop\'s keyword is reported once, where that keyword is written', () => {
    const r = diffSpecs(spec31({ ...ref('Leaf'), maxLength: 10 }), spec31({ ...ref('Leaf'), maxLength: 5 }));
    expect(full(r)).toEqual(['info response-max-length-decreased #/components/schemas/Mid /components/schemas/Mid/maxLength → /components/schemas/Mid/maxLength']);
    expect(r.changes[0].operations.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /job']);
  });

  it('a keyword added beside the second hop: the side without it points at the same $ref object', () => {
    const plain = spec31(ref('Leaf'));
    const deprecated = spec31({ ...ref('Leaf'), deprecated: true });
    expect(full(diffSpecs(plain, deprecated))).toEqual(['info response-deprecated-set #/components/schemas/Mid /components/schemas/Mid → /components/schemas/Mid/deprecated']);
    expect(full(diffSpecs(deprecated, plain))).toEqual(['info response-deprecated-removed #/components/schemas/Mid /components/schemas/Mid/deprecated → /components/schemas/Mid']);
  });

  it('a change inside the last target stays at the target; one beside the first hop stays at the property', () => {
    const mid = { ...ref('Leaf'), maxLength: 10 };
    const leaf = diffSpecs(spec31(mid, { type: 'string', pattern: '^a' }), spec31(mid, { type: 'string', pattern: '^b' }));
    expect(full(leaf)).toEqual(['warning response-pattern-changed #/components/schemas/Leaf /components/schemas/Leaf/pattern → /components/schemas/Leaf/pattern']);
    const firstHop = diffSpecs(spec31(mid), spec31(mid, str, obj({ a: ref('Mid'), b: { ...ref('Mid'), minLength: 3 } })));
    expect(full(firstHop)).toEqual([
      'info response-min-length-increased #/components/schemas/Job/properties/b /components/schemas/Job/properties/b/minLength → /components/schemas/Job/properties/b/minLength',
    ]);
  });
});

describe('item 10: components no operation uses', () => {
  // Flamenco-style: event payloads that only a message broker sends, described as components no path uses.
  const event = (extra: JsonObject = {}, required: string[] = ['id']) => obj({ id: str, ...extra }, { required });
  const schemas = (e: (n: string) => JsonObject) => ({ JobEvent: e('job'), TaskEvent: e('task'), WorkerEvent: e('worker'), LogEvent: e('log'), Job: obj({ id: str }) });
  const paths = { '/job': ref('Job') };

  it('are reported at info with the note "not used by any operation", never at the worst direction', () => {
    const old = api(paths, schemas(() => event()));
    const neu = api(paths, schemas(() => event({ at: str }, ['id', 'at'])));
    const r = diffSpecs(old, neu);
    expect(r.changes.map((c) => `${c.level} ${c.id} ${c.location} | ${c.message}`)).toEqual(
      ['JobEvent', 'LogEvent', 'TaskEvent', 'WorkerEvent'].map((n) => `info schema-required-property-added #/components/schemas/${n} | required property 'at' added (not used by any operation)`),
    );
    expect(r.summary).toMatchObject({ breaking: 0, warning: 0, info: 4 });
  });

  it('the same edit in a component an operation uses keeps its level', () => {
    const r = diffSpecs(api(paths, { Job: event() }), api(paths, { Job: event({ at: str }, ['id', 'at']) }));
    expect(rows(r)).toEqual(['info response-required-property-added #/components/schemas/Job']);
    const req = diffSpecs(api({}, { Job: event() }, paths), api({}, { Job: event({ at: str }, ['id', 'at']) }, paths));
    expect(rows(req)).toEqual(['breaking request-required-property-added #/components/schemas/Job']);
  });
});

describe('item 13: `required` naming a property that does not exist', () => {
  const res = (required: string[]) => obj({ nodes: obj({ count: int }), cpus: int }, { required });
  const paths = { '/job': ref('JobRes') };

  it('is the warning schema-required-undeclared, once, not "property became required"', () => {
    const old = api(paths, { JobRes: res(['cpus']) }, paths);
    const neu = api(paths, { JobRes: res(['cpus', 'nodes/count']) }, paths);
    const r = diffSpecs(old, neu);
    expect(rows(r)).toEqual(['warning schema-required-undeclared #/components/schemas/JobRes']);
    expect(r.changes[0].message).toBe("required names 'nodes/count', which is no declared property (spec defect)");
    expect(r.changes[0].operations.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /job', 'POST /job']);
    // Dropping such a name fixes the defect: no API change.
    expect(rows(diffSpecs(neu, old))).toEqual([]);
  });

  it('a declared property becoming required is still the ordinary rule; so is a key of a map schema', () => {
    const r = diffSpecs(api(paths, { JobRes: res(['cpus']) }, paths), api(paths, { JobRes: res(['cpus', 'nodes']) }, paths));
    expect(rows(r)).toEqual(['breaking request-property-required-added #/components/schemas/JobRes']);
    const map = (required: string[]) => ({ type: 'object', additionalProperties: int, required });
    const m = diffSpecs(api(paths, { JobRes: map([]) }, paths), api(paths, { JobRes: map(['total']) }, paths));
    expect(rows(m)).toEqual(['breaking request-property-required-added #/components/schemas/JobRes']);
  });
});

describe('item 12: renames only with evidence', () => {
  const noVal = (format: string, defaults: boolean) =>
    obj({
      set: defaults ? { type: 'boolean', default: false } : { type: 'boolean' },
      infinite: defaults ? { type: 'boolean', default: false } : { type: 'boolean' },
      number: { type: 'integer', format },
    });
  const user = (p: string) => obj({ a: ref(p), b: ref(p) });

  it('a nearly identical component under a similar name is "renamed, and changed", its changes reported', () => {
    // Old: U16NoVal and U64NoVal (both int64); new: the *Struct forms, U16 now int32, defaults dropped.
    const old = api({ '/a': user('U16NoVal'), '/b': user('U64NoVal') }, { U16NoVal: noVal('int64', true), U64NoVal: noVal('int64', true) });
    const neu = api({ '/a': user('U16NoValStruct'), '/b': user('U64NoValStruct') }, { U16NoValStruct: noVal('int32', false), U64NoValStruct: noVal('int64', false) });
    const r = diffSpecs(old, neu);
    const renames = r.changes.filter((c) => c.id === 'component-schema-renamed').map((c) => `${c.level} ${c.location} | ${c.message}`);
    // Shape alike for both pairs: the names decide (U16NoVal is not paired with the int64 U64NoValStruct).
    // Scores: U16 12/(12+2+1+1) = 0.75 (two defaults and the format differ), U64 13/15 = 0.87.
    expect(renames).toEqual([
      "info #/components/schemas/U16NoValStruct | component schema 'U16NoVal' renamed to 'U16NoValStruct', and changed (similarity 0.75)",
      "info #/components/schemas/U64NoValStruct | component schema 'U64NoVal' renamed to 'U64NoValStruct', and changed (similarity 0.87)",
    ]);
    expect(r.changes.filter((c) => c.id === 'response-format-changed').map((c) => c.location)).toEqual(['#/components/schemas/U16NoValStruct/properties/number']);
    expect(r.changes.filter((c) => c.id === 'response-default-removed')).toHaveLength(4);
  });

  it('an unused renamed-and-changed component has its changes at info', () => {
    const r = diffSpecs(api({}, { U16NoVal: noVal('int64', false) }), api({}, { U16NoValStruct: noVal('int32', false) }));
    expect(rows(r)).toEqual(['info component-schema-renamed #/components/schemas/U16NoValStruct', 'info schema-format-changed #/components/schemas/U16NoValStruct/properties/number']);
  });

  it('a component that changed a lot, or only looks alike under an unrelated name, is removed and added', () => {
    const person = obj({ id: int, name: str, email: str }, { required: ['id'] });
    const team = obj({ id: int, title: str, size: int });
    const r = diffSpecs(api({}, { Person: person }), api({}, { PersonV2: team }));
    expect(rows(r)).toEqual(['info component-schema-removed #/components/schemas/Person', 'info component-schema-added #/components/schemas/PersonV2']);
    // Nearly the same structure, but nothing in the names links them.
    const near = diffSpecs(api({}, { Person: person }), api({}, { Account: obj({ id: int, name: str, email: str }) }));
    expect(near.changes.map((c) => c.id)).toEqual(['component-schema-added', 'component-schema-removed']);
    // Identical structure is evidence enough, whatever the names.
    expect(rows(diffSpecs(api({}, { Person: person }), api({}, { Account: person })))).toEqual(['info component-schema-renamed #/components/schemas/Account']);
    // The same at the top (type, required) but not below (a property's type): no evidence under unrelated names.
    const below = diffSpecs(api({}, { Person: person }), api({}, { Account: obj({ id: str, name: str, email: str }, { required: ['id'] }) }));
    expect(below.changes.map((c) => c.id)).toEqual(['component-schema-added', 'component-schema-removed']);
  });
});

describe('item 11: once', () => {
  const job = (extra: JsonObject = {}) => obj({ id: int, name: str, ...extra });

  it('an old spec that inlines under paths and keeps an unused component copy: the change once, under the operation', () => {
    // Both versions inline the body and keep an exact, unused copy as a component.
    const spec = (s: JsonObject) => structuredClone(api({ '/job': s }, { Job: s }));
    const r = diffSpecs(spec(job()), spec(job({ state: str })));
    expect(rows(r)).toEqual(["info response-property-added #/paths/~1job/get/responses/200/content/application~1json/schema"]);
    expect(r.changes[0].operations.map((o) => o.path)).toEqual(['/job']);
    // The new version uses the component instead: still once.
    const r2 = diffSpecs(spec(job()), api({ '/job': ref('Job') }, { Job: job({ state: str }) }));
    expect(r2.changes.map((c) => `${c.id} ${c.message}`)).toEqual(["response-property-added optional property 'state' added"]);
    // An unused component that is no copy of anything used is still compared (at info, item 10).
    const r3 = diffSpecs(api({ '/job': job() }, { Other: obj({ a: str }) }), api({ '/job': job() }, { Other: obj({ a: int }) }));
    expect(rows(r3)).toEqual(['info schema-type-changed #/components/schemas/Other/properties/a']);
  });

  it('an unused component copy written with its keys in another order is still a copy: the change once', () => {
    // A separate object (not shared with the inline one), keys reversed at every level: equal content, key order aside.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
    const spec = (s: JsonObject) => api({ '/job': structuredClone(s) }, { Job: reversed(structuredClone(s)) as JsonObject });
    const r = diffSpecs(spec(job()), spec(job({ state: str })));
    expect(rows(r)).toEqual(["info response-property-added #/paths/~1job/get/responses/200/content/application~1json/schema"]);
    // A component that differs from the inline schema (one more property) is no copy: compared on its own.
    const other = (s: JsonObject) => api({ '/job': structuredClone(s) }, { Job: { ...structuredClone(s), properties: { ...(s.properties as JsonObject), extra: str } } });
    expect(rows(diffSpecs(other(job()), other(job({ state: str }))))).toEqual([
      'info response-property-added #/paths/~1job/get/responses/200/content/application~1json/schema',
      'info schema-property-added #/components/schemas/Job',
    ]);
  });

  it('request and response uses of one schema change are one finding naming both, at the worse level', () => {
    const flags = (values: string[]) => ({ type: 'array', items: { type: 'string', enum: values } });
    const paths = { '/acct': ref('Account') };
    const acct = (values: string[]) => ({ Account: obj({ flags: ref('Flags') }), Flags: flags(values) });
    const r = diffSpecs(api(paths, acct(['A']), paths), api(paths, acct(['A', 'B']), paths));
    expect(r.changes.map((c) => [c.level, c.id, c.location, c.alsoAs])).toEqual([
      ['warning', 'response-enum-value-added', '#/components/schemas/Flags/items', [{ id: 'request-enum-value-added', level: 'info' }]],
    ]);
    expect(r.changes[0].operations.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /acct', 'POST /acct']);
    expect(r.summary).toMatchObject({ warning: 1, total: 1 });
  });

  // slurmrestd v0.0.41 inlines `error` in every response; v0.0.41+prefer_refs references one component.
  const error = obj({ description: str, error_number: int });
  const errors = (items: JsonObject) => obj({ errors: { type: 'array', items } });

  it('one schema inlined in several places, referenced in the new spec and edited there: once, at the schema', () => {
    const old = api({ '/jobs': errors(error), '/nodes': errors(error) }, {});
    const neu = (e: JsonObject) => api({ '/jobs': errors(ref('Error')), '/nodes': errors(ref('Error')) }, { Error: e });
    expect(diffSpecs(old, neu(error)).changes).toEqual([]);
    const r = diffSpecs(old, neu({ ...error, type: 'string' }));
    expect(rows(r)).toEqual(['breaking response-type-changed #/components/schemas/Error']);
    expect(r.changes[0].operations.map((o) => o.path)).toEqual(['/jobs', '/nodes']);
    // A request copy and a response copy of one schema, edited once: one finding naming both uses.
    const u32 = (format: string) => obj({ set: { type: 'boolean' }, number: { type: 'integer', format } });
    const job = (limit: JsonObject) => ({ '/job': obj({ limit }) });
    const r2 = diffSpecs(api(job(u32('int32')), {}, job(u32('int32'))), api(job(ref('U32')), { U32: u32('int64') }, job(ref('U32'))));
    expect(r2.changes.map((c) => [c.level, c.id, c.location, c.alsoAs])).toEqual([
      ['warning', 'request-format-changed', '#/components/schemas/U32/properties/number', [{ id: 'response-format-changed', level: 'warning' }]],
    ]);
  });

  it('…but where the old places are no copies of the schema (number → a new struct schema), each place is reported', () => {
    const struct = obj({ set: { type: 'boolean' }, number: { type: 'number' } });
    const node = (p: JsonObject) => obj({ load: p, power: p });
    const r = diffSpecs(api({ '/node': node({ type: 'number' }) }, {}), api({ '/node': node(ref('F64NoValStruct')) }, { F64NoValStruct: struct }));
    const at = '#/paths/~1node/get/responses/200/content/application~1json/schema/properties';
    expect(rows(r)).toEqual([`breaking response-type-changed ${at}/load`, `breaking response-type-changed ${at}/power`]);
  });
});

describe('item 11: a finding with several uses, classified and rendered', () => {
  const flags = (values: string[]) => ({ type: 'array', items: { type: 'string', enum: values } });
  const paths = { '/acct': ref('Flags') };
  // Diffed inside each test, not once in the describe body: Stryker counts code run while a file is collected as
  // "static" and runs every test against each of its mutants (docs/testing.md, "Mutation score").
  const diffFlags = () => diffSpecs(api(paths, { Flags: flags(['A']) }, paths), api(paths, { Flags: flags(['A', 'B']) }, paths));

  it('severity overrides and rule filters apply to each use; the most severe use left leads', () => {
    const report = diffFlags();
    const down = classify(report, { ...EMPTY_POLICY, severity: [parseSeverityArg('response-enum-value-added=info')] });
    // Tied: the engine's lead stays (its fingerprint is the finding's).
    expect(down.changes.map((c) => [c.id, c.level, c.alsoAs])).toEqual([['response-enum-value-added', 'info', [{ id: 'request-enum-value-added', level: 'info' }]]]);
    const off = classify(report, { ...EMPTY_POLICY, severity: [parseSeverityArg('response-*=off')] });
    expect(off.changes.map((c) => [c.id, c.level, c.alsoAs])).toEqual([['request-enum-value-added', 'info', undefined]]);
    expect(off.changes[0].fingerprint).toBe(report.changes[0].fingerprint);
    const none = classify(report, { ...EMPTY_POLICY, filters: { includeRules: [], excludeRules: ['*-enum-value-added'], includePaths: [], excludePaths: [] } });
    expect(none.changes).toEqual([]);
  });

  it('text, markdown, json, singleline and html name the other use', () => {
    const report = diffFlags();
    const opts = { color: false };
    expect(renderReport(report, 'text', opts)).toContain('response-enum-value-added  #/components/schemas/Flags/items: enum value "B" added');
    expect(renderReport(report, 'text', opts)).toContain('also as request-enum-value-added (info)');
    // One entry naming both uses; the other use's rule id and level in the small print.
    expect(renderReport(report, 'markdown', opts)).toContain('"B" added (responses and requests)');
    expect(renderReport(report, 'markdown', opts)).toContain('· also as `request-enum-value-added` (info) ·');
    expect(JSON.parse(renderReport(report, 'json', opts)).changes[0].alsoAs).toEqual([{ id: 'request-enum-value-added', level: 'info' }]);
    expect(renderReport(report, 'singleline', opts)).toContain('also as request-enum-value-added (info)');
    expect(renderReport(report, 'html', opts)).toContain('also as <code>request-enum-value-added</code> (info)');
  });
});
