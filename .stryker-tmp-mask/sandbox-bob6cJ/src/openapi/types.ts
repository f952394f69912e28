/** JSON values as parsed from a spec. Specs are plain data: no classes, no undefined. */
// @ts-nocheck

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export type SourceKind = 'file' | 'stdin' | 'url' | 'git' | 'command' | 'version' | 'inline';

/** A spec as the loader returns it: the parsed document plus where it came from. */
export interface LoadedSpec {
  doc: JsonObject;
  /** The source string the user gave (e.g. `v41`, `git:HEAD:api.json`, `cmd:slurmrestd …`). */
  source: string;
  /** What the source resolved to (file path, URL, `git show` argument, command line). */
  resolved: string;
  kind: SourceKind;
  format: 'json' | 'yaml';
  /** Size of the raw text in bytes. */
  bytes: number;
  /** Set when external `$ref`s were bundled in: where content from other files now sits (see source/external.ts). */
  externalRefs?: { pointer: string; ref: string }[];
  /** Keys written twice in one object or mapping: the document keeps the last (see source/duplicates.ts). */
  duplicateKeys?: DuplicateKey[];
}

/** A key written again in the same object: where the repeat is (1-based line and column), and where the first was. */
export interface DuplicateKey {
  /** JSON pointer of the member, e.g. `/paths/~1user~1{account_id}` (inside `file` when that is set). */
  pointer: string;
  /** Absolute path of the file the key is written in, when that is a file the spec's `$ref`s bundled in. */
  file?: string;
  line: number;
  column: number;
  first: { line: number; column: number };
}

/** The operation keys of an OpenAPI path item. */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
const HTTP_METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS);
export const isHttpMethod = (key: string): key is HttpMethod => HTTP_METHOD_SET.has(key);

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
