// @ts-nocheck
import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import type { Document } from 'yaml';
import { ExitCode, SpecdriftError } from '../errors.js';
import { DEFAULT_MAX_DEPTH, measureDepth, shortPointer } from '../openapi/depth.js';
import { isObject, type DuplicateKey, type JsonObject } from '../openapi/types.js';
import { countJsonMembers, findJsonDuplicateKeys, findYamlDuplicateKeys, yamlLibrary } from './duplicates.js';

export type TextFormat = 'json' | 'yaml';

/** JSON when the text starts like JSON; YAML otherwise (YAML parsing a 10 MB JSON file is ~20× slower than JSON.parse). */
export function sniffFormat(text: string, nameHint?: string): TextFormat {
  if (nameHint && /\.json$/i.test(nameHint)) return 'json';
  if (nameHint && /\.ya?ml$/i.test(nameHint)) return 'yaml';
  const first = text.match(/^\s*(\S)/)?.[1];
  return first === '{' || first === '[' ? 'json' : 'yaml';
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lastNewline = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastNewline = i;
    }
  }
  return { line, col: offset - lastNewline };
}

/** Node's JSON.parse message carries "position N" (Node 20) — turn it into line:col for the user. */
function jsonErrorLocation(text: string, message: string): string {
  const at = message.match(/position (\d+)/);
  if (at) {
    const { line, col } = lineCol(text, Number(at[1]));
    return `${line}:${col}`;
  }
  if (/Unexpected end of JSON input/.test(message)) {
    const { line, col } = lineCol(text, text.length);
    return `${line}:${col}`;
  }
  // Some V8 messages ("Unexpected token '}', …") carry no position: jsonc-parser (VS Code's) reports an offset for every error.
  const { parse: parseJsonc } = createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser'); // error path only
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length === 0) return '?';
  const { line, col } = lineCol(text, errors[0].offset);
  return `${line}:${col}`;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(text);
}

export interface ParseOptions {
  /** Deepest nesting accepted, counting `$ref`s followed (--max-depth; docs/security.md). */
  maxDepth?: number;
}

export interface ParsedText {
  value: unknown;
  format: TextFormat;
  /** Keys written twice in one object: the value keeps the last. */
  duplicateKeys: DuplicateKey[];
}

/** The line for a document nested past the limit (exit 4, like any document that cannot be used). */
export function tooDeepError(where: string, limit: number, pointer: string, refs: number): SpecdriftError {
  const through = refs > 0 ? ` (through ${refs} $ref${refs === 1 ? '' : 's'})` : '';
  return new SpecdriftError(`${where}: nests deeper than ${limit} levels at #${shortPointer(pointer)}${through}`, ExitCode.parse, {
    hint: 'real specs nest well under 100 levels; if this one is meant to, raise --max-depth (docs/security.md)',
  });
}

/** Refuse a parsed document nested past the limit (one iterative pass); returns its member count. */
export function assertDepth(value: unknown, where: string, limit = DEFAULT_MAX_DEPTH): number {
  const { keys, tooDeep } = measureDepth(value, limit);
  if (tooDeep) throw tooDeepError(where, limit, tooDeep.pointer, tooDeep.refs);
  return keys;
}

/** Parse spec text (JSON or YAML). `where` names the source in error messages. */
export function parseSpecText(text: string, where: string, nameHint?: string, opts: ParseOptions = {}): ParsedText {
  // A UTF-8 byte-order mark survives decoding as U+FEFF, which JSON.parse refuses (some published specs carry one).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new SpecdriftError(`${where}: empty input, expected an OpenAPI document`, ExitCode.parse);
  if (looksLikeHtml(text)) {
    throw new SpecdriftError(`${where}: got an HTML page, not an OpenAPI document`, ExitCode.parse, {
      hint: 'point at the raw spec (e.g. …/openapi.json), not at a documentation UI',
    });
  }
  const format = sniffFormat(text, nameHint);
  const limit = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text); // iterative in V8: any depth parses, the check below refuses it
    } catch (err) {
      const message = (err as Error).message;
      // A .json name with YAML inside happens (and YAML is a superset of JSON): retry as YAML before failing.
      if (!/^\s*[{[]/.test(text)) return parseYaml(text, where, limit);
      throw new SpecdriftError(
        `${where}:${jsonErrorLocation(text, message)}: malformed JSON (${message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '')})`,
        ExitCode.parse,
        { hint: 'fix the document or check that the source is the spec you meant' },
      );
    }
    const members = assertDepth(value, where, limit);
    // JSON.parse dropped a key when the text has more members than the value: only then find which.
    return { value, format, duplicateKeys: countJsonMembers(text) === members ? [] : findJsonDuplicateKeys(text) };
  }
  return parseYaml(text, where, limit);
}

/** js-yaml's API as used here (the package ships no types). */
interface JsYaml {
  load(text: string, opts: { schema: unknown; json?: boolean }): unknown;
  CORE_SCHEMA: unknown;
}
let jsYaml: JsYaml | undefined;

/** Where an anchor (`&name`) may start; prose such as `R&D` does not match, `a &b` does (and only costs the slow path). */
const MAY_HAVE_ANCHOR = /(^|[\s[\]{},:?-])&[^\s[\]{},]/m;

/**
 * The fast path for YAML (issue 12: YAML within 1.3× of JSON): js-yaml builds JS values straight from the text,
 * ~10× faster than the syntax tree below. Taken only where it cannot differ from the slow path: no anchors (so
 * no aliases to limit), YAML 1.2's core schema like the yaml library's (no dates, no `<<` merges), and any
 * error — a duplicate key included, which js-yaml refuses — goes to the slow path, which reports it with its position.
 */
function parseYamlFast(text: string): { value: unknown } | undefined {
  if (MAY_HAVE_ANCHOR.test(text)) return undefined;
  jsYaml ??= createRequire(import.meta.url)('js-yaml') as JsYaml;
  try {
    const value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
    return value === undefined ? undefined : { value }; // comments only: the slow path says what it is
  } catch {
    return undefined;
  }
}

/** Values in an alias-free document (what expandedSize counts on the syntax tree), stopping past the limit. */
function valueCount(value: unknown): number {
  let total = 0;
  const stack = [value];
  while (stack.length > 0 && total <= MAX_YAML_NODES) {
    const v = stack.pop();
    total++;
    if (Array.isArray(v)) for (const item of v) stack.push(item);
    else if (v !== null && typeof v === 'object') for (const [k, item] of Object.entries(v)) stack.push(k, item);
  }
  return total;
}

function parseYaml(text: string, where: string, limit: number): ParsedText {
  const fast = parseYamlFast(text);
  if (fast !== undefined) {
    if (valueCount(fast.value) > MAX_YAML_NODES) throw tooManyYamlValues(where);
    assertDepth(fast.value, where, limit);
    return { value: fast.value, format: 'yaml', duplicateKeys: [] };
  }
  // uniqueKeys off: real specs carry duplicate keys; the last one wins as in JSON.parse, and each is reported.
  const { LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true, lineCounter });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = err.linePos?.[0];
    const loc = pos ? `${pos.line}:${pos.col}` : '?';
    // The YAML reader recurses: a document that nests past its stack (~700 levels) ends up here.
    if (/call stack/i.test(err.message)) {
      throw new SpecdriftError(`${where}:${loc}: nests too deeply to read (the limit is ${limit} levels)`, ExitCode.parse, {
        hint: 'real specs nest well under 100 levels: check where the document came from (docs/security.md)',
      });
    }
    const firstLine = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new SpecdriftError(`${where}:${loc}: malformed YAML (${firstLine})`, ExitCode.parse, {
      hint: 'fix the document or check that the source is the spec you meant',
    });
  }
  const tooDeepToRead = () =>
    new SpecdriftError(`${where}: nests too deeply to read through its aliases (the limit is ${limit} levels)`, ExitCode.parse, {
      hint: 'real specs nest well under 100 levels: check where the document came from (docs/security.md)',
    });
  let size: number;
  try {
    size = expandedSize(doc);
  } catch (err) {
    if (err instanceof RangeError) throw tooDeepToRead(); // a chain of aliases nested in aliases
    throw err;
  }
  if (size > MAX_YAML_NODES) throw tooManyYamlValues(where);
  // The library would print a Node warning on stderr for a collection used as a key (`? [a, b] : c`, stringified).
  doc.options.logLevel = 'error';
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 10_000 });
  } catch (err) {
    if (err instanceof RangeError) throw tooDeepToRead();
    // The yaml library's own guard against alias fan-out.
    throw new SpecdriftError(`${where}: YAML aliases expand too much (${(err as Error).message})`, ExitCode.parse, { hint: 'check where the document came from' });
  }
  assertDepth(value, where, limit);
  return { value, format: 'yaml', duplicateKeys: findYamlDuplicateKeys(doc, lineCounter) };
}

const tooManyYamlValues = (where: string) =>
  new SpecdriftError(`${where}: YAML aliases expand to more than ${MAX_YAML_NODES.toLocaleString('en')} values`, ExitCode.parse, {
    hint: 'nested YAML aliases multiply: check where the document came from',
  });

/** Values a YAML document may expand to through aliases (an OpenAPI document of 100 MB has a few million). */
const MAX_YAML_NODES = 10_000_000;

/**
 * How many values the document becomes once aliases are expanded, counted on the syntax tree without
 * expanding anything (each anchored node is sized once): the yaml library's alias count lets a few hundred
 * nested aliases through that expand to gigabytes. Stops counting past the limit.
 */
function expandedSize(doc: Document): number {
  const { isAlias, isMap, isPair, isSeq } = yamlLibrary();
  const memo = new Map<unknown, number>();
  const open = new Set<unknown>();
  const size = (node: unknown): number => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target === undefined ? 1 : size(target);
    }
    if (!isMap(node) && !isSeq(node)) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) return 1; // an alias to an enclosing node: a cycle, counted once
    open.add(node);
    let total = 1;
    for (const item of node.items as unknown[]) {
      total += isPair(item) ? size(item.key) + size(item.value) : size(item);
      if (total > MAX_YAML_NODES) break;
    }
    open.delete(node);
    memo.set(node, total);
    return total;
  };
  return size(doc.contents);
}

/** Refuse anything that is not an OpenAPI 3.x or Swagger 2.0 document. */
export function assertOpenApi(value: unknown, where: string): JsonObject {
  if (!isObject(value)) {
    throw new SpecdriftError(`${where}: not an OpenAPI document (top level is ${Array.isArray(value) ? 'an array' : typeof value})`, ExitCode.parse);
  }
  const openapi = value.openapi;
  const swagger = value.swagger;
  if (typeof openapi === 'string' && /^3\.\d+/.test(openapi)) return value;
  if (swagger === '2.0' || swagger === 2) return value;
  if (openapi !== undefined || swagger !== undefined) {
    throw new SpecdriftError(`${where}: unsupported OpenAPI version ${JSON.stringify(openapi ?? swagger)}`, ExitCode.parse, {
      hint: 'specdrift reads OpenAPI 3.0, 3.1 and Swagger 2.0',
    });
  }
  throw new SpecdriftError(`${where}: not an OpenAPI document (no "openapi" or "swagger" key at the top level)`, ExitCode.parse);
}
