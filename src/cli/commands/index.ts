import type { CommandModule } from 'yargs';
import { breakingCommand, changelogCommand, diffCommand } from './diff.js';
import { clientsCommand } from './clients.js';
import { compatCommand } from './compat.js';
import { fetchCommand } from './fetch.js';
import { generatorsCommand } from './generators.js';
import { maskCommand } from './mask.js';
import { proxyCommand } from './proxy.js';
import { rulesCommand } from './rules.js';
import { scaffoldCommand } from './scaffold.js';
import { serveCommand } from './serve.js';
import { sliceCommand } from './slice.js';
import { trustCommand } from './trust.js';
import { validateCommand } from './validate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [diffCommand, breakingCommand, changelogCommand, clientsCommand, compatCommand, fetchCommand, generatorsCommand, maskCommand, proxyCommand, rulesCommand, scaffoldCommand, serveCommand, sliceCommand, trustCommand, validateCommand];
