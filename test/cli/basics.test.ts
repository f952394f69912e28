import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cli } from '../helpers/cli.js';

const tiny = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} };

describe('specdrift CLI basics', () => {
  it('prints help listing every command, and a version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['fetch', 'mask', 'slice', 'validate', 'diff', 'trust']) expect(help.stdout).toMatch(new RegExp(`specdrift ${command}\\b`));
    const version = cli(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('fetch converts stdin JSON to YAML and writes -o atomically', () => {
    const out = cli(['fetch', '-', '-f', 'yaml'], { input: JSON.stringify(tiny) });
    expect(out.code).toBe(0);
    expect(parseYaml(out.stdout)).toEqual(tiny);
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-cli-'));
    const written = cli(['fetch', '-', '-o', join(dir, 'spec.json'), '--pretty', '--sort-keys'], { input: JSON.stringify(tiny) });
    expect(written.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['spec.json']);
  });

  it.each([
    [['fetch', 'no/such/file.json'], 3, /no\/such\/file\.json: no such file/],
    [['fetch', '-'], 4, /<stdin>:1:\d+: malformed JSON/, '{"openapi": }'],
    [['fetch', '-'], 4, /not an OpenAPI document/, '{"name": "pkg"}'],
    [['fetch', 'cmd:echo broken >&2; exit 9', '--no-cache'], 6, /exited with 9: broken/],
    [['fetch', 'http://127.0.0.1:1/openapi.json'], 5, /cannot connect/],
    [['fetch'], 2, /Not enough non-option arguments/],
    [['frobnicate'], 2, /Unknown argument: frobnicate/],
  ] as const)('%j exits %i with one clear line', (args, code, pattern, input?: string) => {
    const result = cli([...args], { input });
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('fails with exit 8 and leaves nothing behind when -o cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'specdrift-cli-'));
    writeFileSync(join(dir, 'file'), '');
    const result = cli(['fetch', '-', '-o', join(dir, 'file', 'spec.json')], { input: JSON.stringify(tiny) });
    expect(result.code).toBe(8);
    expect(readdirSync(dir)).toEqual(['file']);
  });

  it('--debug adds the stack trace', () => {
    const result = cli(['fetch', 'no/such/file.json', '--debug']);
    expect(result.stderr).toMatch(/\n\s+at /);
  });
});
