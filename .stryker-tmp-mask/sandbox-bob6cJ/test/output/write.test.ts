/** `-o` writes: atomic over regular files (mode kept), through to devices and FIFOs, never through a planted symlink. */
// @ts-nocheck

import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { openLineLog, writeFileAtomically } from '../../src/output/write.js';
import { cli, cliIn } from '../helpers/cli.js';
import { rejection } from '../helpers/errors.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'specdrift-write-'));

describe('writeFileAtomically', () => {
  it('replaces a regular file and keeps its mode', async () => {
    const dir = fresh();
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'old');
    chmodSync(file, 0o640);
    await writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it('refuses a symlink unless asked to follow it, and then writes the target', async () => {
    const dir = fresh();
    const target = join(dir, 'target.txt');
    const link = join(dir, 'link.txt');
    writeFileSync(target, 'precious');
    symlinkSync(target, link);
    const err = await rejection(writeFileAtomically(link, 'x'));
    expect(err.exitCode).toBe(ExitCode.output);
    expect(err.message).toMatch(/symbolic link/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    await writeFileAtomically(link, 'followed', { followSymlinks: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('followed');
    expect(readdirSync(dir).sort()).toEqual(['link.txt', 'target.txt']);
  });

  it('writes through to a device and keeps it a device', async () => {
    await writeFileAtomically('/dev/null', 'discarded');
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writes through to a FIFO', async () => {
    const dir = fresh();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      import('node:fs').then(({ createReadStream }) => {
        let text = '';
        createReadStream(fifo, 'utf8').on('data', (c) => (text += c)).on('end', () => resolve(text));
      });
    });
    await writeFileAtomically(fifo, 'through the pipe');
    expect(await reader).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('does not create a missing directory for -o (exit 8), but does for caches', async () => {
    const dir = fresh();
    const err = await rejection(writeFileAtomically(join(dir, 'missing', 'r.txt'), 'x'));
    expect(err.exitCode).toBe(ExitCode.output);
    expect(err.message).toMatch(/does not exist/);
    expect(readdirSync(dir)).toEqual([]);
    await writeFileAtomically(join(dir, 'cache', 'k'), 'v', { createParents: true });
    expect(readFileSync(join(dir, 'cache', 'k'), 'utf8')).toBe('v');
  });

  it('refuses a directory', async () => {
    const err = await rejection(writeFileAtomically(fresh(), 'x'));
    expect(err.exitCode).toBe(ExitCode.output);
    expect(err.message).toMatch(/is a directory/);
  });
});

describe('serve/proxy --log', () => {
  it('an unwritable log path is one line and exit 8 before anything is served', async () => {
    const missing = join(fresh(), 'no', 'such', 'dir', 'x.log');
    for (const command of [['serve', 'v41'], ['proxy', 'v41', '--target', 'http://127.0.0.1:9']]) {
      const r = await cliIn([...command, '--port', '0', '--log', missing]);
      expect(r.code, command[0]).toBe(ExitCode.output);
      expect(r.stdout, command[0]).not.toMatch(/serving|proxying/);
      expect(r.stderr.trim().split('\n'), command[0]).toHaveLength(1);
      expect(r.stderr, command[0]).toMatch(/cannot write .*x\.log: ENOENT/);
    }
  });

  it('a write that fails later (a full disk: /dev/full) is said once, and the log stops without throwing', async () => {
    const said: string[] = [];
    const log = await openLineLog('/dev/full', (m) => said.push(m));
    for (let i = 0; i < 5; i++) {
      log.write(JSON.stringify({ i }));
      await new Promise((r) => setTimeout(r, 10));
    }
    await log.end();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/cannot write the log \/dev\/full \(ENOSPC\); logging stopped, still serving/);
  });

  it('appends JSON lines to a writable log', async () => {
    const path = join(fresh(), 'x.log');
    writeFileSync(path, '{"before":1}\n');
    const log = await openLineLog(path);
    log.write('{"a":1}');
    log.write('{"b":2}\n');
    await log.end();
    expect(readFileSync(path, 'utf8')).toBe('{"before":1}\n{"a":1}\n{"b":2}\n');
  });
});
