/**
 * Which config files the user has trusted to run commands (`specdrift trust`). A config found in a cloned
 * repository is somebody else's text: its `cmd:` sources run only when the user recorded that exact file
 * (path and content hash) in their own state directory, or passed --allow-commands. Editing a trusted
 * config makes it untrusted again.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { crypto } from '../builtins.js';
import { ExitCode, SpecdriftError } from '../errors.js';
import { writeFileAtomically } from '../output/write.js';

/** `$SPECDRIFT_STATE_DIR`, else `$XDG_STATE_HOME/specdrift`, else `~/.local/state/specdrift`. */
export function stateDir(): string {
  if (process.env.SPECDRIFT_STATE_DIR) return resolve(process.env.SPECDRIFT_STATE_DIR);
  return join(process.env.XDG_STATE_HOME || join(homedir(), '.local', 'state'), 'specdrift');
}

const trustFile = () => join(stateDir(), 'trusted-configs.json');

export const contentHash = (text: string | Buffer): string => crypto().createHash('sha256').update(text).digest('hex');

type TrustStore = Record<string, string>;

function readStore(): TrustStore {
  const file = trustFile();
  if (!existsSync(file)) return {};
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { configs?: TrustStore };
    return parsed.configs && typeof parsed.configs === 'object' ? parsed.configs : {};
  } catch {
    // A damaged store trusts nothing; `specdrift trust` rewrites it.
    return {};
  }
}

const writeStore = (store: TrustStore) => writeFileAtomically(trustFile(), `${JSON.stringify({ version: 1, configs: store }, null, 2)}\n`, { createParents: true });

/** Is the config at `path` (absolute), with this content, trusted by the user? */
export function isTrustedConfig(path: string, text: string | Buffer): boolean {
  return readStore()[path] === contentHash(text);
}

/** Records the config file as trusted in its current content; returns the hash recorded. */
export async function trustConfig(path: string): Promise<string> {
  const absolute = resolve(path);
  let text: Buffer;
  try {
    text = readFileSync(absolute);
  } catch {
    throw new SpecdriftError(`cannot read config ${absolute}`, ExitCode.config, { hint: 'give the path of a specdrift.config.* file' });
  }
  const hash = contentHash(text);
  await writeStore({ ...readStore(), [absolute]: hash });
  return hash;
}

/** Forgets a trusted config; returns whether it was trusted. */
export async function revokeConfig(path: string): Promise<boolean> {
  const store = readStore();
  const absolute = resolve(path);
  if (!(absolute in store)) return false;
  delete store[absolute];
  await writeStore(store);
  return true;
}

export function trustedConfigs(): { path: string; hash: string }[] {
  return Object.entries(readStore()).map(([path, hash]) => ({ path, hash }));
}

/** SPECDRIFT_ALLOW_COMMANDS=1 (or true/yes) is the CI spelling of --allow-commands. */
export const commandsAllowedByEnv = (): boolean => /^(1|true|yes)$/i.test(process.env.SPECDRIFT_ALLOW_COMMANDS ?? '');
