// @ts-nocheck
import { ExitCode, SpecdriftError } from '../errors.js';
import { derefLocal, pointerFromTokens, tokensFromPointer, unescapePointerToken } from './refs.js';
import { isObject, type Json, type JsonObject } from './types.js';

/**
 * jq-style paths (`.components.schemas."v0.0.40_job"`, `.paths["/slurm/v0.0.40/jobs"].get.responses["200"]`,
 * `.a.items[0]`) and JSON pointers (`#/components/schemas/v0.0.40_job`, `/paths/~1jobs`).
 * Hand-written: jq libraries evaluate full programs; we need only the path subset, with a pointer back into
 * the document and an error that names the first missing segment.
 */
export function parseSelector(expr: string): string[] {
  const text = expr.trim();
  if (text === '' || text === '.' || text === '#' || text === '#/') return [];
  if (text.startsWith('#/') || text.startsWith('/')) {
    return text
      .replace(/^#/, '')
      .slice(1)
      .split('/')
      .map((s) => unescapePointerToken(decodeURIComponent(s)));
  }
  if (!text.startsWith('.') && !text.startsWith('[')) {
    throw new SpecdriftError(`bad selector "${expr}": must start with "." (jq path) or "#/" (JSON pointer)`, ExitCode.usage, {
      hint: 'e.g. .components.schemas."v0.0.40_job" or #/components/schemas/v0.0.40_job',
    });
  }
  const segments: string[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new SpecdriftError(`bad selector "${expr}" at column ${i + 1}: ${what}`, ExitCode.usage, {
      hint: 'quote keys with dots or slashes: ."v0.0.40_job" or ["/slurm/v0.0.40/jobs"]',
    });
  };
  const readQuoted = (): string => {
    const quote = text[i];
    let j = i + 1;
    let out = '';
    while (j < text.length && text[j] !== quote) {
      if (text[j] === '\\' && j + 1 < text.length) {
        out += text[j + 1];
        j += 2;
      } else out += text[j++];
    }
    if (j >= text.length) fail('unterminated string');
    i = j + 1;
    return out;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      i++;
      if (i >= text.length) break; // trailing "." (jq identity)
      if (text[i] === '"' || text[i] === "'") segments.push(readQuoted());
      else if (text[i] === '[') continue;
      else {
        const m = /^[A-Za-z0-9_$@+-]+/.exec(text.slice(i));
        if (!m) fail(`unexpected "${text[i]}"`);
        segments.push(m![0]);
        i += m![0].length;
      }
    } else if (c === '[') {
      i++;
      if (text[i] === '"' || text[i] === "'") segments.push(readQuoted());
      else {
        const m = /^\d+/.exec(text.slice(i));
        if (!m) fail('expected a quoted key or an index inside [ ]');
        segments.push(m![0]);
        i += m![0].length;
      }
      if (text[i] !== ']') fail('expected "]"');
      i++;
    } else if (c === '?') {
      i++; // jq's optional marker: tolerated, has no meaning for a path
    } else fail(`unexpected "${c}"`);
  }
  return segments;
}

/** Selections print as URI fragments (`#/components/…`), the form users paste into `--select`. */
const toFragment = (segments: readonly string[]): string => '#' + pointerFromTokens(segments);

export interface Selection {
  value: Json;
  /** JSON pointer of the selected node in the document (after following `$ref`s on the way). */
  pointer: string;
}

/**
 * Walk the selector through the document. When a segment is missing under a `$ref` object, the walk follows the
 * reference (so `.…properties.jobs.items.properties.job_id` works whether `items` is inline or a `$ref`).
 */
export function select(doc: JsonObject, expr: string): Selection {
  const segments = parseSelector(expr);
  let node: Json = doc;
  let path: string[] = [];
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k];
    if (isObject(node) && typeof node.$ref === 'string' && !(seg in node)) {
      const target = derefLocal(doc, node, toFragment(path).slice(1));
      if (target) {
        node = target.node;
        path = tokensFromPointer(target.pointer) ?? path;
      }
    }
    let next: Json | undefined;
    if (Array.isArray(node) && /^\d+$/.test(seg)) next = node[Number(seg)];
    else if (isObject(node)) next = Object.prototype.hasOwnProperty.call(node, seg) ? node[seg] : undefined;
    if (next === undefined) {
      const at = toFragment(path);
      const keys = isObject(node) ? Object.keys(node) : [];
      const near = keys.filter((key) => key.includes(seg) || seg.includes(key)).slice(0, 3);
      throw new SpecdriftError(
        `selector ${expr}: no "${seg}" at ${at === '#' ? 'the document root' : at}`,
        ExitCode.usage,
        { hint: near.length ? `did you mean ${near.map((n) => JSON.stringify(n)).join(', ')}?` : `keys there: ${keys.slice(0, 8).join(', ') || '(none)'}` },
      );
    }
    node = next;
    path = [...path, seg];
  }
  return { value: node, pointer: toFragment(path) };
}
