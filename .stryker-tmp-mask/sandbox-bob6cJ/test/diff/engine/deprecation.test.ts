/**
 * The deprecation policy (issue 8 item 8): removing a deprecated operation, parameter or property is info once
 * its deprecation period is over (x-sunset passed, or --deprecation-days since --deprecated-since), and a
 * removal before sunset otherwise. Fixed "now"; expected ids and levels written by hand.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { diffSpecs } from '../../../src/diff/engine/index.js';
import type { DiffReport } from '../../../src/diff/model.js';
import { parseRfc3339 } from '../../../src/diff/rules/deprecation.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { fixturePath, readSpec } from './helpers.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const oldSpec = readSpec(fixturePath('deprecation', 'old.yaml'));
const newSpec = readSpec(fixturePath('deprecation', 'new.yaml'));
const rows = (r: DiffReport) => r.changes.map((c) => `${c.level} ${c.id} ${c.location} :: ${c.message}`);

describe('deprecation fixture (fixtures/deprecation)', () => {
  it('without --deprecation-days: deprecated is enough, unless an x-sunset is still ahead', () => {
    expect(rows(diffSpecs(oldSpec, newSpec, { now: NOW }))).toEqual([
      "breaking response-property-removed #/components/schemas/Pet :: optional property 'tag' removed",
      "breaking response-property-removed-before-sunset #/components/schemas/Pet :: optional property 'nick' removed (before its x-sunset 2999-01-01T00:00:00Z)",
      "info response-property-removed-deprecated #/components/schemas/Pet :: optional property 'oldName' removed (deprecated)",
      'info endpoint-removed-deprecated DELETE /pets :: DELETE /pets removed (x-sunset 2020-01-01 has passed)',
      'breaking endpoint-removed GET /owners :: GET /owners removed',
      "warning request-parameter-removed GET /pets :: query parameter 'page' removed",
      "warning request-parameter-removed-before-sunset GET /pets :: query parameter 'sort' removed (before its x-sunset 2999-01-01)",
      "info request-parameter-removed-deprecated GET /pets :: query parameter 'legacyFilter' removed (deprecated)",
      'info request-parameter-removed-deprecated GET /pets :: query parameter \'mode\' removed (deprecated; its x-sunset "soon" is not a date)',
      'warning request-parameter-sunset-invalid GET /pets :: query parameter \'mode\' (removed): x-sunset "soon" is not an RFC 3339 date (YYYY-MM-DD) or date-time',
      'info endpoint-removed-deprecated GET /pets/{id} :: GET /pets/{id} removed (deprecated)',
    ]);
  });

  it('--deprecation-days 90 with --deprecated-since 31 days ago: what has no x-sunset of its own is removed too early', () => {
    const report = diffSpecs(oldSpec, newSpec, { now: NOW, deprecationDays: 90, deprecatedSince: new Date('2025-12-01') });
    expect(report.changes.map((c) => `${c.level} ${c.id} ${c.location}`)).toEqual([
      'breaking response-property-removed #/components/schemas/Pet',
      'breaking response-property-removed-before-sunset #/components/schemas/Pet', // nick (x-sunset ahead)
      'breaking response-property-removed-before-sunset #/components/schemas/Pet', // oldName (31 of 90 days)
      'info endpoint-removed-deprecated DELETE /pets', // its own x-sunset passed: the days do not matter
      'breaking endpoint-removed GET /owners',
      'warning request-parameter-removed GET /pets',
      'warning request-parameter-removed-before-sunset GET /pets', // legacyFilter
      'warning request-parameter-removed-before-sunset GET /pets', // mode (malformed x-sunset counts as none)
      'warning request-parameter-removed-before-sunset GET /pets', // sort
      'warning request-parameter-sunset-invalid GET /pets',
      'breaking endpoint-removed-before-sunset GET /pets/{id}',
    ]);
    expect(report.changes.find((c) => c.location === 'GET /pets/{id}')?.message).toBe('GET /pets/{id} removed (deprecated since 2025-12-01: 31 of --deprecation-days 90)');
  });

  it('--deprecation-days 31 with the same date: the period is over (boundary day included)', () => {
    const report = diffSpecs(oldSpec, newSpec, { now: NOW, deprecationDays: 31, deprecatedSince: new Date('2025-12-01') });
    expect(report.changes.find((c) => c.location === 'GET /pets/{id}')?.id).toBe('endpoint-removed-deprecated');
    expect(report.changes.filter((c) => c.id.endsWith('-removed-deprecated')).length).toBe(5);
    const early = diffSpecs(oldSpec, newSpec, { now: NOW, deprecationDays: 32, deprecatedSince: new Date('2025-12-01') });
    expect(early.changes.find((c) => c.location === 'GET /pets/{id}')?.id).toBe('endpoint-removed-before-sunset');
  });

  it('--deprecation-days without --deprecated-since fails closed and says what is missing', () => {
    const report = diffSpecs(oldSpec, newSpec, { now: NOW, deprecationDays: 0 });
    const pet = report.changes.find((c) => c.location === 'GET /pets/{id}');
    expect(pet?.id).toBe('endpoint-removed-before-sunset');
    expect(pet?.level).toBe('breaking');
    expect(pet?.message).toContain('--deprecation-days 0 needs --deprecated-since DATE');
  });

  it('an x-sunset that passed a second ago counts, one a second ahead does not', () => {
    const spec = (sunset: string | undefined): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { deprecated: true, ...(sunset ? { 'x-sunset': sunset } : {}), responses: { '200': { description: 'ok' } } } } },
    });
    const gone = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };
    const id = (sunset: string) => diffSpecs(spec(sunset), gone, { now: NOW }).changes.map((c) => c.id);
    expect(id('2025-12-31T23:59:59Z')).toEqual(['endpoint-removed-deprecated']);
    expect(id('2026-01-01T00:00:01Z')).toEqual(['endpoint-removed-before-sunset']);
    expect(id('2026-01-01')).toEqual(['endpoint-removed-deprecated']); // a date alone: 00:00 UTC that day
    expect(id('2026-01-01T01:00:00+02:00')).toEqual(['endpoint-removed-deprecated']); // 23:00 UTC the day before
    expect(id('2026-02-30')).toEqual(['endpoint-removed-deprecated', 'endpoint-sunset-invalid']); // no such day
  });
});

describe('x-sunset values', () => {
  it('accepts RFC 3339 dates and date-times only', () => {
    for (const ok of ['2025-06-30', '2025-06-30T12:00:00Z', '2025-06-30t12:00:00z', '2025-06-30T12:00:00.5+02:00', '2016-12-31T23:59:60Z']) {
      expect(parseRfc3339(ok), ok).toBeInstanceOf(Date);
    }
    expect(parseRfc3339('2025-06-30T12:00:00+02:00')?.toISOString()).toBe('2025-06-30T10:00:00.000Z');
    for (const bad of ['2025-02-30', '2025-13-01', '2025-06-30T12:00:00', 'June 30, 2025', '2025', '30/06/2025', '', 20250630, null, true]) {
      expect(parseRfc3339(bad as never), String(bad)).toBeUndefined();
    }
  });

  it('a malformed x-sunset is reported when set or changed on an operation, a parameter or a property, never when unchanged', () => {
    const spec = (sunset: string): JsonObject => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            deprecated: true,
            'x-sunset': sunset,
            parameters: [{ name: 'q', in: 'query', deprecated: true, 'x-sunset': sunset, schema: { type: 'string' } }],
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { p: { type: 'string', deprecated: true, 'x-sunset': sunset } } } } } } },
          },
        },
      },
    });
    const ids = (a: string, b: string) => diffSpecs(spec(a), spec(b), { now: NOW }).changes.map((c) => `${c.id} ${c.level}`).sort();
    expect(ids('2030-01-01', 'next year')).toEqual([
      'endpoint-sunset-changed info',
      'endpoint-sunset-invalid warning',
      'request-parameter-sunset-invalid warning',
      'response-property-sunset-invalid warning',
    ]);
    // The mirror: fixing it is reported too (the old value was not a date), at the same places.
    expect(ids('next year', '2030-01-01')).toEqual(ids('2030-01-01', 'next year'));
    expect(diffSpecs(spec('next year'), spec('next year'), { now: NOW }).changes).toEqual([]);
    // A valid change of a property's or parameter's x-sunset is no finding (only operations report sunset changes).
    expect(ids('2030-01-01', '2031-01-01')).toEqual(['endpoint-sunset-changed info']);
  });
});
