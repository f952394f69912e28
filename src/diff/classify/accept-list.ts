import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { Node } from 'yaml';
import { ExitCode, SpecdriftError } from '../../errors.js';
import type { Change } from '../model.js';
import { compileGlob, type Matcher } from './glob.js';

/**
 * One accept-list entry. It selects changes by stable identity, never by message text:
 * either by fingerprint, or by rule-id glob with optional operation path glob and method.
 * Every field given must match.
 */
export interface AcceptEntry {
  /** Where the entry was written: `accept.yaml:12`. */
  origin: string;
  fingerprint?: string;
  /** Rule id or glob, e.g. `request-property-required-added` or `response-*`. */
  rule?: string;
  /** Operation path glob (`/slurm/*\/job/submit`), or a location glob when it starts with `#` (`#/components/schemas/*_job`). */
  path?: string;
  /** HTTP method, upper case, or `*`. */
  method?: string;
  reason: string;
  /** ISO date `YYYY-MM-DD`: the entry stops applying on that day. */
  expires?: string;
  /** The entry's selector in the one-line syntax: `FINGERPRINT` or `RULE [PATH] [METHOD]`. */
  selector: string;
}

export const ACCEPT_ENTRY_KEYS = ['fingerprint', 'rule', 'path', 'method', 'reason', 'expires'] as const;
const HTTP_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'];
const FINGERPRINT = /^[0-9a-f]{16}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function configError(origin: string, message: string, hint?: string): SpecdriftError {
  return new SpecdriftError(`${origin}: ${message}`, ExitCode.config, {
    hint: hint ?? 'see docs/accept-list.md for the accept-list format',
  });
}

function normaliseDate(raw: unknown, origin: string): string {
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
  const parsed = new Date(`${text}T00:00:00Z`);
  if (!ISO_DATE.test(text) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw configError(origin, `'expires' must be a date YYYY-MM-DD, got '${text}'`, 'e.g. expires: 2027-01-01');
  }
  return text;
}

function normaliseMethod(raw: string, origin: string): string {
  const method = raw.trim().toUpperCase();
  if (method !== '*' && !HTTP_METHODS.includes(method)) {
    throw configError(origin, `unknown HTTP method '${raw}'`, `use one of ${HTTP_METHODS.join(', ')} or *`);
  }
  return method;
}

function selectorText(entry: Omit<AcceptEntry, 'selector' | 'origin' | 'reason'>): string {
  const parts = entry.fingerprint ? [entry.fingerprint] : [];
  if (entry.rule) parts.push(entry.rule);
  if (entry.path) parts.push(entry.path);
  if (entry.method) parts.push(entry.method);
  return parts.join(' ');
}

/** Builds a checked entry from already-split fields; `originOf(key)` names the line of that key. */
function buildEntry(fields: Record<string, unknown>, originOf: (key?: string) => string): AcceptEntry {
  for (const key of Object.keys(fields)) {
    if (!(ACCEPT_ENTRY_KEYS as readonly string[]).includes(key)) {
      throw configError(originOf(key), `unknown key '${key}' in accept-list entry`, `allowed keys: ${ACCEPT_ENTRY_KEYS.join(', ')}`);
    }
  }
  const text = (key: string): string | undefined => {
    const value = fields[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') throw configError(originOf(key), `'${key}' must be a string`);
    const trimmed = String(value).trim();
    if (trimmed === '') throw configError(originOf(key), `'${key}' is empty`);
    return trimmed;
  };
  const fingerprint = text('fingerprint');
  if (fingerprint !== undefined && !FINGERPRINT.test(fingerprint)) {
    throw configError(originOf('fingerprint'), `fingerprint '${fingerprint}' is not 16 hex digits`, 'copy it from the report (json, singleline or text format)');
  }
  const rule = text('rule');
  if (fingerprint === undefined && rule === undefined) {
    throw configError(originOf(), 'accept-list entry needs a fingerprint or a rule', 'e.g. rule: response-property-removed');
  }
  const reason = fields.reason === undefined || fields.reason === null ? undefined : text('reason');
  if (reason === undefined) {
    throw configError(originOf(), 'accept-list entry has no reason', 'add reason: why this change is acceptable (who decided, ticket)');
  }
  const method = text('method');
  const entry: Omit<AcceptEntry, 'selector'> = {
    origin: originOf(),
    fingerprint: fingerprint?.toLowerCase(),
    rule,
    path: text('path'),
    method: method === undefined ? undefined : normaliseMethod(method, originOf('method')),
    reason,
    expires: fields.expires === undefined || fields.expires === null ? undefined : normaliseDate(fields.expires, originOf('expires')),
  };
  for (const key of Object.keys(entry) as (keyof typeof entry)[]) if (entry[key] === undefined) delete entry[key];
  return { ...entry, selector: selectorText(entry) };
}

const LINE_SYNTAX = /^(?<selector>.*?)\s+reason:\s*(?<reason>.*?)(?:\s+expires:\s*(?<expires>\S+))?\s*$/;

/** Parses one entry in the line syntax: `SELECTOR reason: TEXT [expires: YYYY-MM-DD]`. */
export function parseAcceptLine(line: string, origin: string): AcceptEntry {
  const match = LINE_SYNTAX.exec(` ${line.trim()}`);
  const selector = match?.groups?.selector.trim() ?? '';
  if (!match) {
    throw configError(origin, 'accept-list entry has no reason', "write 'RULE [PATH] [METHOD] reason: TEXT' or 'FINGERPRINT reason: TEXT'");
  }
  if (selector === '') {
    throw configError(origin, "accept-list entry has no rule or fingerprint before 'reason:'", "write 'RULE [PATH] [METHOD] reason: TEXT'");
  }
  const tokens = selector.split(/\s+/);
  const fields: Record<string, unknown> = { reason: match.groups?.reason, expires: match.groups?.expires };
  if (FINGERPRINT.test(tokens[0])) {
    if (tokens.length > 1) throw configError(origin, `a fingerprint entry takes nothing else before 'reason:', got '${selector}'`);
    fields.fingerprint = tokens[0];
  } else if (tokens.length > 3) {
    throw configError(origin, `too many words before 'reason:' in '${selector}'`, 'write RULE [PATH] [METHOD] reason: TEXT (globs contain no spaces)');
  } else {
    fields.rule = tokens[0];
    const isMethod = (token: string) => token === '*' || HTTP_METHODS.includes(token.toUpperCase());
    if (tokens.length === 2 && isMethod(tokens[1])) fields.method = tokens[1];
    else {
      fields.path = tokens[1];
      fields.method = tokens[2];
    }
  }
  if (fields.reason === '') fields.reason = undefined;
  return buildEntry(fields, () => origin);
}

function parseLineFormat(text: string, fileName: string): AcceptEntry[] {
  const entries: AcceptEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    entries.push(parseAcceptLine(trimmed, `${fileName}:${index + 1}`));
  });
  return entries;
}

function parseStructured(text: string, fileName: string): AcceptEntry[] {
  // Loaded here, not at start-up: a diff without an accept-list file never needs the yaml library (issue 12).
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? `${fileName}:${lineCounter.linePos(node.range[0]).line}` : fileName);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = lineCounter.linePos(error.pos[0]).line;
    throw configError(`${fileName}:${line}`, `malformed accept-list: ${error.message.split('\n')[0]}`);
  }
  let list: Node | null | undefined = doc.contents as Node | null;
  if (list === null || list === undefined) return [];
  if (isMap(list)) {
    for (const pair of list.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (key !== 'accept') {
        throw configError(lineOf(pair.key as Node), `unknown top-level key '${key}'`, "an accept-list is a list of entries, or an object with an 'accept' list");
      }
    }
    list = list.get('accept', true) as Node | undefined;
    // `accept:` with every entry commented out is an empty list (the node is a null scalar, not null)
    if (list === undefined || list === null || (isScalar(list) && list.value === null)) return [];
  }
  if (!isSeq(list)) throw configError(lineOf(list), "expected a list of accept-list entries (or 'accept:' with a list)");
  return list.items.map((item) => {
    const node = item as Node;
    if (isScalar(node) && typeof node.value === 'string') return parseAcceptLine(node.value, lineOf(node));
    if (!isMap(node)) throw configError(lineOf(node), 'accept-list entry must be an object or a one-line string');
    // An unquoted one-line entry (`- RULE PATH reason: text`) parses as a one-pair map: read it as the line it is.
    const onlyPair = node.items.length === 1 ? node.items[0] : undefined;
    if (onlyPair && isScalar(onlyPair.key) && /\sreason$/.test(String(onlyPair.key.value)) && isScalar(onlyPair.value)) {
      return parseAcceptLine(`${String(onlyPair.key.value)}: ${String(onlyPair.value.value ?? '')}`, lineOf(node));
    }
    const fields: Record<string, unknown> = {};
    const keyNodes = new Map<string, Node>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      keyNodes.set(key, pair.key as Node);
      const value = pair.value as Node | null;
      fields[key] = isScalar(value) ? value.value : value === null ? null : (value.toJSON() as unknown);
    }
    return buildEntry(fields, (key) => lineOf(key === undefined ? node : keyNodes.get(key)));
  });
}

/** Structured (YAML/JSON) when the extension says so or the first meaningful line looks like YAML/JSON; else the line syntax. */
function isStructured(text: string, fileName: string): boolean {
  const ext = extname(fileName).toLowerCase();
  if (['.json', '.yaml', '.yml'].includes(ext)) return true;
  const first = text.split(/\r?\n/).map((line) => line.trim()).find((line) => line !== '' && !line.startsWith('#'));
  return first !== undefined && (/^[[{-]/.test(first) || first.startsWith('accept:') || first === '---');
}

/** Parses an accept-list file's text (YAML, JSON or the line syntax). Throws SpecdriftError(config) naming file:line. */
export function parseAcceptList(text: string, fileName: string): AcceptEntry[] {
  return isStructured(text, fileName) ? parseStructured(text, fileName) : parseLineFormat(text, fileName);
}

export type AcceptMatcher = (change: Change) => boolean;

/** Compiles an entry into a predicate over changes. Path and method must hold for every operation the change affects. */
export function compileAcceptEntry(entry: AcceptEntry): AcceptMatcher {
  const matchRule: Matcher | undefined = entry.rule === undefined ? undefined : compileGlob(entry.rule);
  const matchPath: Matcher | undefined = entry.path === undefined ? undefined : compileGlob(entry.path);
  const locationOnly = entry.path?.startsWith('#') ?? false;
  const method = entry.method;
  return (change) => {
    if (entry.fingerprint !== undefined && change.fingerprint !== entry.fingerprint) return false;
    if (matchRule && !matchRule(change.id)) return false;
    const operations = change.operations;
    if (matchPath) {
      if (locationOnly || operations.length === 0) {
        if (!matchPath(change.location)) return false;
      } else if (!operations.every((operation) => matchPath(operation.path))) return false;
    }
    if (method !== undefined && method !== '*') {
      if (operations.length === 0) {
        if (!change.location.toUpperCase().startsWith(`${method} `)) return false;
      } else if (!operations.every((operation) => operation.method.toUpperCase() === method)) return false;
    }
    return true;
  };
}
