// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { serializeSpec, type OutputFormat } from '../../openapi/serialize.js';
import { contextFor, emit, type GlobalArgs } from '../context.js';

interface FetchArgs extends GlobalArgs {
  source: string;
  output?: string;
  format?: OutputFormat;
  pretty?: boolean;
  'sort-keys'?: boolean;
}

export const fetchCommand: CommandModule<GlobalArgs, FetchArgs> = {
  command: 'fetch <source>',
  describe: 'Load a spec from any source and write it out (JSON or YAML)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('source', { type: 'string', demandOption: true, describe: 'file, -, URL, git:REV:path, cmd:…, or version (v41)' })
      .option('output', { alias: 'o', type: 'string', describe: 'write to FILE (atomically) instead of stdout' })
      .option('format', { alias: 'f', choices: ['json', 'yaml'] as const, describe: 'output format (default: the source format)' })
      .option('pretty', { type: 'boolean', default: false, describe: 'indent JSON output' })
      .option('sort-keys', { type: 'boolean', default: false, describe: 'sort object keys (stable output for git)' })
      .example('$0 fetch http://127.0.0.1:6820/openapi/v3 -H "X-SLURM-USER-TOKEN: $SLURM_JWT" -o v0.0.42.json', 'save the served spec')
      .example('$0 fetch "cmd:slurmrestd --generate-openapi-spec -s slurmctld -d v0.0.41" -f yaml', 'generate and convert'),
  handler: async (args) => {
    const spec = await contextFor(args).load(args.source);
    const format = args.format ?? (args.output && /\.ya?ml$/i.test(args.output) ? 'yaml' : spec.format);
    await emit(serializeSpec(spec.doc, { format, pretty: args.pretty, sortKeys: args['sort-keys'] }), args.output, args);
  },
};
