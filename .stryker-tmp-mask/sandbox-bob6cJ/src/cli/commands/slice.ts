// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { serializeSpec, type OutputFormat } from '../../openapi/serialize.js';
import { listVersions, sliceByVersion } from '../../openapi/slice.js';
import { contextFor, emit, type GlobalArgs } from '../context.js';

interface SliceArgs extends GlobalArgs {
  spec: string;
  version?: string;
  list?: boolean;
  output?: string;
  format?: OutputFormat;
  pretty?: boolean;
}

export const sliceCommand: CommandModule<GlobalArgs, SliceArgs> = {
  command: 'slice <spec>',
  describe: "Keep one version's paths and the components they reach (a standalone spec)",
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('version', { alias: 'v', type: 'string', describe: 'version tag to keep, e.g. v0.0.38 or dbv0.0.38' })
      .option('list', { type: 'boolean', describe: 'list the versions the document serves' })
      .option('output', { alias: 'o', type: 'string', describe: 'write to FILE (atomically)' })
      .option('format', { alias: 'f', choices: ['json', 'yaml'] as const, describe: 'output format (default: the source format)' })
      .option('pretty', { type: 'boolean', default: false, describe: 'indent JSON output' })
      .check((a) => {
        if (!a.list && !a.version) throw new Error('give --version TAG or --list');
        return true;
      })
      .example('$0 slice openapi.json --list', 'v0.0.36, v0.0.37, v0.0.38, …')
      .example('$0 slice openapi.json --version v0.0.38 -o v0.0.38.json', 'one standalone spec per version'),
  handler: async (args) => {
    const spec = await contextFor(args).load(args.spec);
    if (args.list) {
      await emit(listVersions(spec.doc).join('\n'), args.output, args);
      return;
    }
    const sliced = sliceByVersion(spec.doc, args.version!);
    const format = args.format ?? (args.output && /\.ya?ml$/i.test(args.output) ? 'yaml' : spec.format);
    await emit(serializeSpec(sliced, { format, pretty: args.pretty }), args.output, args);
  },
};
