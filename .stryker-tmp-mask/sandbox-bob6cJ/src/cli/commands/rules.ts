// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { POLICY_NAMES, resolvePolicy } from '../../diff/classify/index.js';
import { ALL_RULES } from '../../diff/rules/index.js';
import { LEVELS, type Level } from '../../diff/model.js';
import { colorFor, emit, type GlobalArgs } from '../context.js';

interface RulesArgs extends GlobalArgs {
  format: 'text' | 'json' | 'markdown';
  level?: string;
  grep?: string;
  policy?: string;
}

export const rulesCommand: CommandModule<GlobalArgs, RulesArgs> = {
  command: 'rules',
  describe: 'List every diff rule id with its level and documentation',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('format', { alias: 'f', choices: ['text', 'json', 'markdown'] as const, default: 'text' as const })
      .option('level', { choices: LEVELS as unknown as string[], describe: 'only rules of this level' })
      .option('grep', { type: 'string', describe: 'only rule ids containing this text' })
      .option('policy', { type: 'string', describe: `levels under a preset: ${POLICY_NAMES.join(', ')} (docs/diff.md)` }),
  handler: async (args) => {
    // Under --policy, a rule shows the preset's level(s); "warning/breaking" where the preset splits the rule.
    const preset = args.policy === undefined ? undefined : resolvePolicy(args.policy, '--policy');
    const levelsOf = (r: (typeof ALL_RULES)[number]): Level[] => {
      const levels = preset?.levelsFor(r.id) ?? [];
      return levels.length > 0 ? levels : [r.level];
    };
    const rules = ALL_RULES.filter((r) => (!args.level || levelsOf(r).includes(args.level as Level)) && (!args.grep || r.id.includes(args.grep))).map((r) => {
      if (!preset) return r;
      // `level` is the worst the preset can give; `levels` lists each one; `notDetected` says why the peer has none.
      const notDetected = preset.notDetected(r.id);
      const doc = notDetected ? `${r.doc} [${preset.name} does not detect this (${notDetected}): specdrift's level]` : r.doc;
      return { ...r, doc, level: LEVELS.find((level) => levelsOf(r).includes(level))!, levels: levelsOf(r), ...(notDetected ? { notDetected } : {}) };
    });
    const shown = (r: (typeof rules)[number]) => ('levels' in r ? r.levels.join('/') : r.level);
    if (args.format === 'json') return emit(JSON.stringify(rules, null, 2));
    if (args.format === 'markdown') {
      return emit(['| rule id | level | description |', '|---|---|---|', ...rules.map((r) => `| \`${r.id}\` | ${shown(r)} | ${r.doc} |`)].join('\n'));
    }
    const c = colorFor(args);
    const paint = { breaking: c.red, warning: c.yellow, info: c.dim };
    const width = Math.max(...rules.map((r) => r.id.length));
    const levelWidth = Math.max(8, ...rules.map((r) => shown(r).length));
    await emit([...rules.map((r) => `${r.id.padEnd(width)}  ${paint[r.level](shown(r).padEnd(levelWidth))}  ${r.doc}`), `${rules.length} rules`].join('\n'));
  },
};
