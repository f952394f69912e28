// @ts-nocheck
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ExitCode, SpecdriftError } from '../errors.js';
import { STDIN_SOURCE } from '../source/stdin.js';
import { commandName, commands, type CommandEntry } from './commands/index.js';
import type { GlobalArgs } from './context.js';
import { VERSION } from './version.js';


export interface RunOptions {
  /** The name the program was started as: `oasdiff A B` means `specdrift diff A B`. */
  bin?: string;
}

const COMMAND_NAMES = new Set(commands.map(commandName));

/** Global options that take the next argument as their value (declared in buildParser). */
const GLOBAL_VALUE_OPTIONS = new Set(['--config', '--header', '-H', '--timeout', '--cache-dir', '--max-bytes', '--max-depth']);

/** The command the arguments name (the first word that is not an option or a global option's value), if any. */
function commandWord(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return args[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (GLOBAL_VALUE_OPTIONS.has(arg)) i++;
  }
  return undefined;
}

/**
 * The named command's module, loaded now; every other command is registered from its index line (name and
 * description: all `--help` and a mistyped command need), so its module and imports never load.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function commandModules(args: string[]): Promise<CommandModule<any, any>[]> {
  const word = commandWord(args);
  const stub = (entry: CommandEntry) => ({
    command: entry.command,
    describe: entry.describe,
    builder: {},
    handler: () => {
      throw new Error(`command ${commandName(entry)} ran without its module (argument scan picked ${word ?? 'none'})`);
    },
  });
  return Promise.all(commands.map(async (entry) => (commandName(entry) === word ? entry.load() : stub(entry))));
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function buildParser(argv: string[], bin: string, commandList: CommandModule<any, any>[]): Promise<Argv<GlobalArgs>> {
  const { default: yargs } = await import('yargs'); // not needed by --version
  let parser = yargs(argv)
    .scriptName(bin)
    .usage(
      bin === 'oasdiff'
        ? '$0 OLD NEW [options]   (shorthand for: specdrift diff OLD NEW)'
        : '$0 <command> [options]\n\nDiff, mask, slice, validate and compat-test versioned OpenAPI specs.',
    )
    .option('config', { type: 'string', describe: 'config file (default: specdrift.config.{json,yaml} in . or a parent)', global: true })
    .option('header', { alias: 'H', type: 'string', array: true, describe: 'HTTP header for URL sources, "Name: value" (repeatable; also SPECDRIFT_HEADERS)', global: true })
    .option('timeout', { type: 'number', describe: 'seconds to wait for a URL or a cmd: source', global: true })
    .option('cache', { type: 'boolean', default: true, describe: 'reuse generated (cmd:) specs; --no-cache to regenerate', global: true })
    // absolute at once: generators and compilers run in other working directories
    .option('cache-dir', { type: 'string', describe: 'cache directory (default: $SPECDRIFT_CACHE_DIR or ~/.cache/specdrift)', global: true, coerce: (dir: string) => resolve(dir) })
    .option('color', { type: 'boolean', describe: 'colour output (default: on for a terminal, off with NO_COLOR)', global: true })
    .option('max-bytes', { type: 'number', describe: 'largest spec a source may give (URL, file, stdin, pipe, cmd: output), in bytes (default 268435456 = 256 MiB)', global: true })
    .option('max-depth', { type: 'number', describe: 'deepest nesting a spec may have, counting $refs followed (default 256; docs/security.md)', global: true })
    .option('allow-commands', { type: 'boolean', default: false, describe: 'run cmd: sources from a config you have not trusted (CI; also SPECDRIFT_ALLOW_COMMANDS=1; see specdrift trust)', global: true })
    .option('follow-symlinks', { type: 'boolean', default: false, describe: 'let -o write to the file a symbolic link points at (refused otherwise)', global: true })
    .option('debug', { type: 'boolean', default: false, describe: 'print stack traces on errors', global: true })
    // --version is handled in run(): `slice --version v0.0.38` needs the option name for itself.
    .version(false)
    .option('version', { alias: 'V', type: 'boolean', describe: 'show the version number', global: false })
    .help()
    .alias('help', 'h')
    .strict()
    .recommendCommands()
    .demandCommand(1, bin === 'oasdiff' ? 'give OLD and NEW specs, e.g. oasdiff v40 v41' : 'give a command, e.g. specdrift diff v40 v41')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Sources: FILE | - | http(s)://URL | git:REV:path | REV:path | cmd:COMMAND | version (v41, 0.0.41).\nExit codes: docs/exit-codes.md')
    .exitProcess(false)
    .fail((msg, err) => {
      // yargs reports its own validation (and .check() failures) with a message; handler errors come without.
      if (err instanceof SpecdriftError || (err && !msg)) throw err;
      throw new SpecdriftError(msg ?? err.message, ExitCode.usage, { hint: `see ${bin} --help` });
    }) as unknown as Argv<GlobalArgs>;
  for (const command of commandList) parser = parser.command(command as never);
  return parser;
}

/**
 * A reader that goes away (`| head`) is not an error: the rest of the output is dropped and the command still
 * finishes, so its exit code (a CI gate's verdict under `set -o pipefail`) stays the real one.
 */
function ignoreClosedReader(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
}

/** Run the CLI; resolves to the process exit code (never throws, never exits the process itself). */
export async function run(argv: string[], opts: RunOptions = {}): Promise<number> {
  const bin = opts.bin === 'oasdiff' ? 'oasdiff' : 'specdrift';
  // yargs-parser turns a lone "-" into "" or true; pass stdin through as the loader's explicit spelling.
  const withStdin = argv.map((a) => (a === '-' ? STDIN_SOURCE : a));
  const args =
    bin === 'oasdiff' && withStdin.length > 0 && !COMMAND_NAMES.has(withStdin[0]) && !withStdin[0].startsWith('-') ? ['diff', ...withStdin] : withStdin;
  const debug = args.includes('--debug');
  if (!process.stdout.listeners('error').includes(ignoreClosedReader)) process.stdout.on('error', ignoreClosedReader);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    process.stdout.write(`${VERSION}\n`);
    return ExitCode.ok;
  }
  try {
    await (await buildParser(args, bin, await commandModules(args))).parseAsync();
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok;
  } catch (err) {
    if (err instanceof SpecdriftError) {
      process.stderr.write(`${bin}: ${err.line()}\n`);
      if (debug && err.stack) process.stderr.write(`${err.stack}\n`);
      return err.exitCode;
    }
    const e = err as Error;
    // Every walker recurses along the document; a document (or $ref chain) deeper than the stack allows is the
    // input's problem, not a bug: say so with the input's exit code.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      process.stderr.write(`${bin}: the input nests too deeply to process (maximum call stack exceeded) — flatten the document or break the $ref chain\n`);
      if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
      return ExitCode.parse;
    }
    process.stderr.write(`${bin}: internal error: ${e?.message ?? String(err)}${debug ? '' : ' (run with --debug for details, and please report it)'}\n`);
    if (debug && e?.stack) process.stderr.write(`${e.stack}\n`);
    return ExitCode.internal;
  }
}
