/**
 * `--help` and `--version` alone are answered by bin/specdrift.js without loading the CLI (issue 12: start-up): the
 * help text comes from dist/bundle/startup.json, which scripts/bundle.mjs renders at build time. These tests keep that
 * text equal to what the CLI itself prints, for both bins and both widths, and check the bin really prints it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';

const BIN = fileURLToPath(new URL('../../bin/specdrift.js', import.meta.url));
const built = (path: string) => fileURLToPath(new URL(`../../dist/${path}`, import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

function startupTable(): Record<string, string> {
  const bundle = statSync(built('bundle/main.js')).mtimeMs;
  expect(bundle >= statSync(built('cli/main.js')).mtimeMs, 'dist/bundle is older than dist/cli: run `npm run build` (npm test does)').toBe(true);
  return (JSON.parse(readFileSync(built('bundle/startup.json'), 'utf8')) as { help: Record<string, string> }).help;
}

/** The CLI's own --help at a width (yargs wraps at min(110, columns || 100)). */
async function cliHelp(bin: 'specdrift' | 'oasdiff', columns: number | undefined): Promise<string> {
  const before = Object.getOwnPropertyDescriptor(process.stdout, 'columns');
  Object.defineProperty(process.stdout, 'columns', { value: columns, configurable: true });
  try {
    const r = await runInProcess(['--help'], { bin });
    expect(r.code).toBe(0);
    return r.stdout;
  } finally {
    if (before) Object.defineProperty(process.stdout, 'columns', before);
    else delete (process.stdout as { columns?: number }).columns;
  }
}

describe('start-up answers', () => {
  it('the build rendered --help for both bins at widths 100 and 110, each equal to what the CLI prints', async () => {
    const table = startupTable();
    expect(Object.keys(table).sort()).toEqual(['oasdiff 100', 'oasdiff 110', 'specdrift 100', 'specdrift 110']);
    for (const bin of ['specdrift', 'oasdiff'] as const) {
      for (const width of [100, 110]) expect(table[`${bin} ${width}`], `${bin} at ${width}`).toBe(await cliHelp(bin, width));
    }
    // The two widths really differ (else the table would not need both), and a usage line names the bin.
    expect(table['specdrift 100']).not.toBe(table['specdrift 110']);
    expect(table['specdrift 100']).toMatch(/^specdrift <command> \[options\]\n/);
    expect(table['oasdiff 100']).toMatch(/^oasdiff OLD NEW \[options\] {3}\(shorthand for: specdrift diff OLD NEW\)\n/);
  });

  it('the bin prints the table text for --help and -h on a pipe (width 100), and the version for --version and -V', async () => {
    const table = startupTable();
    const bin = (arg: string) => execFileSync(process.execPath, [BIN, arg], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(bin('--help')).toBe(table['specdrift 100']);
    expect(bin('-h')).toBe(await cliHelp('specdrift', undefined));
    expect(bin('--version')).toBe(`${VERSION}\n`);
    expect(bin('-V')).toBe(`${VERSION}\n`);
  });

  it('a terminal narrower than 100 columns, or more than one argument, goes through the CLI', async () => {
    const narrow = await cliHelp('specdrift', 60);
    expect(narrow).not.toBe(startupTable()['specdrift 100']);
    expect(Math.max(...narrow.split('\n').map((line) => line.length))).toBeLessThanOrEqual(60);
    const withDebug = execFileSync(process.execPath, [BIN, '--help', '--debug'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(withDebug).toBe(await cliHelp('specdrift', undefined));
  });

  it('--help into a pipe its reader closed: no EPIPE trace, exit 0', async () => {
    const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, '--help'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
