/**
 * Every failure a user can cause is a SpecdriftError: one line (what, where, what to do)
 * and an exit code from docs/exit-codes.md. Anything else is an internal error (exit 70).
 */
// @ts-nocheck

export const ExitCode = {
  ok: 0,
  /** The command ran and found what the user asked to fail on (diff --fail-on, validate errors, compat --fail-on). */
  findings: 1,
  /** Bad command line: unknown option, missing argument, bad expression. */
  usage: 2,
  /** A source could not be read: missing file, unreadable stdin, unknown git revision, unknown version shorthand. */
  sourceNotFound: 3,
  /** The source was read but is not JSON/YAML, or not an OpenAPI/Swagger document. */
  parse: 4,
  /** A URL could not be fetched: connection refused, timeout, non-2xx status, HTML instead of a spec. */
  network: 5,
  /** A `cmd:` source or generator command failed (non-zero exit, no output). */
  command: 6,
  /** The operation would corrupt the document (e.g. masking makes two keys collide). */
  conflict: 7,
  /** Writing the output failed. */
  output: 8,
  /** Configuration file is invalid. */
  config: 9,
  /** A config that the user has not trusted asked to run a command (`specdrift trust`, --allow-commands). */
  untrusted: 10,
  /** A `--template` file is too big, does not parse, or failed to render (include, unknown filter, a limit). */
  template: 11,
  /** A bug in specdrift: please report it with --debug output. */
  internal: 70,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export class SpecdriftError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint?: string;
  constructor(message: string, exitCode: ExitCodeValue, options?: { hint?: string; cause?: unknown }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'SpecdriftError';
    this.exitCode = exitCode;
    this.hint = options?.hint;
  }
  /** The single line printed to stderr. */
  line(): string {
    return this.hint ? `${this.message} — ${this.hint}` : this.message;
  }
}

export const usageError = (message: string, hint?: string) => new SpecdriftError(message, ExitCode.usage, { hint });
