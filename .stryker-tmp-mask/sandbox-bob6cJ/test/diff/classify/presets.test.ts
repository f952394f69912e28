/**
 * Policy presets (`--policy oasdiff|openapi-diff`). The expected levels below are written by hand from each
 * peer's published rule levels — oasdiff checker/rules.go (ERR/WARN/INFO) and openapi-diff's
 * BackwardIncompatibleProp switches and Changed* decisions (incompatible → breaking, compatible → info) —
 * not read from the preset files. Where a peer has no equivalent rule, specdrift's own level stays.
 */
// @ts-nocheck

import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, compileGlob, loadPolicy, POLICY_PRESETS, resolvePolicy } from '../../../src/diff/classify/index.js';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { Change, DiffReport, Level } from '../../../src/diff/model.js';
import { ALL_RULES } from '../../../src/diff/rules/index.js';
import { ExitCode } from '../../../src/errors.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fixturePath, readSpec } from '../engine/helpers.js';
import { rejection } from '../../helpers/errors.js';

const NOW = new Date('2026-01-01T00:00:00Z');
type Policy = 'specdrift' | 'oasdiff' | 'openapi-diff';

async function levelsUnder(report: DiffReport, policy: Policy, severity: string[] = []) {
  return classify(report, await loadPolicy({ policy, severity, today: NOW }));
}

function fixtureReport(ruleId: string): DiffReport {
  const dir = fixturePath('rules', ruleId);
  return diffSpecs(readSpec(join(dir, 'old.yaml')), readSpec(join(dir, 'new.yaml')), { now: NOW });
}

async function levelOf(report: DiffReport, ruleId: string, policy: Policy): Promise<Level> {
  const hits = (await levelsUnder(report, policy)).changes.filter((change) => change.id === ruleId);
  expect(hits.length, `${ruleId} in ${report.changes.map((c) => c.id).join(', ')}`).toBeGreaterThan(0);
  const levels = [...new Set(hits.map((change) => change.level))];
  expect(levels).toHaveLength(1);
  return levels[0];
}

// [fixture rule id, specdrift default, oasdiff, openapi-diff] — the peers' levels from their published tables.
const CASES: [string, Level, Level, Level][] = [
  // response numeric range widened: oasdiff response-property-max-increased ERR; openapi-diff
  // incompatible.response.numeric.range.increased is off by default (compatible)
  ['response-maximum-increased', 'warning', 'breaking', 'info'],
  ['response-minimum-decreased', 'warning', 'breaking', 'info'],
  // response enum value added: oasdiff WARN; openapi-diff incompatible.response.enum.increased (on)
  ['response-enum-value-added', 'warning', 'warning', 'breaking'],
  // optional response property removed: oasdiff response-optional-property-removed WARN; openapi-diff compatible
  ['response-property-removed', 'breaking', 'warning', 'info'],
  // response property became optional: oasdiff response-property-became-optional ERR; openapi-diff incompatible.response.required.decreased
  // issue 8 item 5: specdrift made it breaking too.
  ['response-property-required-removed', 'breaking', 'breaking', 'breaking'],
  // request maxLength set: all three break (oasdiff request-property-max-length-set ERR; openapi-diff request max length decreased)
  ['request-max-length-set', 'breaking', 'breaking', 'breaking'],
  // request minLength increased: oasdiff ERR; openapi-diff incompatible.request.min.length.increased is off by default
  ['request-min-length-increased', 'breaking', 'breaking', 'info'],
  // security URL changed: oasdiff api-security-component-oauth-token-url-changed INFO; openapi-diff oauth2.token.url.changed (on)
  ['api-security-scheme-token-url-changed', 'warning', 'info', 'breaking'],
  ['api-security-scheme-authorization-url-changed', 'warning', 'info', 'breaking'],
  // security added where there was none / removed entirely
  ['api-security-set', 'breaking', 'info', 'info'],
  ['api-security-removed', 'info', 'breaking', 'breaking'],
  // discriminator mapping changed: oasdiff *-discriminator-mapping-changed INFO; openapi-diff has no such check
  ['request-discriminator-mapping-changed', 'breaking', 'info', 'breaking'],
  ['response-discriminator-mapping-changed', 'breaking', 'info', 'breaking'],
  // removing a deprecated operation: oasdiff api-removed-with-deprecation INFO; openapi-diff endpoints decreased
  // issue 8 item 8: a deprecated operation removed after its deprecation period is info.
  ['endpoint-removed-deprecated', 'info', 'info', 'breaking'],
  ['request-parameter-removed', 'warning', 'warning', 'breaking'],
  ['response-nullable-set', 'breaking', 'breaking', 'info'],
  // type widened: oasdiff request generalized INFO / response generalized ERR; openapi-diff any type change
  ['request-type-widened', 'info', 'info', 'breaking'],
  ['response-type-widened', 'breaking', 'breaking', 'breaking'],
  // format: oasdiff folds it into type-changed (ERR); openapi-diff format change is compatible
  ['request-format-set', 'warning', 'breaking', 'info'],
  ['response-non-success-status-removed', 'warning', 'info', 'breaking'],
  ['request-body-removed', 'warning', 'breaking', 'warning'],
  ['response-pattern-removed', 'warning', 'breaking', 'breaking'],
  ['request-pattern-changed', 'warning', 'warning', 'breaking'],
  ['response-header-required-added', 'info', 'info', 'breaking'],
  ['response-header-removed', 'warning', 'warning', 'breaking'],
  // maxItems: openapi-diff judges a decrease incompatible in both directions; oasdiff has no response check for it
  ['response-max-items-decreased', 'info', 'info', 'breaking'],
  ['endpoint-operation-id-changed', 'warning', 'info', 'info'],
  ['request-read-only-set', 'warning', 'info', 'breaking'],
  ['response-write-only-set', 'breaking', 'info', 'breaking'],
  ['response-one-of-branch-added', 'warning', 'breaking', 'breaking'],
  ['request-default-changed', 'warning', 'info', 'info'],
  ['request-enum-value-added', 'info', 'info', 'info'],
  // no equivalent in either peer: specdrift's level stays (the fixture's component is used by no operation:
  // info, issue 8 item 10)
  ['schema-property-removed', 'info', 'info', 'info'],
  ['api-server-removed', 'warning', 'warning', 'warning'],
  ['request-additional-properties-closed-set', 'breaking', 'breaking', 'breaking'],
];

// Rule ids added with issue 8 (webhooks, JSON Schema 2020-12, visibility, overlap, deprecation): [fixture rule id,
// specdrift default, oasdiff, openapi-diff], the peers' levels by hand from the same tables. A peer that does not
// detect the change leaves specdrift's level (marked "not detected").
const NEW_CASES: [string, Level, Level, Level][] = [
  // oasdiff response-property-prefix-items-added ERR; openapi-diff: not detected (no 2020-12 keywords)
  ['response-prefix-items-added', 'warning', 'breaking', 'warning'],
  // oasdiff request-property-if/then/else-added ERR
  ['request-conditional-branch-added', 'breaking', 'breaking', 'breaking'],
  // oasdiff response-property-contains-removed ERR
  ['response-contains-removed', 'warning', 'breaking', 'warning'],
  ['request-dependent-required-added', 'breaking', 'breaking', 'breaking'],
  // oasdiff response-property-property-names-added INFO
  ['response-property-names-set', 'info', 'info', 'info'],
  // oasdiff request-property-content-encoding-changed ERR (set, unset or changed)
  ['request-content-encoding-set', 'warning', 'breaking', 'warning'],
  // oasdiff response-property-unevaluated-properties-removed ERR
  ['response-unevaluated-properties-closed-removed', 'warning', 'breaking', 'warning'],
  // oasdiff webhook-removed ERR; openapi-diff: not detected
  ['webhook-removed', 'breaking', 'breaking', 'breaking'],
  // inside a webhook: neither peer looks
  ['webhook-request-type-changed', 'breaking', 'breaking', 'breaking'],
  // readOnly removed from a required request property: oasdiff INFO; openapi-diff incompatible.request.readonly.required.decreased
  ['request-required-property-shown', 'breaking', 'info', 'breaking'],
  // writeOnly removed from a required response property: oasdiff WARN; openapi-diff incompatible.response.writeonly.required.decreased
  ['response-required-property-shown', 'info', 'warning', 'breaking'],
  // became writeOnly in a response: oasdiff INFO; openapi-diff incompatible.response.writeonly.increased
  ['response-property-hidden', 'breaking', 'info', 'breaking'],
  // oasdiff request-body-wrapped-in-one-of ERR; openapi-diff: a request oneOf branch added is compatible
  ['request-one-of-branch-added-overlapping', 'breaking', 'breaking', 'info'],
  // oasdiff judges maxContains only increased/decreased: not detected by either
  ['request-max-contains-set', 'breaking', 'breaking', 'breaking'],
  ['request-if-changed', 'warning', 'warning', 'warning'],
  ['schema-required-undeclared', 'warning', 'warning', 'warning'],
  ['response-examples-changed', 'info', 'info', 'info'],
  // no deprecation exception in either peer: oasdiff request-property-removed WARN; openapi-diff missing request property compatible
  ['request-property-removed-deprecated', 'info', 'warning', 'info'],
  // openapi-diff incompatible.request.params.decreased; oasdiff: no entry (specdrift's level)
  ['request-parameter-removed-deprecated', 'info', 'info', 'breaking'],
  // oasdiff api-deprecated-sunset-parse ERR; openapi-diff does not read x-sunset
  ['endpoint-sunset-invalid', 'warning', 'breaking', 'warning'],
];

describe('policy presets on the rule fixtures of the rules added with issue 8', () => {
  it.each(NEW_CASES)('%s: specdrift %s, oasdiff %s, openapi-diff %s', async (ruleId, specdrift, oasdiff, openapiDiff) => {
    const report = fixtureReport(ruleId);
    expect(await levelOf(report, ruleId, 'specdrift')).toBe(specdrift);
    expect(await levelOf(report, ruleId, 'oasdiff')).toBe(oasdiff);
    expect(await levelOf(report, ruleId, 'openapi-diff')).toBe(openapiDiff);
  });

  it('says which changes a peer does not detect, as data, and not for rules it has a level for', () => {
    const oasdiff = resolvePolicy('oasdiff', 'test');
    const openapiDiff = resolvePolicy('openapi-diff', 'test');
    expect(oasdiff?.notDetected('webhook-request-type-changed')).toMatch(/webhooks only as added or removed/);
    expect(oasdiff?.notDetected('request-max-contains-set')).toMatch(/maxContains/);
    expect(oasdiff?.notDetected('schema-required-undeclared')).toBeDefined();
    expect(oasdiff?.notDetected('webhook-removed')).toBeUndefined();
    expect(oasdiff?.notDetected('response-prefix-items-added')).toBeUndefined();
    expect(openapiDiff?.notDetected('response-prefix-items-added')).toMatch(/2020-12/);
    expect(openapiDiff?.notDetected('endpoint-sunset-invalid')).toMatch(/x-sunset/);
    expect(openapiDiff?.notDetected('response-property-hidden')).toBeUndefined();
  });
});

describe('policy presets on the rule fixtures', () => {
  it.each(CASES)('%s: specdrift %s, oasdiff %s, openapi-diff %s', async (ruleId, specdrift, oasdiff, openapiDiff) => {
    const report = fixtureReport(ruleId);
    expect(await levelOf(report, ruleId, 'specdrift')).toBe(specdrift);
    expect(await levelOf(report, ruleId, 'oasdiff')).toBe(oasdiff);
    expect(await levelOf(report, ruleId, 'openapi-diff')).toBe(openapiDiff);
  });

  it('splits response-property-removed by required-ness as both peers do', async () => {
    const spec = (properties: JsonObject): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/things': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { type: 'object', required: ['id'], properties } } },
              },
            },
          },
        },
      },
    });
    // `id` is required in the old response: oasdiff response-required-property-removed ERR, openapi-diff
    // incompatible.response.required.decreased.
    const report = diffSpecs(spec({ id: { type: 'string' }, name: { type: 'string' } }), spec({ name: { type: 'string' } }), { now: NOW });
    expect(await levelOf(report, 'response-property-removed', 'specdrift')).toBe('breaking');
    expect(await levelOf(report, 'response-property-removed', 'oasdiff')).toBe('breaking');
    expect(await levelOf(report, 'response-property-removed', 'openapi-diff')).toBe('breaking');
    // The split reads the change's `required` qualifier, never its wording: a reworded message keeps the verdict.
    expect(report.changes.find((c) => c.id === 'response-property-removed')?.qualifiers).toEqual(['required']);
    const reworded: DiffReport = { ...report, changes: report.changes.map((c) => ({ ...c, message: 'reworded' })) };
    expect(await levelOf(reworded, 'response-property-removed', 'openapi-diff')).toBe('breaking');
    const optional = diffSpecs(spec({ id: { type: 'string' }, name: { type: 'string' } }), spec({ id: { type: 'string' } }), { now: NOW });
    expect(optional.changes.find((c) => c.id === 'response-property-removed')?.qualifiers).toBeUndefined();
    expect(await levelOf(optional, 'response-property-removed', 'openapi-diff')).toBe('info');
  });

  it('changes levels only: the same changes, in the same order, under every policy', async () => {
    const report = diffSpecs(readSpec(fixturePath('slurm-like', 'v0.0.40.json')), readSpec(fixturePath('slurm-like', 'v0.0.41.json')), { now: NOW });
    const fingerprints = report.changes.map((change) => change.fingerprint);
    for (const policy of ['oasdiff', 'openapi-diff'] as const) {
      const classified = await levelsUnder(report, policy);
      expect(classified.changes.map((change) => change.fingerprint)).toEqual(fingerprints);
    }
  });
});

describe('policy precedence', () => {
  it('--severity wins over the preset, even a glob over an exact preset entry', async () => {
    const report = fixtureReport('response-maximum-increased');
    const withGlob = await levelsUnder(report, 'oasdiff', ['response-*=info']);
    expect(withGlob.changes.find((change) => change.id === 'response-maximum-increased')?.level).toBe('info');
    const off = await levelsUnder(report, 'oasdiff', ['response-maximum-increased=off']);
    expect(off.changes.map((change) => change.id)).not.toContain('response-maximum-increased');
  });

  it('the command line policy beats the config policy; `specdrift` restores the default levels', async () => {
    const report = fixtureReport('response-enum-value-added');
    const level = async (options: Parameters<typeof loadPolicy>[0]) =>
      classify(report, await loadPolicy({ today: NOW, ...options })).changes.find((change) => change.id === 'response-enum-value-added')?.level;
    expect(await level({ config: { policy: 'openapi-diff' } })).toBe('breaking');
    expect(await level({ config: { policy: 'openapi-diff' }, policy: 'specdrift' })).toBe('warning');
    expect(await level({ config: { policy: 'specdrift' }, policy: 'openapi-diff' })).toBe('breaking');
    expect(await level({ policy: 'OASDIFF' })).toBe('warning');
  });

  it('an unknown preset is one line: a usage error on the command line, a config error in the config', async () => {
    const cli = await rejection(loadPolicy({ policy: 'swagger-diff' }));
    expect(cli.exitCode).toBe(ExitCode.usage);
    expect(cli.line()).toBe("--policy: unknown policy 'swagger-diff' — use one of specdrift, oasdiff, openapi-diff");
    const config = await rejection(loadPolicy({ config: { policy: 'nope' }, configName: 'specdrift.config.yaml' }));
    expect(config.exitCode).toBe(ExitCode.config);
    expect(config.line()).toMatch(/^specdrift\.config\.yaml: policy: unknown policy 'nope' — use one of /);
    const notString = await rejection(loadPolicy({ config: { policy: ['oasdiff'] }, configName: 'c.yaml' }));
    expect(notString.exitCode).toBe(ExitCode.config);
  });
});

describe('preset data', () => {
  const ids = ALL_RULES.map((rule) => rule.id);
  it.each(Object.values(POLICY_PRESETS).map((preset) => [preset.name, preset] as const))('%s names only rules that exist (typo guard)', (_name, preset) => {
    for (const entry of preset.entries) {
      const matches = compileGlob(entry.rule);
      expect(ids.some((id) => matches(id)), `${preset.name}: ${entry.rule}`).toBe(true);
    }
  });

  it.each(Object.values(POLICY_PRESETS).map((preset) => [preset.name, preset] as const))('%s gives no rule two different levels', (_name, preset) => {
    const seen = new Map<string, Level>();
    for (const entry of preset.entries) {
      const key = `${entry.rule} ${entry.when ?? ''}`;
      if (seen.has(key)) expect(seen.get(key), `${preset.name}: ${key}`).toBe(entry.level);
      seen.set(key, entry.level);
    }
  });
});

describe('policy presets (property-based)', () => {
  const ruleArb = fc.constantFrom(...ALL_RULES.map((rule) => rule.id));
  const levelArb = fc.constantFrom<Level>('breaking', 'warning', 'info');
  const changeArb = fc.record({ id: ruleArb, level: levelArb, required: fc.boolean(), n: fc.nat(1000) }).map(
    ({ id, level, required, n }): Change => ({
      id,
      level,
      kind: 'changed',
      section: 'paths',
      message: `${required ? 'required' : 'optional'} property 'p${n}' removed`,
      location: `GET /things/${n}`,
      operations: [],
      fingerprint: n.toString(16).padStart(16, '0'),
      ...(required ? { qualifiers: ['required' as const] } : {}),
    }),
  );
  const reportOf = (changes: Change[]): DiffReport => ({
    reportVersion: 1,
    old: { source: 'a' },
    new: { source: 'b' },
    changes,
    summary: { breaking: 0, warning: 0, info: 0, accepted: 0, total: changes.length },
  });

  it('keeps every change, and a user override (exact or a glob over the id) always wins over the preset', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(changeArb, { maxLength: 30 }),
        fc.constantFrom<Policy>('oasdiff', 'openapi-diff'),
        fc.constantFrom('exact', 'glob'),
        levelArb,
        async (changes, policy, form, userLevel) => {
          const report = reportOf(changes);
          const plain = await levelsUnder(report, policy);
          expect(plain.changes.map((change) => change.fingerprint)).toEqual(changes.map((change) => change.fingerprint));
          if (changes.length === 0) return;
          const target = changes[0].id;
          const pattern = form === 'exact' ? target : `${target.split('-')[0]}-*`;
          const overridden = await levelsUnder(report, policy, [`${pattern}=${userLevel}`]);
          for (const change of overridden.changes.filter((c) => c.id === target)) expect(change.level).toBe(userLevel);
        },
      ),
      { numRuns: 60, seed: 8 },
    );
  });
});
