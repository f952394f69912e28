// @ts-nocheck
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { ProgressEvent } from '../../compat/runner/types.js';
import { ExitCode } from '../../errors.js';
import { colorFor, contextFor, emit, type GlobalArgs } from '../context.js';
import { VERSION } from '../version.js';

const FORMATS = ['text', 'json', 'markdown', 'html', 'junit'] as const;

interface CompatArgs extends GlobalArgs {
  spec: string;
  generators?: string[];
  server: string;
  handlers?: string;
  operations?: string[];
  'exclude-operations'?: string[];
  scenario?: string;
  out: string;
  format: (typeof FORMATS)[number];
  output?: string;
  'fail-on': 'fail' | 'none';
  patch?: string[];
  'openapi-generator-jar'?: string;
  concurrency: number;
  quiet: boolean;
  offline: boolean;
  'sample-large-integers': boolean;
}

/** Where generator packages go, whether to install them, and their progress lines (compat, clients). */
export function installOptions(args: GlobalArgs & { quiet: boolean; offline?: boolean }, command: string) {
  return {
    root: args['cache-dir'] !== undefined ? join(args['cache-dir'], 'generators') : undefined,
    offline: args.offline === true,
    onProgress: args.quiet ? undefined : (line: string) => void process.stderr.write(`${command}: ${line}\n`),
  };
}

/** `a,b c` → [a, b, c]: list options take both spellings. */
export const splitList = (values: readonly string[] | undefined): string[] | undefined =>
  values?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');

export interface ProgressSink {
  event(event: ProgressEvent): void;
  stop(): void;
}

/**
 * Progress on stderr: on a terminal one status line per generator, redrawn in place (and every second, so elapsed
 * times move); otherwise (CI logs, pipes) one plain line per change.
 */
export async function progressSink(quiet: boolean, command = 'compat', stream: NodeJS.WriteStream = process.stderr): Promise<ProgressSink> {
  if (quiet) return { event: () => undefined, stop: () => undefined };
  const { describeProgress, ProgressBoard } = await import('../../compat/report/index.js');
  if (!stream.isTTY) {
    return { event: (e) => (e.phase === 'queued' ? undefined : void stream.write(`${describeProgress(e, command)}\n`)), stop: () => undefined };
  }
  const board = new ProgressBoard();
  let drawn = 0;
  const draw = () => {
    const lines = board.frame((stream.columns || 100) - 1);
    // Nothing to show yet (generator packages still installing, with lines of their own): draw nothing.
    if (lines.length === 0 && drawn === 0) return;
    stream.write(`${drawn > 0 ? `\x1b[${drawn}A\x1b[0J` : ''}${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    event: (e) => {
      board.update(e);
      draw();
    },
    stop: () => {
      clearInterval(timer);
      draw();
    },
  };
}

export const compatCommand: CommandModule<GlobalArgs, CompatArgs> = {
  command: 'compat <spec>',
  describe: 'Generate clients with public OpenAPI generators, call every operation through each against a validating server, report the generator × operation matrix',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('generators', { alias: 'g', type: 'string', array: true, describe: 'generator ids (comma or space separated), all, ts, python, go, java (default all; list in docs/generators.md)' })
      .option('server', { type: 'string', default: 'builtin', describe: 'builtin (the reference server), or the URL of a real server: calls then go through the validating proxy' })
      .option('handlers', { type: 'string', describe: 'with --server builtin: your operation implementations behind it (as serve --handlers; runs that code)' })
      .option('operations', { type: 'string', array: true, describe: 'only operations whose operationId or "METHOD /path" matches these globs' })
      .option('exclude-operations', { type: 'string', array: true, describe: 'leave out operations matching these globs' })
      .option('scenario', { type: 'string', describe: 'YAML/JSON file of ordered calls with captured values (submit a job, GET it, DELETE it)' })
      .option('out', { type: 'string', default: 'generated-clients', describe: 'write each generated client to DIR/<generator>/<spec-id>/' })
      .option('format', { alias: 'f', choices: FORMATS, default: 'text' as const, describe: 'report format' })
      .option('output', { alias: 'o', type: 'string', describe: 'write the report to FILE (atomically)' })
      .option('fail-on', { choices: ['fail', 'none'] as const, default: 'none' as const, describe: 'exit 1 when a cell is fail, not-generated or not-compiled' })
      .option('patch', { type: 'string', array: true, describe: 'apply a generator patch: NAME, GENERATOR=NAME, or all (docs/generators.md, Patches)' })
      .option('openapi-generator-jar', { type: 'string', describe: 'an OpenAPI Generator jar of any version: adds openapi-generator:<name> generators' })
      .option('concurrency', { type: 'number', default: availableParallelism(), describe: 'generators prepared and run at the same time' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'no progress lines on stderr' })
      .option('offline', { type: 'boolean', default: false, describe: 'never install generator packages; fail naming the missing ones (see specdrift generators)' })
      .option('sample-large-integers', { type: 'boolean', default: true, describe: 'built-in server: int64 samples are 9007199254740993 (above 2^53) where the schema allows; --no-sample-large-integers for small ones' })
      .check((a) => {
        if (!Number.isInteger(a.concurrency) || a.concurrency < 1) throw new Error('--concurrency must be a whole number ≥ 1');
        return true;
      })
      .example('$0 compat v41 -g hey-api,orval,openapi-generator-4.3.1:python', 'three generators against the built-in server')
      .example('$0 compat openapi.json --server http://127.0.0.1:6820 -H "X-SLURM-USER-TOKEN: $SLURM_JWT" --scenario jobs.yaml', 'a real slurmrestd through the validating proxy')
      .example('$0 compat openapi.json -f junit -o compat.xml --fail-on fail', 'CI: a testcase per cell')
      .epilogue(
        'Headers from --header, SPECDRIFT_HEADERS and the config go with every call; --timeout sets the per-call timeout (s); --no-cache regenerates clients. ' +
          'Generator packages are installed on first use into the cache (specdrift generators). See docs/compat.md.',
      ),
  handler: async (args) => {
    // Heavy (generators, TypeScript compiler, ajv, the servers): loaded on use.
    const { runCompatPipeline } = await import('../../pipeline/compat.js');
    const { compatShouldFail, renderCompatReport } = await import('../../compat/report/index.js');
    const ctx = contextFor(args);
    const spec = await ctx.load(args.spec);
    const progress = await progressSink(args.quiet);
    let report;
    try {
      report = await runCompatPipeline(spec, {
        generators: splitList(args.generators),
        openapiGeneratorJar: args['openapi-generator-jar'],
        server: args.server,
        ...(args.handlers !== undefined ? { handlers: args.handlers } : {}),
        headers: ctx.headers(),
        operations: args.operations,
        excludeOperations: args['exclude-operations'],
        scenario: args.scenario,
        outDir: args.out,
        patches: splitList(args.patch),
        concurrency: args.concurrency,
        cacheDir: args['cache-dir'] !== undefined ? join(args['cache-dir'], 'clients') : undefined,
        refresh: args.cache === false,
        timeoutMs: args.timeout !== undefined ? args.timeout * 1000 : undefined,
        sampleLargeIntegers: args['sample-large-integers'],
        toolVersion: VERSION,
        onProgress: (e) => progress.event(e),
        install: installOptions(args, 'compat'),
      });
    } finally {
      progress.stop();
    }
    const chalk = colorFor(args);
    await emit(renderCompatReport(report, args.format, { chalk: args.output ? colorFor({ ...args, color: false }) : chalk }), args.output, args);
    if (compatShouldFail(report, args['fail-on'])) process.exitCode = ExitCode.findings;
  },
};
