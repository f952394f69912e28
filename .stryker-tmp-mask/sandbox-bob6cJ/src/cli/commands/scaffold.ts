// @ts-nocheck
import { existsSync, readFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { contextFor, type GlobalArgs } from '../context.js';
import { writeFileAtomically } from '../../output/write.js';

interface ScaffoldArgs extends GlobalArgs {
  what: string;
  spec: string;
  out: string;
}

export const scaffoldCommand: CommandModule<GlobalArgs, ScaffoldArgs> = {
  command: 'scaffold <what> <spec>',
  describe: 'Write a typed skeleton of handlers for `serve --handlers` (re-run after a spec change: adds stubs, lists removed operations)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('what', { type: 'string', choices: ['handlers'], demandOption: true, describe: 'what to scaffold (handlers)' })
      .positional('spec', { type: 'string', demandOption: true, describe: 'spec source (file, -, URL, git:REV:path, cmd:…, version)' })
      .option('out', { alias: 'o', type: 'string', demandOption: true, describe: 'the implementation file, e.g. impl.ts (its types go to impl.api.ts next to it)' })
      .example('$0 scaffold handlers fixtures/farm-manager/openapi.yaml -o impl.ts', 'impl.ts with one stub per operation, impl.api.ts with the types')
      .epilogue('impl.ts is never rewritten: new operations get stubs appended, removed ones are listed. impl.api.ts is regenerated (openapi-typescript). See docs/serve.md.'),
  handler: async (args) => {
    const { scaffoldHandlers, typesFileFor } = await import('../../compat/server/handlers/scaffold.js'); // heavy: loaded on use
    const spec = await contextFor(args).load(args.spec);
    const existing = existsSync(args.out) ? readFileSync(args.out, 'utf8') : undefined;
    const result = await scaffoldHandlers(spec.doc, args.out, existing);
    const follow = { followSymlinks: args['follow-symlinks'] === true };
    const typesFile = typesFileFor(args.out);
    await writeFileAtomically(typesFile, result.types, follow);
    if (existing === undefined || result.added.length > 0) await writeFileAtomically(args.out, result.impl, follow);
    const lines = [
      `wrote ${typesFile}`,
      existing === undefined ? `wrote ${args.out} with ${result.added.length} stub${result.added.length === 1 ? '' : 's'}` : `${args.out}: ${result.added.length} new stub${result.added.length === 1 ? '' : 's'}${result.added.length > 0 ? ` (${result.added.join(', ')})` : ''}, existing code untouched`,
      ...(result.removed.length > 0 ? [`removed from the spec, still in ${args.out} (delete them): ${result.removed.join(', ')}`] : []),
      ...(result.skipped.length > 0 ? [`no stub (handlers are keyed by operationId): ${result.skipped.join('; ')}`] : []),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  },
};
