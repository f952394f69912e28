// @ts-nocheck
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { colorFor, emit, type GlobalArgs } from '../context.js';

interface GeneratorsArgs extends GlobalArgs {
  action: 'list' | 'install' | 'prune';
  ids?: string[];
  all: boolean;
  quiet: boolean;
}

export const generatorsCommand: CommandModule<GlobalArgs, GeneratorsArgs> = {
  command: 'generators <action> [ids..]',
  describe: 'The client generators compat uses, installed on first use: list them, install them ahead (CI images), prune the cache',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('action', { choices: ['list', 'install', 'prune'] as const, demandOption: true, describe: 'list: what is pinned and installed; install: install now; prune: remove what is not used' })
      .positional('ids', { type: 'string', array: true, describe: 'install: package ids (typescript, kubb, openapi-generator, …), generator ids (hey-api, openapi-generator-4.3.1:python), ts, python, go, java or all (default all)' })
      .option('all', { type: 'boolean', default: false, describe: 'prune: remove every installed generator package, not only unused and broken ones' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress lines on stderr' })
      .example('$0 generators install all', 'pre-warm a CI image (ten packages, about 440 MB; docs/generators.md)')
      .example('$0 generators install hey-api openapi-generator-4.3.1:typescript-fetch', 'what these two generators need, TypeScript included')
      .epilogue('Cache: $SPECDRIFT_CACHE_DIR/generators (default ~/.cache/specdrift/generators); --cache-dir moves it. Pins: generators/<id>/ of the package (docs/generators.md).'),
  handler: async (args) => {
    const { defaultGeneratorCacheDir, diskUsage, formatBytes, installPin, prunable, readMarker } = await import('../../compat/generators/install.js');
    const { loadPins, pinName, pinOfPackage, pinsById } = await import('../../compat/generators/pins.js');
    const { ALL_GENERATORS, generatorsById } = await import('../../compat/generators/index.js');
    const { packageDir, useGeneratorCache } = await import('../../compat/generators/packages.js');
    const root = args['cache-dir'] !== undefined ? join(args['cache-dir'], 'generators') : defaultGeneratorCacheDir();
    useGeneratorCache(root);
    const pins = loadPins();
    const c = colorFor(args);
    const say = args.quiet ? () => undefined : (line: string) => void process.stderr.write(`generators: ${line}\n`);
    const usedBy = (pinId: string) =>
      ALL_GENERATORS.filter((g) => (g.packages ?? []).some((name) => pinOfPackage(name, pins).id === pinId)).map((g) => g.id);

    if (args.action === 'list') {
      const rows = [['id', 'language', 'version', 'installed', 'size', 'used by']];
      for (const pin of pins) {
        const marker = await readMarker(pin, root);
        const main = Object.keys(pin.dependencies)[0];
        let checkout = false;
        if (!marker) {
          try {
            checkout = !packageDir(main).startsWith(root);
          } catch {
            checkout = false;
          }
        }
        const users = usedBy(pin.id);
        rows.push([
          pin.id,
          pin.language,
          pin.version,
          marker ? 'yes' : checkout ? 'node_modules' : 'no',
          marker ? formatBytes(marker.bytes) : '-',
          pin.id === 'typescript' ? 'every TypeScript generator' : users.length > 3 ? `${users.slice(0, 2).join(', ')} and ${users.length - 2} more` : users.join(', '),
        ]);
      }
      const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
      const lines = rows.map((r, n) => {
        const line = r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ');
        return n === 0 ? c.bold(line) : line;
      });
      const { bytes } = await diskUsage(root);
      lines.push('', `cache: ${root} (${formatBytes(bytes)})`);
      await emit(lines.join('\n'));
      return;
    }

    if (args.action === 'install') {
      const ids = args.ids && args.ids.length > 0 ? args.ids : ['all'];
      const chosen: typeof pins = [];
      for (const id of ids) {
        // A package id (`kubb`), or what generator ids (`hey-api`, `ts`) need.
        const asPins = pins.some((p) => p.id === id || pinName(p) === id) || id === 'all' ? pinsById([id], pins) : undefined;
        const needed = asPins ?? generatorsById([id]).flatMap((g) => (g.packages ?? []).map((name) => pinOfPackage(name, pins)));
        for (const pin of needed) if (!chosen.includes(pin)) chosen.push(pin);
      }
      let installed = 0;
      for (const pin of chosen) {
        const result = await installPin(pin, { root, onProgress: say });
        if (result.cached) say(`${pinName(pin)} already installed (${formatBytes(result.bytes)})`);
        else installed++;
      }
      await emit(`generators install: ${installed} installed, ${chosen.length - installed} already there (${root})`);
      return;
    }

    const { existsSync } = await import('node:fs');
    const entries: { name: string; path: string; reason: string }[] = await prunable(root, pins);
    // --all: the current pins' installs too (never another process's lock or install in progress).
    if (args.all) for (const pin of pins) if (existsSync(join(root, pinName(pin))) && !entries.some((e) => e.name === pinName(pin))) entries.push({ name: pinName(pin), path: join(root, pinName(pin)), reason: '--all' });
    const { rm } = await import('node:fs/promises');
    for (const entry of entries) {
      await rm(entry.path, { recursive: true, force: true });
      say(`removed ${entry.name} (${entry.reason})`);
    }
    await emit(`generators prune: ${entries.length} removed from ${root}`);
  },
};
