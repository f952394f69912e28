// @ts-nocheck
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { contextFor, type GlobalArgs } from '../context.js';
import { openLineLog } from '../../output/write.js';

interface ServeArgs extends GlobalArgs {
  spec: string;
  port: number;
  log?: string;
  quiet?: boolean;
  handlers?: string;
  'strict-responses': boolean;
  unimplemented: string;
  auth: boolean;
  cors: boolean;
  dynamic: boolean;
  seed?: number;
  watch: boolean;
  'sample-large-integers'?: boolean;
}

/**
 * Re-run `reload` shortly after the last change of any watched file (editors write in several steps). The directory
 * is watched, not the file: editors that save by renaming a new file over the old one would end a file watch.
 */
function watchFiles(files: string[], reload: (changed: string) => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  const changed = new Set<string>();
  const byDir = new Map<string, string[]>();
  for (const file of files) byDir.set(dirname(file), [...(byDir.get(dirname(file)) ?? []), file]);
  return [...byDir].map(([dir, watched]) =>
    watch(dir, (_event, name) => {
      const file = watched.find((f) => name !== null && basename(f) === String(name));
      if (file === undefined) return;
      changed.add(file);
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const f of changed) reload(f);
        changed.clear();
      }, 150);
    }),
  );
}

export const serveCommand: CommandModule<GlobalArgs, ServeArgs> = {
  command: 'serve <spec>',
  describe: 'Run the reference server on 127.0.0.1: validates requests, answers with your handlers (--handlers) or valid samples',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('port', { alias: 'p', type: 'number', default: 0, describe: 'port on 127.0.0.1 (0 picks a free one)' })
      .option('sample-large-integers', { type: 'boolean', default: false, describe: 'sampled int64 values are 9007199254740993 (above 2^53) where the schema allows' })
      .option('log', { type: 'string', describe: 'append every exchange (request, response, violations) as JSON lines to FILE' })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'do not print one line per exchange' })
      .option('handlers', { type: 'string', describe: 'your operation implementations: a .ts/.js module exporting functions named by operationId (runs that code)' })
      .option('strict-responses', { type: 'boolean', default: true, describe: 'a handler response that breaks the spec becomes a 500 naming the rule; false: send it and only log' })
      .option('unimplemented', { type: 'string', choices: ['sample', '501'], default: 'sample', describe: 'operations without a handler: answer from the spec, or refuse with 501' })
      .option('auth', { type: 'boolean', default: true, describe: "401 without the credentials the operation's security asks for (--no-auth: off)" })
      .option('cors', { type: 'boolean', default: false, describe: 'answer CORS preflights and add CORS headers' })
      .option('dynamic', { type: 'boolean', default: false, describe: 'random schema-valid bodies instead of fixed samples (repeatable with --seed)' })
      .option('seed', { type: 'number', describe: 'seed for --dynamic and Prefer: dynamic=true (default 1)' })
      .option('watch', { alias: 'w', type: 'boolean', default: false, describe: 'reload the handlers file and a spec file when they change' })
      .example('$0 serve v41 --port 6820', 'a fake slurmrestd for the bundled v0.0.41 example')
      .example('$0 serve fixtures/farm-manager/openapi.yaml --handlers examples/farm-manager/impl.ts --watch', 'your implementation behind the validating wrapper')
      .example('$0 scaffold handlers SPEC -o impl.ts', 'a typed skeleton for --handlers')
      .epilogue(
        'Invalid requests get 400 (415 wrong content type, 401 missing credentials, 406 unacceptable Accept) with a JSON body naming the violated rule; ' +
          'a handler response that breaks the spec gets 500 naming the rule and pointer. Prefer: code=N, example=NAME, dynamic=true pick the spec answer (a handler reads them in ctx.prefer). See docs/serve.md.',
      ),
  handler: async (args) => {
    const { describeExchange, loadHandlers, startReferenceServer } = await import('../../compat/server/index.js'); // heavy: loaded on use
    if (args.handlers === undefined && (args.unimplemented === '501' || args['strict-responses'] === false)) {
      throw new SpecdriftError('--unimplemented 501 and --strict-responses=false apply to --handlers', ExitCode.usage, { hint: 'add --handlers FILE or drop the option' });
    }
    const context = contextFor(args);
    const spec = await context.load(args.spec);
    const handlers = args.handlers === undefined ? undefined : await loadHandlers(args.handlers);
    const log = args.log ? await openLineLog(args.log) : undefined;
    const say = (line: string) => process.stderr.write(`${line}\n`);
    const server = await startReferenceServer(spec.doc, {
      port: args.port,
      maxDepth: args['max-depth'],
      ...(handlers ? { handlers } : {}),
      strictResponses: args['strict-responses'],
      unimplemented: args.unimplemented === '501' ? '501' : 'sample',
      auth: args.auth,
      cors: args.cors,
      dynamic: args.dynamic,
      ...(args.seed !== undefined ? { seed: args.seed } : {}),
      message: (line) => {
        if (!args.quiet) say(line);
      },
      sampleLargeIntegers: args['sample-large-integers'],
      log: (record) => {
        log?.write(JSON.stringify(record));
        if (!args.quiet) say(describeExchange(record));
      },
    });
    const coverage = () => {
      if (!handlers && args.handlers === undefined) return;
      const c = server.handlerCoverage();
      say(`handlers: ${c.matched.length} operation(s) implemented, ${c.missing.length} ${args.unimplemented === '501' ? 'answered 501' : 'answered from the spec'}`);
      if (c.unknown.length > 0) say(`warning: exports that match no operationId of the spec (ignored): ${c.unknown.join(', ')}`);
    };
    coverage();
    process.stdout.write(`serving ${spec.source} at ${server.url}${args.dynamic ? ` (dynamic, seed ${args.seed ?? 1})` : ''} (Ctrl-C to stop)\n`);

    const watchers: FSWatcher[] = [];
    if (args.watch) {
      const files = [...(args.handlers !== undefined ? [resolve(args.handlers)] : []), ...(spec.kind === 'file' ? [resolve(spec.resolved)] : [])];
      if (files.length === 0) say('warning: --watch has nothing to watch (the spec is not a local file and there is no --handlers)');
      watchers.push(
        ...watchFiles(files, (changed) => {
          const handlersChanged = args.handlers !== undefined && changed === resolve(args.handlers);
          const reloading = handlersChanged ? loadHandlers(args.handlers!).then((next) => server.reload({ handlers: next })) : context.load(args.spec).then((next) => server.reload({ doc: next.doc }));
          reloading.then(
            () => {
              say(`reloaded ${changed}`);
              coverage();
            },
            // a broken edit keeps the previous version serving
            (error: unknown) => say(`reload of ${changed} failed, still serving the previous version: ${error instanceof SpecdriftError ? error.line() : String(error)}`),
          );
        }),
      );
    }
    await new Promise<void>((resolveStop) => {
      const stop = () => resolveStop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    for (const w of watchers) w.close();
    await server.close();
    await log?.end();
  },
};
