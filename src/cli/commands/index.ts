import type { CommandModule } from 'yargs';
import { fetchCommand } from './fetch.js';
import { maskCommand } from './mask.js';
import { sliceCommand } from './slice.js';
import { validateCommand } from './validate.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: CommandModule<any, any>[] = [fetchCommand, maskCommand, sliceCommand, validateCommand];
