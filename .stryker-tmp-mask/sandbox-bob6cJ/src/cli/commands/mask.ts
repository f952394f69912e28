// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { usageError } from '../../errors.js';
import { detectVersionTags, dominantVersion, formatDetectedTags, formatMaskReport, maskDocument, stripDocument } from '../../mask/index.js';
import { serializeSpec, type OutputFormat } from '../../openapi/serialize.js';
import { contextFor, emit, type GlobalArgs } from '../context.js';

interface MaskArgs extends GlobalArgs {
  spec: string;
  from?: string;
  to?: string;
  strip?: boolean;
  placeholder?: string;
  detect?: boolean;
  output?: string;
  format?: OutputFormat;
  pretty?: boolean;
  quiet?: boolean;
}

export const maskCommand: CommandModule<GlobalArgs, MaskArgs> = {
  command: 'mask <spec>',
  describe: 'Rewrite (--to), strip (--strip) or list (--detect) version tags in every form',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('from', { type: 'string', describe: 'version to rewrite (default: the dominant version in the spec)' })
      .option('to', { type: 'string', describe: 'version to write instead, e.g. v0.0.40' })
      .option('strip', { type: 'boolean', describe: 'remove version tags entirely (v0.0.40_job → job)' })
      .option('placeholder', { type: 'string', describe: 'with --strip: what stands in for a tag that is a path segment (default vX)' })
      .option('detect', { alias: 'auto', type: 'boolean', describe: 'list the version tags, their forms and counts; write no spec' })
      .option('output', { alias: 'o', type: 'string', describe: 'write the masked spec to FILE (atomically)' })
      .option('format', { alias: 'f', choices: ['json', 'yaml'] as const, describe: 'output format (default: the source format)' })
      .option('pretty', { type: 'boolean', default: false, describe: 'indent JSON output' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'do not print the counts on stderr' })
      .conflicts('strip', ['to', 'detect'])
      .conflicts('detect', ['to'])
      .check((a) => {
        if (!a.strip && !a.detect && !a.to) throw usageError('give --to VERSION, --strip or --detect');
        return true;
      })
      .example('$0 mask v0.0.41.json --to v0.0.40 -o masked.json', 'speak v0.0.40 names in a v0.0.41 spec')
      .example('$0 mask v0.0.41.json --strip', 'version-free names: job, /slurm/vX/jobs, slurm_get_jobs')
      .example('$0 mask openapi.json --detect', 'which tags, in which forms, where'),
  handler: async (args) => {
    const spec = await contextFor(args).load(args.spec);
    if (args.detect) {
      await emit(formatDetectedTags(detectVersionTags(spec.doc)).join('\n'));
      return;
    }
    let result;
    if (args.strip) {
      result = stripDocument(spec.doc, { placeholder: args.placeholder });
    } else {
      const from = args.from ?? dominantVersion(detectVersionTags(spec.doc));
      if (!from) throw usageError(`${args.spec}: carries no single dominant version tag`, 'pass --from VERSION (see --detect)');
      result = maskDocument(spec.doc, { from, to: args.to! });
    }
    if (!args.quiet) process.stderr.write(formatMaskReport(result.report).join('\n') + '\n');
    const format = args.format ?? (args.output && /\.ya?ml$/i.test(args.output) ? 'yaml' : spec.format);
    await emit(serializeSpec(result.doc, { format, pretty: args.pretty }), args.output, args);
  },
};
