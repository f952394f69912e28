import type { Argv, CommandModule } from 'yargs';
import { ALL_RULES } from '../../diff/rules/index.js';
import { LEVELS } from '../../diff/model.js';
import { colorFor, emit, type GlobalArgs } from '../context.js';

interface RulesArgs extends GlobalArgs {
  format: 'text' | 'json' | 'markdown';
  level?: string;
  grep?: string;
}

export const rulesCommand: CommandModule<GlobalArgs, RulesArgs> = {
  command: 'rules',
  describe: 'List every diff rule id with its level and documentation',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('format', { alias: 'f', choices: ['text', 'json', 'markdown'] as const, default: 'text' as const })
      .option('level', { choices: LEVELS as unknown as string[], describe: 'only rules of this level' })
      .option('grep', { type: 'string', describe: 'only rule ids containing this text' }),
  handler: async (args) => {
    const rules = ALL_RULES.filter((r) => (!args.level || r.level === args.level) && (!args.grep || r.id.includes(args.grep)));
    if (args.format === 'json') return emit(JSON.stringify(rules, null, 2));
    if (args.format === 'markdown') {
      return emit(['| rule id | level | description |', '|---|---|---|', ...rules.map((r) => `| \`${r.id}\` | ${r.level} | ${r.doc} |`)].join('\n'));
    }
    const c = colorFor(args);
    const paint = { breaking: c.red, warning: c.yellow, info: c.dim };
    const width = Math.max(...rules.map((r) => r.id.length));
    await emit([...rules.map((r) => `${r.id.padEnd(width)}  ${paint[r.level](r.level.padEnd(8))}  ${r.doc}`), `${rules.length} rules`].join('\n'));
  },
};
