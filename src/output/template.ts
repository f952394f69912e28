/**
 * Report templates (`--template FILE`): the markdown and HTML layouts are Liquid templates, the built-in ones
 * included, all rendered here.
 *
 * Why LiquidJS: a template may come from a cloned repository (untrusted, docs/security.md). Liquid was made for
 * untrusted templates (Shopify's themes): it is interpreted, never compiled to JavaScript (unlike ejs, eta or
 * lodash.template), it reads only own properties of the data (no `constructor`, no `__proto__`), it loads
 * partials only from the in-memory map we give it (so `{% include '/etc/passwd' %}` finds nothing), and it has
 * parse, render-time and memory limits built in. Its filters are the only code a template can call.
 */
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FilterImplOptions, Liquid as LiquidEngine } from 'liquidjs';
import { ExitCode, SpecdriftError } from '../errors.js';

/** Largest template file read (characters): a report layout is a few kilobytes. */
export const TEMPLATE_MAX_CHARS = 256 * 1024;
/** Longest rendering output (characters), whatever the template does; markdown is then fitted to --max-chars. */
export const TEMPLATE_OUTPUT_MAX_CHARS = 64 * 1024 * 1024;
/** Render-time bound (ms): a loop nested to take minutes stops here. */
export const TEMPLATE_RENDER_MS = 30_000;
/** LiquidJS's allocation bound (string lengths and range sizes it creates, summed). */
export const TEMPLATE_MEMORY = 200_000_000;

// Loaded on the first render, not at start-up: liquidjs is 166 KB of the diff command's 718 KB, and only the
// markdown and HTML formats use it (issue 12). `require` keeps rendering synchronous (renderReport's contract).
let liquid: typeof LiquidEngine | undefined;
const Liquid = (): typeof LiquidEngine => (liquid ??= (createRequire(import.meta.url)('liquidjs') as typeof import('liquidjs')).Liquid);

export interface TemplateOptions {
  /** `html`: every `{{ … }}` output is escaped (`| raw` opts out); `none`: output as is (markdown, text). */
  escape: 'html' | 'none';
  /** The escape function for `html` (the report's own, which also makes control characters visible). */
  escapeHtml?: (text: string) => string;
  /** Filters the layout may use (`md`, `md_code`, …): plain functions of strings, nothing else. */
  filters?: Record<string, (value: unknown, ...args: unknown[]) => unknown>;
  /** Partials `{% render 'name' %}` may load: only these, from memory. */
  partials?: Record<string, string>;
  /** Where the template came from, for error lines (`--template FILE`, or `built-in markdown`). */
  origin: string;
  /** Limits, overridable for tests. */
  renderMs?: number;
  memory?: number;
  outputMaxChars?: number;
}

export const templateError = (origin: string, what: string, hint: string) => new SpecdriftError(`template ${origin}: ${what}`, ExitCode.template, { hint });

const liquidMessage = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0] : String(err));

/** A template parsed once, rendered any number of times; each render has its own time and memory bounds. */
export interface CompiledTemplate {
  render(data: object): string;
}

/** A LiquidJS failure as one SpecdriftError line, with a hint for what usually causes it. */
function liquidFailure(origin: string, err: unknown): SpecdriftError {
  const message = liquidMessage(err);
  const hint = /limit exceeded/.test(message)
    ? `the template loops or builds too much (bounds: ${TEMPLATE_RENDER_MS / 1000} s, ${TEMPLATE_MEMORY} characters allocated)`
    : /ENOENT|Failed to lookup/.test(message)
      ? 'templates cannot include files: put everything in the one file (docs/templates.md)'
      : 'see docs/templates.md for the syntax, variables and filters';
  return templateError(origin, message, hint);
}

/**
 * Parses `source` with the engine `options` describe; every failure is one SpecdriftError line (exit code
 * `template`). The built-in layouts are compiled once per process (markdown.ts, html.ts): LiquidJS's render-time
 * and memory limits belong to each render's context, not to the engine, so sharing the parsed template keeps them.
 */
export function compileTemplate(source: string, options: TemplateOptions): CompiledTemplate {
  if (source.length > TEMPLATE_MAX_CHARS) {
    throw templateError(options.origin, `${source.length} characters, more than the ${TEMPLATE_MAX_CHARS} a template may have`, 'a report layout is a few kilobytes: check the file');
  }
  const engine = new (Liquid())({
    // Partials only from this map: no file system at all. Each is parsed once per engine (`cache`).
    templates: options.partials ?? {},
    cache: true,
    ownPropertyOnly: true,
    // A name the model does not have (a typo, or `constructor`/`__proto__`, which are never own properties) is an error.
    strictVariables: true,
    strictFilters: true,
    jsTruthy: false,
    outputEscape: options.escape === 'html' ? (options.escapeHtml ?? 'escape') : undefined,
    parseLimit: TEMPLATE_MAX_CHARS * 4,
    renderLimit: options.renderMs ?? TEMPLATE_RENDER_MS,
    memoryLimit: options.memory ?? TEMPLATE_MEMORY,
  });
  for (const [name, filter] of Object.entries(options.filters ?? {})) engine.registerFilter(name, filter as FilterImplOptions);
  let parsed: ReturnType<LiquidEngine['parse']>;
  try {
    parsed = engine.parse(source);
  } catch (err) {
    throw liquidFailure(options.origin, err);
  }
  const max = options.outputMaxChars ?? TEMPLATE_OUTPUT_MAX_CHARS;
  return {
    render(data: object): string {
      let output: string;
      try {
        output = String(engine.renderSync(parsed, data));
      } catch (err) {
        throw liquidFailure(options.origin, err);
      }
      if (output.length > max) throw templateError(options.origin, `rendered ${output.length} characters, more than ${max}`, 'the template repeats too much (docs/templates.md, limits)');
      return output;
    },
  };
}

/** Renders `source` with `data` (parsed for this one render); every failure is one SpecdriftError line (exit code `template`). */
export function renderTemplate(source: string, data: object, options: TemplateOptions): string {
  return compileTemplate(source, options).render(data);
}

/**
 * Reads a `--template FILE`: a regular file of at most TEMPLATE_MAX_CHARS characters (checked on its size first,
 * so `/dev/zero` or a huge file is never read whole).
 */
export async function loadTemplateFile(path: string): Promise<{ source: string; origin: string }> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw new SpecdriftError(`template ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot be read'}`, ExitCode.sourceNotFound, { hint: 'give the path of a Liquid template file (docs/templates.md)' });
  }
  if (!info.isFile()) throw new SpecdriftError(`template ${path}: not a regular file`, ExitCode.sourceNotFound, { hint: 'give the path of a Liquid template file (docs/templates.md)' });
  // UTF-8 needs at most 4 bytes a character.
  if (info.size > TEMPLATE_MAX_CHARS * 4) throw templateError(path, `${info.size} bytes, more than a ${TEMPLATE_MAX_CHARS}-character template can have`, 'a report layout is a few kilobytes: check the file');
  const source = await readFile(path, 'utf8');
  if (source.length > TEMPLATE_MAX_CHARS) throw templateError(path, `${source.length} characters, more than the ${TEMPLATE_MAX_CHARS} a template may have`, 'a report layout is a few kilobytes: check the file');
  // Syntax errors show now, before any spec is loaded or diffed (names and filters are checked when it renders).
  try {
    new (Liquid())({ templates: {} }).parse(source);
  } catch (err) {
    throw templateError(path, liquidMessage(err), 'see docs/templates.md for the syntax, variables and filters');
  }
  return { source, origin: path };
}
