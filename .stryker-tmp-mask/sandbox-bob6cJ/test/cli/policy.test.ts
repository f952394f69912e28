/**
 * `--policy` on the command line: presets, precedence with --severity and the config file, `rules --policy`.
 * The CLI runs in the test process (test/helpers/in-process.ts).
 */
// @ts-nocheck

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIn } from '../helpers/cli.js';

describe('diff --policy (level presets from other checkers)', () => {
  const OLD = 'fixtures/rules/response-maximum-increased/old.yaml';
  const NEW = 'fixtures/rules/response-maximum-increased/new.yaml';
  const levelIn = (stdout: string) =>
    (JSON.parse(stdout).changes as { id: string; level: string }[]).find((c) => c.id === 'response-maximum-increased')?.level;

  it('a widened response maximum: warning by default, breaking under oasdiff, info under openapi-diff', async () => {
    const byDefault = await cliIn(['diff', OLD, NEW, '-f', 'json', '--fail-on', 'breaking']);
    expect(byDefault.code).toBe(0);
    expect(levelIn(byDefault.stdout)).toBe('warning');
    const oasdiff = await cliIn(['diff', OLD, NEW, '-f', 'json', '--fail-on', 'breaking', '--policy', 'oasdiff']);
    expect(oasdiff.code).toBe(1);
    expect(levelIn(oasdiff.stdout)).toBe('breaking');
    expect(oasdiff.stderr).toContain('levels: oasdiff preset');
    const openapiDiff = await cliIn(['diff', OLD, NEW, '-f', 'json', '--fail-on', 'warning', '--policy', 'openapi-diff']);
    expect(openapiDiff.code).toBe(0);
    expect(levelIn(openapiDiff.stdout)).toBe('info');
  });

  it('--severity overrides the preset, in either order on the command line', async () => {
    for (const args of [
      ['--policy', 'oasdiff', '--severity', 'response-*=warning'],
      ['--severity', 'response-*=warning', '--policy', 'oasdiff'],
    ]) {
      const result = await cliIn(['diff', OLD, NEW, '-f', 'json', '--fail-on', 'breaking', ...args]);
      expect(result.code, args.join(' ')).toBe(0);
      expect(levelIn(result.stdout)).toBe('warning');
    }
  });

  it('reads `policy:` from the config file; --policy specdrift puts the default levels back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-policy-'));
    const config = join(dir, 'specdrift.config.yaml');
    writeFileSync(config, 'policy: oasdiff\n');
    expect(levelIn((await cliIn(['diff', OLD, NEW, '-f', 'json', '--config', config])).stdout)).toBe('breaking');
    expect(levelIn((await cliIn(['diff', OLD, NEW, '-f', 'json', '--config', config, '--policy', 'specdrift'])).stdout)).toBe('warning');
    writeFileSync(config, 'policy: spectral\n');
    const bad = await cliIn(['diff', OLD, NEW, '--config', config]);
    expect(bad.code).toBe(9);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rules --policy lists the levels a preset gives (two where it splits a rule; the default where it has no equivalent)', async () => {
    const split = await cliIn(['rules', '--policy', 'oasdiff', '--grep', 'response-property-removed']);
    expect(split.code).toBe(0);
    expect(split.stdout).toMatch(/^response-property-removed\s+warning\/breaking\s/m);
    const json = JSON.parse((await cliIn(['rules', '--policy', 'openapi-diff', '-f', 'json', '--grep', 'enum-value-added'])).stdout);
    expect(json.map((r: { id: string; level: string }) => [r.id, r.level]).sort()).toEqual([
      ['api-server-variable-enum-value-added', 'info'],
      ['request-enum-value-added', 'info'],
      ['request-parameter-enum-value-added', 'info'],
      ['response-enum-value-added', 'breaking'],
      ['response-header-enum-value-added', 'breaking'],
      ['schema-enum-value-added', 'warning'],
      // webhook ids (issue 8 item 2) have no openapi-diff equivalent: specdrift's flipped levels stay.
      ['webhook-request-enum-value-added', 'warning'],
      ['webhook-response-enum-value-added', 'info'],
    ]);
    expect((await cliIn(['rules', '--policy', 'openapi-diff', '--grep', 'api-server-removed'])).stdout).toMatch(/^api-server-removed\s+warning\s/m);
  });

  it('rules --policy says which changes the peer does not detect (they keep specdrift\'s level)', async () => {
    const text = (await cliIn(['rules', '--policy', 'oasdiff', '--grep', 'webhook-request-type-changed'])).stdout;
    expect(text).toMatch(/^webhook-request-type-changed\s+breaking\s.*\[oasdiff does not detect this \(oasdiff compares webhooks only as added or removed\): specdrift's level\]$/m);
    const json = JSON.parse((await cliIn(['rules', '--policy', 'openapi-diff', '-f', 'json', '--grep', 'response-prefix-items-added'])).stdout);
    expect(json.map((r: { id: string; level: string; notDetected?: string }) => [r.id, r.level, r.notDetected])).toEqual([
      ['response-prefix-items-added', 'warning', 'openapi-diff does not compare this JSON Schema 2020-12 keyword'],
      ['webhook-response-prefix-items-added', 'info', 'openapi-diff compares paths only, not 3.1 webhooks'],
    ]);
    // A rule the peer has a level for says nothing of the sort.
    expect((await cliIn(['rules', '--policy', 'oasdiff', '--grep', 'response-prefix-items-added'])).stdout).toMatch(/^response-prefix-items-added\s+breaking\s[^[]*$/m);
  });

  it('an unknown preset name is one line and exit code 2', async () => {
    const result = await cliIn(['diff', OLD, NEW, '--policy', 'optic']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe("specdrift: --policy: unknown policy 'optic' — use one of specdrift, oasdiff, openapi-diff");
  });
});
