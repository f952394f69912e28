// @ts-nocheck
import type { Argv, CommandModule } from 'yargs';
import { ExitCode, SpecdriftError } from '../../errors.js';
import { loadConfig } from '../../source/config.js';
import { revokeConfig, stateDir, trustConfig, trustedConfigs } from '../../source/trust.js';
import { emit, type GlobalArgs } from '../context.js';

interface TrustArgs extends GlobalArgs {
  file?: string;
  list?: boolean;
  revoke?: boolean;
}

/** Every `cmd:` a config can run: the version source template and single-version sources, and clients.specs. */
function commandsIn(config: object): string[] {
  const out: string[] = [];
  const c = config as { versions?: { source?: string; sources?: Record<string, string> }; clients?: { specs?: string[] } };
  for (const s of [c.versions?.source, ...Object.values(c.versions?.sources ?? {}), ...(c.clients?.specs ?? [])]) {
    if (typeof s === 'string' && s.startsWith('cmd:')) out.push(s);
  }
  return out;
}

export const trustCommand: CommandModule<GlobalArgs, TrustArgs> = {
  command: 'trust [file]',
  describe: 'Let a config file run the commands it names (recorded with its content hash; an edited config needs trusting again)',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('file', { type: 'string', describe: 'the config (default: --config, or the specdrift.config.* found from here)' })
      .option('list', { type: 'boolean', default: false, describe: 'list trusted configs' })
      .option('revoke', { type: 'boolean', default: false, describe: 'forget the config' })
      .example('$0 trust', 'trust the specdrift.config.* of this repository after reading it')
      .example('$0 trust --list', 'what is trusted, and where that is recorded')
      .epilogue('Trust is recorded in $SPECDRIFT_STATE_DIR (default ~/.local/state/specdrift). In CI, pass --allow-commands or set SPECDRIFT_ALLOW_COMMANDS=1. See docs/security.md.'),
  handler: async (args) => {
    if (args.list) {
      const rows = trustedConfigs().map((t) => `${t.hash.slice(0, 16)}  ${t.path}`);
      await emit([...rows, `${rows.length} trusted config${rows.length === 1 ? '' : 's'} (${stateDir()})`].join('\n'));
      return;
    }
    const loaded = loadConfig(args.file ?? args.config);
    if (loaded.path === '(built-in)') {
      throw new SpecdriftError('no specdrift.config.* found here or in a parent directory', ExitCode.usage, { hint: 'give the config file: specdrift trust FILE' });
    }
    if (args.revoke) {
      const was = await revokeConfig(loaded.path);
      await emit(was ? `revoked ${loaded.path}` : `${loaded.path} was not trusted`);
      return;
    }
    const hash = await trustConfig(loaded.path);
    const commands = commandsIn(loaded.config);
    await emit(
      [
        `trusted ${loaded.path} (sha256 ${hash.slice(0, 16)}…)`,
        ...(commands.length > 0 ? ['commands it may run:', ...commands.map((c) => `  ${c}`)] : ['it names no commands']),
      ].join('\n'),
    );
  },
};
