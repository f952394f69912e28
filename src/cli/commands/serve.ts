import type { Argv, CommandModule } from 'yargs';
import { contextFor, type GlobalArgs } from '../context.js';
import { openLineLog } from '../../output/write.js';

interface ServeArgs extends GlobalArgs {
  spec: string;
  port: number;
  log?: string;
  quiet?: boolean;
  'sample-large-integers'?: boolean;
}

export const serveCommand: CommandModule<GlobalArgs, ServeArgs> = {
  command: 'serve <spec>',
  describe: 'Run the spec-driven reference server on 127.0.0.1 (validates requests, answers with valid samples)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('port', { alias: 'p', type: 'number', default: 0, describe: 'port on 127.0.0.1 (0 picks a free one)' })
      .option('sample-large-integers', { type: 'boolean', default: false, describe: 'sampled int64 values are 9007199254740993 (above 2^53) where the schema allows' })
      .option('log', { type: 'string', describe: 'append every exchange (request, response, violations) as JSON lines to FILE' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'do not print one line per exchange' })
      .example('$0 serve v41 --port 6820', 'a fake slurmrestd for the bundled v0.0.41 example')
      .epilogue('Invalid requests get 400 (415 for a wrong content type) with a JSON body naming the violated rule. See docs/serve.md.'),
  handler: async (args) => {
    const { describeExchange, startReferenceServer } = await import('../../compat/server/index.js'); // heavy: loaded on use
    const spec = await contextFor(args).load(args.spec);
    const log = args.log ? await openLineLog(args.log) : undefined;
    const server = await startReferenceServer(spec.doc, {
      port: args.port,
      maxDepth: args['max-depth'],
      sampleLargeIntegers: args['sample-large-integers'],
      log: (record) => {
        log?.write(JSON.stringify(record));
        if (!args.quiet) process.stderr.write(describeExchange(record) + '\n');
      },
    });
    process.stdout.write(`serving ${spec.source} at ${server.url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await log?.end();
  },
};
