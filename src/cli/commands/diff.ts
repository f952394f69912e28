import { appendFile } from 'node:fs/promises';
import type { Argv, CommandModule } from 'yargs';
import { FAIL_ON_VALUES, POLICY_NAMES, shouldFail, type FailOn } from '../../diff/classify/index.js';
import { FORMATS, GROUP_BY, renderReport, type Format, type GroupBy, type RenderOptions } from '../../diff/formats/index.js';
import { ALL_RULES } from '../../diff/rules/index.js';
import type { DiffReport } from '../../diff/model.js';
import { collectGarbage } from '../../builtins.js';
import { ExitCode, usageError } from '../../errors.js';
import { runDiffPipeline, type DiffPipelineOptions } from '../../pipeline/diff.js';
import { expandRange, runChangelogRange } from '../../pipeline/changelog.js';
import { RANGE_FORMATS, renderRange, type RangeFormat } from '../../diff/formats/range.js';
import { loadTemplateFile } from '../../output/template.js';
import { colorFor, contextFor, emit, type GlobalArgs } from '../context.js';
import { VERSION } from '../version.js';

type OutFormat = Format | 'jsonpatch';

interface DiffArgs extends GlobalArgs {
  old: string;
  new: string;
  /** changelog: the specs, oldest first (two or more). */
  specs?: string[];
  range?: string;
  mask: string;
  select?: string;
  'select-old'?: string;
  'select-new'?: string;
  direction?: 'request' | 'response' | 'both';
  mode: 'semantic' | 'structural';
  format?: OutFormat;
  output?: string;
  'fail-on'?: FailOn;
  policy?: string;
  severity?: string[];
  accept?: string[];
  'include-rule'?: string[];
  'exclude-rule'?: string[];
  'include-path'?: string[];
  'exclude-path'?: string[];
  'exclude-extension'?: string[];
  compact?: boolean;
  'group-by'?: GroupBy;
  'max-chars'?: number;
  template?: string;
  'deprecation-days'?: string;
  'deprecated-since'?: string;
}

type Flavour = 'diff' | 'breaking' | 'changelog';

/**
 * Two specs this big together (bytes as read) get one full garbage collection between loading and diffing: GitHub
 * pair, peak RSS 198–203 → 158–166 MB and no slower (docs/performance.md). Measured and not kept: a collection
 * after each load, and loads that decode and parse one at a time with one after each (156–172 MB, slower).
 */
const BIG_PAIR_BYTES = 8 * 1024 * 1024;

const DESCRIBE: Record<Flavour, string> = {
  diff: 'Compare two specs by API meaning ($ref-aware, version-masked) and classify every change',
  breaking: 'Only the breaking changes between two specs (exit 1 when there are any)',
  changelog: 'Release notes (markdown) for the changes between two specs, or over a range of versions (one section per step, newest first)',
};

function positionals(flavour: Flavour, y: Argv<GlobalArgs>): Argv<GlobalArgs> {
  if (flavour === 'changelog') {
    return y
      .positional('specs', { type: 'string', array: true, describe: 'two or more specs, oldest first: file, -, URL, git:REV:path, cmd:…, or version (v40)' })
      .option('range', { type: 'string', describe: 'FROM..TO through the version profile (v0.0.38..v0.0.42): every version between, instead of listing them' })
      .check((a) => {
        const specs = (a.specs as string[] | undefined) ?? [];
        if (a.range !== undefined && specs.length > 0) throw new Error('give the specs or --range, not both');
        if (a.range === undefined && specs.length < 2) throw new Error('give at least two specs (oldest first), or --range FROM..TO');
        return true;
      })
      .example('$0 changelog v40 v41 v42', 'one document: a summary table, then one section per step, newest first')
      .example('$0 changelog --range v0.0.38..v0.0.42 -o CHANGES.md', 'the same through the version profile');
  }
  return y
    .positional('old', { type: 'string', demandOption: true, describe: 'old spec: file, -, URL, git:REV:path, cmd:…, or version (v40)' })
    .positional('new', { type: 'string', demandOption: true, describe: 'new spec, same kinds of source' });
}

function builder(flavour: Flavour) {
  return (y: Argv<GlobalArgs>) =>
    positionals(flavour, y)
      .option('mask', { type: 'string', default: 'auto', describe: 'version-tag masking: auto (when the tags differ), off, or FROM:TO (v0.0.41:v0.0.40)' })
      .option('select', { alias: 's', type: 'string', describe: 'compare only this part on both sides: jq path (.components.schemas."v0.0.40_job") or JSON pointer (#/…); either version\'s names; an operation or response reports only its own changes' })
      .option('select-old', { type: 'string', describe: 'selection in the old spec (with --select-new)' })
      .option('select-new', { type: 'string', describe: 'selection in the new spec (with --select-old)' })
      .option('direction', { choices: ['request', 'response', 'both'] as const, describe: 'how a selected schema is used (decides which changes break); default: from the selector' })
      .option('mode', { choices: ['semantic', 'structural'] as const, default: 'semantic' as const, describe: 'semantic (API meaning) or structural (plain JSON diff of the masked documents)' })
      .option('format', {
        alias: 'f',
        choices: [...FORMATS, 'jsonpatch'] as const,
        default: flavour === 'changelog' ? ('markdown' as const) : undefined,
        describe: 'report format (default text; jsonpatch = RFC 6902, with --mode structural)',
      })
      .option('output', { alias: 'o', type: 'string', describe: 'write the report to FILE (atomically)' })
      .option('group-by', {
        choices: GROUP_BY,
        default: flavour === 'changelog' ? ('resource' as const) : ('level' as const),
        describe: 'markdown, html: group by resource (tag, else the path segment after the version), by operation, or by level first (Breaking / Deprecated / Added / Changed / Renamed / Removed)',
      })
      .option('max-chars', {
        type: 'number',
        default: 65536,
        describe: "markdown: fit this many characters (GitHub's PR comment limit): longest sections fold into <details>, then their last entries are dropped with a count; 0 = no limit",
      })
      .option('template', {
        type: 'string',
        describe: 'markdown, html: render with this Liquid template instead of the built-in layout (variables, filters and limits: docs/templates.md)',
      })
      .option('compact', { type: 'boolean', default: false, describe: 'text: one line per run of same-rule, same-place changes (names listed; no per-change fingerprints)' })
      .option('fail-on', {
        choices: FAIL_ON_VALUES,
        default: flavour === 'breaking' ? ('breaking' as const) : ('none' as const),
        describe: 'exit 1 when a change at this level or above is found (accepted changes never count)',
      })
      .option('policy', { type: 'string', describe: `level preset: ${POLICY_NAMES.join(', ')} (default specdrift; --severity overrides it)` })
      .option('severity', { type: 'string', array: true, describe: 'override a rule level: RULE-ID=breaking|warning|info|off (globs allowed: response-*=info)' })
      .option('accept', { type: 'string', array: true, describe: 'accept-list file(s): fingerprints or "rule path method", each with a reason (docs/accept-list.md)' })
      .option('include-rule', { type: 'string', array: true, describe: 'only report rule ids matching these globs' })
      .option('exclude-rule', { type: 'string', array: true, describe: 'drop rule ids matching these globs' })
      .option('include-path', { type: 'string', array: true, describe: 'only report changes affecting these path globs (/slurm/*/jobs)' })
      .option('exclude-path', { type: 'string', array: true, describe: 'drop changes affecting only these path globs' })
      .option('exclude-extension', { type: 'string', array: true, describe: 'ignore paths, operations, properties and components marked with this x- extension (x-internal)' })
      .option('deprecation-days', {
        type: 'string',
        describe: 'deprecated parts without x-sunset may go (info) only N days after --deprecated-since; earlier is a removal before sunset',
      })
      .option('deprecated-since', { type: 'string', describe: 'RFC 3339 date the old spec was released: what it deprecates counts as deprecated since then' })
      .conflicts('select', ['select-old', 'select-new'])
      .check((a) => {
        if ((a['select-old'] === undefined) !== (a['select-new'] === undefined)) throw new Error('--select-old and --select-new go together (or use --select)');
        if (a.format === 'jsonpatch' && a.mode !== 'structural') throw new Error('--format jsonpatch needs --mode structural');
        if (a.template !== undefined && a.format !== 'markdown' && a.format !== 'html') throw new Error('--template lays out --format markdown or html: add one of them');
        return true;
      })
      .example('$0 v40 v41', 'the bundled Slurm-like example specs')
      .example('$0 old.json new.json --fail-on breaking -f github', 'CI gate with PR annotations')
      .example('$0 main.yaml pr.yaml --deprecation-days 90 --deprecated-since 2025-06-30', 'deprecated parts may go 90 days after the release that deprecated them')
      .example(`$0 v0.0.40.json v0.0.41.json --select-old '.components.schemas."v0.0.40_job"' --select-new '.components.schemas."v0.0.40_openapi_job_info_resp".properties.jobs.items'`, 'one schema, inlined in the new spec')
      .epilogue('Rule ids: specdrift rules (docs/rules.md). Formats: docs/formats.md. Release notes, --group-by, ranges: docs/changelog.md. Exit codes: docs/exit-codes.md.');
}

function onlyBreaking(report: DiffReport): DiffReport {
  const changes = report.changes.filter((c) => c.level === 'breaking');
  const accepted = changes.filter((c) => c.accepted).length;
  return { ...report, changes, summary: { breaking: changes.length - accepted, warning: 0, info: 0, accepted, total: changes.length } };
}

/**
 * `--format github` in a workflow: the markdown report appended to the job summary ($GITHUB_STEP_SUMMARY,
 * which GitHub caps at 1 MiB per step). A summary that cannot be written is a warning, never a failed gate.
 */
async function writeJobSummary(report: DiffReport, options: { groupBy?: GroupBy; maxChars?: number }): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    await appendFile(file, renderReport(report, 'markdown', { color: false, groupBy: options.groupBy, maxChars: options.maxChars }));
  } catch (err) {
    process.stderr.write(`::warning title=specdrift::could not write the job summary to $GITHUB_STEP_SUMMARY (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
  }
}

function pipelineOptions(args: DiffArgs, config: DiffPipelineOptions['config']): DiffPipelineOptions {
  return {
    mask: args.mask,
    selectOld: args['select-old'] ?? args.select,
    selectNew: args['select-new'] ?? args.select,
    direction: args.direction,
    mode: args.mode,
    policy: args.policy,
    severity: args.severity,
    accept: args.accept,
    includeRules: args['include-rule'],
    excludeRules: args['exclude-rule'],
    includePaths: args['include-path'],
    excludePaths: args['exclude-path'],
    excludeExtensions: args['exclude-extension'],
    deprecationDays: args['deprecation-days'],
    deprecatedSince: args['deprecated-since'],
    config,
  };
}

/** `changelog A B C …` / `--range`: one document over every step; a failed step is reported in its section. */
async function changelogRange(specs: string[], args: DiffArgs, ctx: ReturnType<typeof contextFor>, template: RenderOptions['template']): Promise<void> {
  const format = args.format ?? 'markdown';
  if (!(RANGE_FORMATS as readonly string[]).includes(format)) {
    throw usageError(`a range of versions renders as ${RANGE_FORMATS.join(', ')} (not ${format})`, 'pick one of those with --format, or diff two versions at a time');
  }
  const steps = await runChangelogRange(specs, (source) => ctx.load(source, { externalRefs: 'bundle' }), pipelineOptions(args, ctx.config));
  for (const step of steps) {
    for (const note of step.notes) process.stderr.write(`${step.old} → ${step.new}: ${note}\n`);
    if (step.error) process.stderr.write(`${step.old} → ${step.new}: ${step.error}\n`);
  }
  const failOn = args['fail-on'] ?? 'none';
  const options = { color: colorFor(args).level > 0 && !args.output, rules: ALL_RULES, failOn, toolVersion: VERSION, groupBy: args['group-by'], maxChars: args['max-chars'], template };
  await emit(renderRange(steps, format as RangeFormat, options), args.output, args);
  const failed = steps.find((step) => step.error);
  if (failed) process.exitCode = failed.exitCode ?? ExitCode.internal;
  else if (steps.some((step) => step.report && shouldFail(step.report, failOn))) process.exitCode = ExitCode.findings;
}

function handler(flavour: Flavour) {
  return async (args: DiffArgs) => {
    const ctx = contextFor(args);
    // Read (and size-check) a --template before any spec is loaded: a bad template fails fast.
    const template = args.template === undefined ? undefined : await loadTemplateFile(args.template);
    if (flavour === 'changelog') {
      const specs = args.range !== undefined ? expandRange(args.range, ctx.config) : (args.specs ?? []);
      if (specs.length > 2 || args.range !== undefined) return changelogRange(specs, args, ctx, template);
      [args.old, args.new] = specs;
    }
    // External $refs are followed, so a change in a referenced file is seen (an unfollowable one is an error).
    // Both load at once; when both fail, the old side's error is the one reported, whichever finished first.
    const [oldLoad, newLoad] = await Promise.allSettled([ctx.load(args.old, { externalRefs: 'bundle' }), ctx.load(args.new, { externalRefs: 'bundle' })]);
    if (oldLoad.status === 'rejected') throw oldLoad.reason;
    if (newLoad.status === 'rejected') throw newLoad.reason;
    const [oldSpec, newSpec] = [oldLoad.value, newLoad.value];
    // Both texts (UTF-16 in memory: 22 MB for an 11 MB spec) are garbage once parsed, but V8 keeps them until its old
    // generation fills, which for big specs is during the diff: peak RSS then carries them (docs/performance.md).
    if (oldSpec.bytes + newSpec.bytes >= BIG_PAIR_BYTES) collectGarbage();
    const result = await runDiffPipeline(oldSpec, newSpec, pipelineOptions(args, ctx.config));
    const report = flavour === 'breaking' ? onlyBreaking(result.report) : result.report;
    const failOn = args['fail-on'] ?? 'none';
    for (const note of result.notes) process.stderr.write(`${note}\n`);
    const format = args.format ?? 'text';
    const text =
      format === 'jsonpatch'
        ? JSON.stringify(result.patch ?? [], null, 2)
        : renderReport(report, format, { color: colorFor(args).level > 0 && !args.output, rules: ALL_RULES, failOn, toolVersion: VERSION, compact: args.compact, groupBy: args['group-by'], maxChars: args['max-chars'], template });
    await emit(text, args.output, args);
    if (format === 'github') await writeJobSummary(report, { groupBy: args['group-by'], maxChars: args['max-chars'] });
    if (shouldFail(report, failOn)) process.exitCode = ExitCode.findings;
  };
}

const make = (flavour: Flavour): CommandModule<GlobalArgs, DiffArgs> => ({
  command: flavour === 'changelog' ? 'changelog [specs..]' : `${flavour} <old> <new>`,
  describe: DESCRIBE[flavour],
  builder: builder(flavour) as never,
  handler: handler(flavour),
});

export const diffCommand = make('diff');
export const breakingCommand = make('breaking');
export const changelogCommand = make('changelog');
