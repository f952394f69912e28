// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { ExitCode } from '../../errors.js';
import { colorFor, contextFor, emit, type GlobalArgs } from '../context.js';

interface ValidateArgs extends GlobalArgs {
  spec: string;
  format?: 'text' | 'json';
  output?: string;
  'fail-on'?: 'error' | 'warning' | 'none';
}

export const validateCommand: CommandModule<GlobalArgs, ValidateArgs> = {
  command: 'validate <spec>',
  describe: 'Validate against the OpenAPI schema plus checks parsers skip (duplicate operationIds, dangling $refs, …)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('format', { alias: 'f', choices: ['text', 'json'] as const, default: 'text' as const, describe: 'findings as text lines or a JSON array' })
      .option('output', { alias: 'o', type: 'string', describe: 'write the findings to FILE (atomically)' })
      .option('fail-on', { choices: ['error', 'warning', 'none'] as const, default: 'error' as const, describe: 'exit 1 when a finding at this level or above exists' })
      .example('$0 validate openapi.json', 'one line per finding: level, rule id, JSON pointer, message')
      .epilogue('Rule ids: docs/validate.md. Exit 1 when findings reach --fail-on.'),
  handler: async (args) => {
    // Loaded on use: swagger-parser and ajv cost ~0.3 s of startup that other commands should not pay.
    const { formatFindings, validateSpec } = await import('../../openapi/validate/index.js');
    // A spec file's external $refs are bundled in and validated with it; other sources keep them (ref-external warns).
    // Duplicate keys are findings here, not warnings.
    const spec = await contextFor(args).load(args.spec, { externalRefs: 'bundle-files' }, { warnDuplicateKeys: false });
    const findings = await validateSpec(spec.doc, { source: args.spec, duplicateKeys: spec.duplicateKeys });
    const errors = findings.filter((f) => f.level === 'error').length;
    const warnings = findings.length - errors;
    if (args.format === 'json') {
      await emit(JSON.stringify({ source: args.spec, errors, warnings, findings }, null, 2), args.output, args);
    } else {
      const c = colorFor(args);
      const lines = formatFindings(findings).map((line) => (line.startsWith('error') ? c.red(line) : c.yellow(line)));
      lines.push(findings.length === 0 ? c.green(`${args.spec}: valid`) : `${args.spec}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
      await emit(lines.join('\n'), args.output, args);
    }
    const failOn = args['fail-on'];
    if ((failOn === 'error' && errors > 0) || (failOn === 'warning' && findings.length > 0)) process.exitCode = ExitCode.findings;
  },
};
