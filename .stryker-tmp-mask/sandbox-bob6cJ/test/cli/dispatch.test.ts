/**
 * The CLI loads only the module of the command it runs (issue 12: start-up); every other command is registered from
 * its line in src/cli/commands/index.ts. These tests keep those lines true to the modules and check that global
 * options in front of the command still find it.
 */
// @ts-nocheck

import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { runInProcess } from '../helpers/in-process.js';

describe('lazy command dispatch', () => {
  it.each(commands.map((c) => [c.command.split(' ')[0], c] as const))('%s: the index line matches the module it loads', async (_, entry) => {
    const module = await entry.load();
    expect(module.command).toBe(entry.command);
    expect(module.describe).toBe(entry.describe);
    expect(module.aliases).toBeUndefined(); // the index has no aliases: a new one must be added there too
  });

  it('finds the command behind global options with values, and runs it', async () => {
    const plain = await runInProcess(['rules', '--format', 'json']);
    expect(plain.code).toBe(0);
    const behind = await runInProcess(['--max-depth', '300', '--timeout', '5', '--no-color', '--cache-dir', '/nonexistent', 'rules', '--format', 'json']);
    expect(behind.code).toBe(0);
    expect(behind.stdout).toBe(plain.stdout);
    expect(JSON.parse(behind.stdout).length).toBeGreaterThan(1000);
  });

  it('an option value that names a command does not pick that command', async () => {
    // `--config rules`: the value of --config, not the rules command; the config file is missing, which diff reports.
    const result = await runInProcess(['--config', 'rules', 'diff', 'fixtures/slurm-like/v0.0.40.json', 'fixtures/slurm-like/v0.0.41.json']);
    expect(result.stderr).toMatch(/^specdrift: .*rules/m);
    expect(result.stderr).not.toMatch(/internal error|without its module/);
  });

  it('a mistyped command and no command at all still get their one-line answers', async () => {
    expect((await runInProcess(['dif', 'a', 'b'])).stderr).toBe('specdrift: Did you mean diff? — see specdrift --help\n');
    expect((await runInProcess([])).stderr).toBe('specdrift: give a command, e.g. specdrift diff v40 v41 — see specdrift --help\n');
  });
});
