#!/usr/bin/env node
// Both bins (`specdrift`, `oasdiff`) land here; `oasdiff A B` is shorthand for `specdrift diff A B`.
import { basename } from 'node:path';
import { run } from '../dist/cli/main.js';

const bin = basename(process.argv[1] ?? 'specdrift').replace(/\.js$/, '');
process.exitCode = await run(process.argv.slice(2), { bin });
