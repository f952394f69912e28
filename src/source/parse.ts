import { createRequire } from 'node:module';
import type { ParseError } from 'jsonc-parser';
import { isAlias, isMap, isPair, isSeq, parseDocument, type Document } from 'yaml';
import { ExitCode, SpecdriftError } from '../errors.js';
import { isObject, type JsonObject } from '../openapi/types.js';

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

/** Parse spec text (JSON or YAML). `where` names the source in error messages. */
export function parseSpecText(text: string, where: string, nameHint?: string): { value: unknown; format: TextFormat } {
  // A UTF-8 byte-order mark survives decoding as U+FEFF, which JSON.parse refuses (some published specs carry one).
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new SpecdriftError(`${where}: empty input, expected an OpenAPI document`, ExitCode.parse);
  if (looksLikeHtml(text)) {
    throw new SpecdriftError(`${where}: got an HTML page, not an OpenAPI document`, ExitCode.parse, {
      hint: 'point at the raw spec (e.g. …/openapi.json), not at a documentation UI',
    });
  }
  const format = sniffFormat(text, nameHint);
  if (format === 'json') {
    try {
      return { value: JSON.parse(text), format };
    } catch (err) {
      const message = (err as Error).message;
      // A .json name with YAML inside happens (and YAML is a superset of JSON): retry as YAML before failing.
      if (!/^\s*[{[]/.test(text)) return parseYaml(text, where);
      throw new SpecdriftError(
        `${where}:${jsonErrorLocation(text, message)}: malformed JSON (${message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '')})`,
        ExitCode.parse,
        { hint: 'fix the document or check that the source is the spec you meant' },
      );
    }
  }
  return parseYaml(text, where);
}

function parseYaml(text: string, where: string): { value: unknown; format: TextFormat } {
  // uniqueKeys off: real specs carry duplicate keys (JSON.parse keeps the last; we do the same for YAML).
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const pos = err.linePos?.[0];
    const loc = pos ? `${pos.line}:${pos.col}` : '?';
    const firstLine = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new SpecdriftError(`${where}:${loc}: malformed YAML (${firstLine})`, ExitCode.parse, {
      hint: 'fix the document or check that the source is the spec you meant',
    });
  }
  const size = expandedSize(doc);
  if (size > MAX_YAML_NODES) {
    throw new SpecdriftError(`${where}: YAML aliases expand to more than ${MAX_YAML_NODES.toLocaleString('en')} values`, ExitCode.parse, {
      hint: 'nested YAML aliases multiply: check where the document came from',
    });
  }
  // The library would print a Node warning on stderr for a collection used as a key (`? [a, b] : c`, stringified).
  doc.options.logLevel = 'error';
  try {
    return { value: doc.toJS({ maxAliasCount: 10_000 }), format: 'yaml' };
  } catch (err) {
    // The yaml library's own guard against alias fan-out.
    throw new SpecdriftError(`${where}: YAML aliases expand too much (${(err as Error).message})`, ExitCode.parse, { hint: 'check where the document came from' });
  }
}

/** Values a YAML document may expand to through aliases (an OpenAPI document of 100 MB has a few million). */
const MAX_YAML_NODES = 10_000_000;

/**
 * How many values the document becomes once aliases are expanded, counted on the syntax tree without
 * expanding anything (each anchored node is sized once): the yaml library's alias count lets a few hundred
 * nested aliases through that expand to gigabytes. Stops counting past the limit.
 */
function expandedSize(doc: Document): number {
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
