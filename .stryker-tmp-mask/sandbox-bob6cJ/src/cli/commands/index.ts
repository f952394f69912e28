// @ts-nocheck
import type { CommandModule } from 'yargs';

/**
 * Every command as the top-level `--help` lists it. A command's module, and everything it imports, loads only when
 * that command runs (issue 12: start-up); test/cli/commands.test.ts checks these lines against the modules.
 */
export interface CommandEntry {
  command: string;
  describe: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load: () => Promise<CommandModule<any, any>>;
}

export const commands: CommandEntry[] = [
  { command: 'diff <old> <new>', describe: 'Compare two specs by API meaning ($ref-aware, version-masked) and classify every change', load: async () => (await import('./diff.js')).diffCommand },
  { command: 'breaking <old> <new>', describe: 'Only the breaking changes between two specs (exit 1 when there are any)', load: async () => (await import('./diff.js')).breakingCommand },
  { command: 'changelog [specs..]', describe: 'Release notes (markdown) for the changes between two specs, or over a range of versions (one section per step, newest first)', load: async () => (await import('./diff.js')).changelogCommand },
  { command: 'clients <action>', describe: "Committed generated clients: generate them from the config's clients section, or check that the committed ones match (exit 1 on drift)", load: async () => (await import('./clients.js')).clientsCommand },
  { command: 'compat <spec>', describe: 'Generate clients with public OpenAPI generators, call every operation through each against a validating server, report the generator × operation matrix', load: async () => (await import('./compat.js')).compatCommand },
  { command: 'fetch <source>', describe: 'Load a spec from any source and write it out (JSON or YAML)', load: async () => (await import('./fetch.js')).fetchCommand },
  { command: 'generators <action> [ids..]', describe: 'The client generators compat uses, installed on first use: list them, install them ahead (CI images), prune the cache', load: async () => (await import('./generators.js')).generatorsCommand },
  { command: 'mask <spec>', describe: 'Rewrite (--to), strip (--strip) or list (--detect) version tags in every form', load: async () => (await import('./mask.js')).maskCommand },
  { command: 'proxy <spec>', describe: 'Validating proxy on 127.0.0.1: forwards to a real server and checks every request and response against the spec', load: async () => (await import('./proxy.js')).proxyCommand },
  { command: 'rules', describe: 'List every diff rule id with its level and documentation', load: async () => (await import('./rules.js')).rulesCommand },
  { command: 'scaffold <what> <spec>', describe: 'Write a typed skeleton of handlers for `serve --handlers` (re-run after a spec change: adds stubs, lists removed operations)', load: async () => (await import('./scaffold.js')).scaffoldCommand },
  { command: 'serve <spec>', describe: 'Run the reference server on 127.0.0.1: validates requests, answers with your handlers (--handlers) or valid samples', load: async () => (await import('./serve.js')).serveCommand },
  { command: 'slice <spec>', describe: 'Keep one version\'s paths and the components they reach (a standalone spec)', load: async () => (await import('./slice.js')).sliceCommand },
  { command: 'trust [file]', describe: 'Let a config file run the commands it names (recorded with its content hash; an edited config needs trusting again)', load: async () => (await import('./trust.js')).trustCommand },
  { command: 'validate <spec>', describe: 'Validate against the OpenAPI schema plus checks parsers skip (duplicate operationIds, dangling $refs, …)', load: async () => (await import('./validate.js')).validateCommand },
];

export const commandName = (entry: { command: string | readonly string[] | undefined }): string => String(entry.command).split(' ')[0];
