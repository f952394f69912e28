import type { JsonObject } from '../../openapi/types.js';

export type GeneratorLanguage = 'typescript' | 'python' | 'go' | 'java';

/** A change to generated code that some generator versions need before their output compiles. Never applied unless asked for by name. */
export interface PatchInfo {
  name: string;
  description: string;
}

export interface GenerateOptions {
  /** Names of patches (from the adapter's `patches`) to apply to the generated code. Unknown names are a usage error. */
  patches?: string[];
  /** Kill the generator after this long (default 180 s). */
  timeoutMs?: number;
}

export interface GenerateResult {
  /** Warnings the generator printed, one line each, de-duplicated. */
  warnings: string[];
  ms: number;
  /** Files the generator wrote. */
  files: number;
  /** Patches applied to the generated code, by name; each also reported as a warning. */
  patchesApplied: string[];
}

export interface CompileResult {
  ok: boolean;
  /** `file(line,col): TS2304: message` (TypeScript) or the Python error line, paths relative to the output directory. */
  errors: string[];
  ms: number;
}

/** One call the driver makes through the generated client. Values are as the wire expects them (spec parameter names). */
export interface CallPlan {
  operationId: string;
  /** Upper- or lower-case HTTP method. */
  method: string;
  /** Path template as in the spec (`/slurm/v0.0.41/job/{job_id}`). */
  path: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  /** Header parameters of the operation (not credentials: those go in {@link RunOptions.headers}). */
  headers: Record<string, string>;
  body?: unknown;
}

/** `driver-unsupported`: the driver could not make the call as the client needs it (error says what); nothing was sent. */
export type CallOutcome = 'ok' | 'not-generated' | 'client-error' | 'http-error' | 'driver-unsupported';

export interface CallResult {
  operationId: string;
  outcome: CallOutcome;
  status?: number;
  /** What the client returned, as JSON (Python models through `sanitize_for_serialization`, OpenAPI Generator typescript-fetch models through `…ToJSON`). */
  decoded?: unknown;
  /** Exact, one line. */
  error?: string;
  ms?: number;
  /**
   * What typed code reads, when it differs from `decoded`: OpenAPI Generator typescript-fetch's model before `…ToJSON`;
   * Python models as `{ attribute: value, "$specdrift:names": { wireKey: attribute } }` (see runner/typed-access.ts).
   */
  typed?: unknown;
}

/**
 * The name a client's types give each documented key of a response body (TypeScript: read from its types with the
 * compiler). `name: null`: the types have no property for that wire key.
 */
export interface TypedNames {
  props?: Record<string, { name: string | null; shape?: TypedNames }>;
  items?: TypedNames;
}

/** One operation's typed access check. */
export interface TypedAccessPlan {
  names: TypedNames;
  /** Errors of the generated check file that reads every documented property through the types (`tsc --noEmit`). */
  errors: string[];
  /** Why the operation could not be checked (specdrift could not name its response type): not held against the client. */
  unchecked?: string;
}

export interface RunOptions {
  /** Where the server is, e.g. `http://127.0.0.1:6820`; paths of the spec are appended. */
  baseUrl: string;
  /** Sent with every request (credentials such as `X-SLURM-USER-TOKEN`). */
  headers: Record<string, string>;
  /** Per call; the driver process is killed after `timeoutMs × (calls + 1) + 10 s`. */
  timeoutMs: number;
  /** The spec the client was generated from: tells which generated parameter is which (declared parameters vs the body). */
  doc: JsonObject;
}

/**
 * What a generator runs. Exactly this is executed, and exactly this (with the spec path, the output directory and the
 * scratch directory as placeholders) is part of the client cache key, so an argument cannot change unseen.
 */
export interface GeneratorCommand {
  program: string;
  args: string[];
  cwd: string;
  /** Files written into the scratch directory before the run (name → content; Kubb's config), removed with it. */
  files?: Record<string, string>;
}

/** The command for a spec, an output directory and a scratch directory (fresh and empty, removed after the run). */
export type CommandFor = (specPath: string, outDir: string, scratchDir: string) => GeneratorCommand | Promise<GeneratorCommand>;

export interface GeneratorAdapter {
  /** 'openapi-typescript', 'hey-api', …, 'openapi-generator-4.3.1:typescript-fetch', 'swagger-codegen-3.0.34:python'. */
  readonly id: string;
  readonly language: GeneratorLanguage;
  /** Human name with the tool, e.g. `OpenAPI Generator typescript-fetch`. */
  readonly title: string;
  /** Patches this adapter offers (see {@link GenerateOptions.patches}). */
  readonly patches: readonly PatchInfo[];
  /**
   * npm packages it needs (the generator, libraries its output imports, TypeScript), installed on demand from
   * their pins (pins.ts); absent means none.
   */
  readonly packages?: readonly string[];
  /** Programs it runs besides Node (`java`, `python3`, `go`, `javac`): without them only this generator is not run. */
  readonly programs?: readonly string[];
  /** Version of the installed package or jar. */
  version(): Promise<string>;
  /** Undefined when usable here; otherwise why not (no java, missing Python module, jar not found …), one line. */
  unavailable(): Promise<string | undefined>;
  /**
   * Everything besides the generator's version, the spec and the patches that shapes the generated and compiled
   * client: the command it runs (paths as placeholders), the adapter's options, its code revision. Part of the cache key.
   */
  recipe(): Promise<string>;
  /** Run the generator on `specPath`, writing into `outDir` (created; should be empty). */
  generate(specPath: string, outDir: string, opts?: GenerateOptions): Promise<GenerateResult>;
  /** Type-check (TypeScript, strict), byte-compile and import (Python) or build (Go, Java) the generated code, and prepare it to run. */
  compile(outDir: string): Promise<CompileResult>;
  /** Which operationIds the generated code exposes, found by this generator's naming convention → client symbol. */
  listOperations(outDir: string, doc: JsonObject): Promise<Map<string, string>>;
  /**
   * TypeScript: the typed access check of each operation (`operations`: operationId → symbol, from `listOperations`).
   * Absent for languages whose drivers read the client's own typed fields (Go, Java) or report them (Python).
   */
  typedAccess?(outDir: string, doc: JsonObject, operations: ReadonlyMap<string, string>): Promise<Map<string, TypedAccessPlan>>;
  /** Call each planned operation through the generated client (after `compile`); results in plan order. */
  run(outDir: string, plan: CallPlan[], opts: RunOptions): Promise<CallResult[]>;
}
