// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { parseHeaders } from '../../source/fetch.js';
import { contextFor, type GlobalArgs } from '../context.js';
import { openLineLog } from '../../output/write.js';
import { ExitCode, SpecdriftError } from '../../errors.js';

interface ProxyArgs extends GlobalArgs {
  spec: string;
  target: string;
  port: number;
  log?: string;
  'inject-header'?: string[];
  'undocumented-properties': boolean;
  quiet?: boolean;
  'upstream-timeout': number;
  'max-body-bytes': number;
  'max-in-flight': number;
}

/** A limit flag must be a positive number (a whole one where `whole`): one line and exit 2 otherwise. */
function limitFlag(name: string, value: number, whole: boolean, example: string, max = Number.MAX_SAFE_INTEGER): number {
  if (Number.isFinite(value) && value > 0 && value <= max && (!whole || Number.isSafeInteger(value))) return value;
  throw new SpecdriftError(`--${name} must be a positive ${whole ? 'whole ' : ''}number${max < Number.MAX_SAFE_INTEGER ? ` up to ${max}` : ''}, not ${value}`, ExitCode.usage, { hint: `e.g. --${name} ${example}` });
}

export const proxyCommand: CommandModule<GlobalArgs, ProxyArgs> = {
  command: 'proxy <spec>',
  describe: 'Validating proxy on 127.0.0.1: forwards to a real server and checks every request and response against the spec',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('target', { alias: 't', type: 'string', demandOption: true, describe: 'the real server, e.g. http://127.0.0.1:6820' })
      .option('port', { alias: 'p', type: 'number', default: 0, describe: 'port on 127.0.0.1 (0 picks a free one)' })
      .option('inject-header', { type: 'string', array: true, describe: 'add "Name: value" to every forwarded request (e.g. a token)' })
      .option('undocumented-properties', { type: 'boolean', default: true, describe: 'report body keys the schema does not list' })
      .option('log', { type: 'string', describe: 'append every exchange (with violations and verdict) as JSON lines to FILE' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no line per exchange; only the summary at exit' })
      .option('upstream-timeout', { type: 'number', default: 60, describe: 'seconds for one whole exchange with the target, body included; then 504 (also the time a client has to send its request)' })
      .option('max-body-bytes', { type: 'number', default: 33554432, describe: 'largest request body (413 past it) and response body (502), in bytes (default 32 MiB)' })
      .option('max-in-flight', { type: 'number', default: 64, describe: 'requests handled at once; one more gets 503 with Retry-After at once' })
      .example('$0 proxy served.json --target http://127.0.0.1:6820 --port 6830', 'point clients at :6830 instead of slurmrestd')
      .epilogue(
        'On Ctrl-C prints a summary per operation: who broke the spec (client, server, both) and where. When the proxy answers in the ' +
          'server\'s place (413, 502, 503, 504) the JSON body names the cause. See docs/proxy.md.',
      ),
  handler: async (args) => {
    const timeoutMs = limitFlag('upstream-timeout', args['upstream-timeout'], false, '120', 1_000_000) * 1000;
    const maxBodyBytes = limitFlag('max-body-bytes', args['max-body-bytes'], true, '67108864');
    const maxInFlight = limitFlag('max-in-flight', args['max-in-flight'], true, '128');
    const { describeProxyRecord, startValidatingProxy, summarizeProxyRecords } = await import('../../compat/proxy/index.js'); // loaded on use
    const spec = await contextFor(args).load(args.spec);
    const log = args.log ? await openLineLog(args.log) : undefined;
    const proxy = await startValidatingProxy(spec.doc, {
      target: args.target,
      port: args.port,
      headers: parseHeaders(args['inject-header'] ?? []),
      undocumentedProperties: args['undocumented-properties'],
      timeoutMs,
      maxBodyBytes,
      maxInFlight,
      log: (record) => {
        log?.write(JSON.stringify(record));
        if (!args.quiet) process.stderr.write(describeProxyRecord(record) + '\n');
      },
    });
    process.stdout.write(`proxying ${args.target} at ${proxy.url}, validating against ${spec.source} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await proxy.close();
    await log?.end();
    process.stdout.write(summarizeProxyRecords(proxy.records).join('\n') + '\n');
  },
};
