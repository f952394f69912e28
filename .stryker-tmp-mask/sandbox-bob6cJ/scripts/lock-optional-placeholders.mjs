#!/usr/bin/env node
// The npm registry this project is built against lacks some platform-specific optional packages
// (e.g. @rollup/rollup-android-arm-eabi), so `npm install` leaves them out of package-lock.json — and npm ≥ 11's
// `npm ci` then refuses the lock file as out of sync. This adds the missing entries with the os/cpu/libc that the
// package name states, so npm ci skips them on other platforms, exactly as it would with a complete lock file.
// Run after any `npm install` that changes the lock file: `node scripts/lock-optional-placeholders.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'netbsd', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix'];
const CPU = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'x32'];

function platformOf(name) {
  const tail = name.split('/').pop();
  const parts = tail.split('-');
  const osIndex = parts.findIndex((p) => OS.includes(p));
  if (osIndex === -1) return undefined;
  const cpu = parts[osIndex + 1] && CPU.find((c) => parts[osIndex + 1] === c);
  if (!cpu) return undefined;
  const abi = parts.slice(osIndex + 2).join('-');
  const libc = /musl/.test(abi) ? ['musl'] : /gnu/.test(abi) ? ['glibc'] : undefined;
  return { os: [parts[osIndex]], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const lockPath = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
    packages[`node_modules/${dep}`] = { version, optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
console.log(`lock-optional-placeholders: ${added} entr${added === 1 ? 'y' : 'ies'} added`);
