// @ts-nocheck
import { join, relative } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ExitCode } from '../../errors.js';
import { colorFor, contextFor, emit, type GlobalArgs } from '../context.js';
import { installOptions, progressSink } from './compat.js';

interface ClientsArgs extends GlobalArgs {
  action: 'generate' | 'check';
  concurrency: number;
  'openapi-generator-jar'?: string;
  quiet: boolean;
  offline: boolean;
}

export const clientsCommand: CommandModule<GlobalArgs, ClientsArgs> = {
  command: 'clients <action>',
  describe: 'Committed generated clients: generate them from the config\'s clients section, or check that the committed ones match (exit 1 on drift)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('action', { choices: ['generate', 'check'] as const, demandOption: true, describe: 'generate: write the clients; check: regenerate into a temp dir and diff' })
      .option('concurrency', { type: 'number', default: 2, describe: 'clients generated at the same time' })
      .option('openapi-generator-jar', { type: 'string', describe: 'an OpenAPI Generator jar of any version (for openapi-generator:<name> ids)' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress lines on stderr' })
      .option('offline', { type: 'boolean', default: false, describe: 'never install generator packages; fail naming the missing ones (see specdrift generators)' })
      .example('$0 clients generate', 'write generated-clients/<generator>/<spec-id>/ for every spec × generator of the config')
      .example('$0 clients check --config specdrift.clients.json', 'CI: fail with a unified diff when committed clients drifted')
      .epilogue('Config: "clients": { "specs": [...], "generators": [...], "out": "generated-clients", "patches": [...] } (docs/compat.md).'),
  handler: async (args) => {
    const { checkConfiguredClients, clientsSettings, generateConfiguredClients } = await import('../../pipeline/compat.js');
    const ctx = contextFor(args);
    const settings = clientsSettings(ctx.config);
    const progress = await progressSink(args.quiet, 'clients');
    const run = {
      load: ctx.loadFromConfig,
      cacheDir: args['cache-dir'] !== undefined ? join(args['cache-dir'], 'clients') : undefined,
      refresh: args.cache === false,
      concurrency: args.concurrency,
      openapiGeneratorJar: args['openapi-generator-jar'],
      onProgress: progress.event,
      install: installOptions(args, 'clients'),
    };
    const c = colorFor(args);
    const out = relative(process.cwd(), settings.out) || '.';
    if (args.action === 'generate') {
      let written;
      try {
        written = await generateConfiguredClients(settings, run);
      } finally {
        progress.stop();
      }
      const lines = written.map((w) =>
        w.error
          ? c.red(`failed    ${w.generator} × ${w.spec}: ${w.error}`)
          : `written   ${w.dir} (${w.generator} ${w.version}, ${w.files} file${w.files === 1 ? '' : 's'}${w.compileErrors.length > 0 ? `, ${w.compileErrors.length} compile errors` : ''})`,
      );
      const failed = written.filter((w) => w.error).length;
      lines.push(`clients generate: ${written.length - failed} of ${written.length} clients written under ${out}`);
      await emit(lines.join('\n'));
      if (failed > 0) process.exitCode = ExitCode.command;
      return;
    }
    let report;
    try {
      report = await checkConfiguredClients(settings, run);
    } finally {
      progress.stop();
    }
    const lines: string[] = [];
    for (const e of report.entries) {
      const label = e.state === 'same' ? c.green('same    ') : c.red(e.state.padEnd(8));
      lines.push(`${label}  ${e.committed ?? e.expected} (${e.generator} × ${e.spec})${e.note ? `: ${e.note}` : ''}`);
    }
    for (const dir of report.stale) lines.push(`${c.red('stale   ')}  ${dir}: not produced by the clients config any more (delete it, or run specdrift clients generate)`);
    const drifted = report.entries.filter((e) => e.state !== 'same').length + report.stale.length;
    lines.push(
      report.clean
        ? c.green(`clients check: ${report.entries.length} committed clients match their generators (${out})`)
        : `clients check: ${drifted} of ${report.entries.length + report.stale.length} drifted; run specdrift clients generate and commit the result`,
    );
    const diffs = report.entries.filter((e) => e.diff !== '').map((e) => e.diff.trimEnd());
    await emit([...lines, ...(diffs.length > 0 ? ['', ...diffs] : [])].join('\n'));
    if (!report.clean) process.exitCode = ExitCode.findings;
  },
};
