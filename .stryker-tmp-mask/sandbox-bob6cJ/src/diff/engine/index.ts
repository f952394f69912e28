/**
 * The semantic diff: two (already masked) OpenAPI documents in, a DiffReport out, with every change at its
 * rule's default level (the classifier applies overrides and accept-lists afterwards).
 *
 * Hand-written rather than built on an OpenAPI diff library: those compare dereferenced documents path by
 * path (a change in a shared or recursive schema is repeated for every path reaching it, and cycles have to
 * be cut), while specdrift compares each schema pair once, `$ref`-aware, and attributes operations to it.
 */
// @ts-nocheck

import { resolvePointer } from '../../openapi/refs.js';
import { isObject, type JsonObject } from '../../openapi/types.js';
import { ExitCode, SpecdriftError } from '../../errors.js';
import type { DiffReport } from '../model.js';
import type { SchemaCtx } from '../rules/define.js';
import { diffComponents } from './components.js';
import { diffOperations } from './operations.js';
import { reachedFromOperations } from './reach.js';
import { buildReport } from './report.js';
import { DiffRun } from './run.js';
import { diffSecurity } from './security.js';
import { diffServers } from './servers.js';

export interface DiffSpecsOptions {
  oldSource?: string;
  newSource?: string;
  /** "Today" for sunset dates (x-sunset); defaults to the current time. */
  now?: Date;
  /** `--deprecation-days`: days an element without x-sunset must have been deprecated before its removal is info. */
  deprecationDays?: number;
  /** `--deprecated-since`: the date since which what is deprecated in the old spec counts as deprecated. */
  deprecatedSince?: Date;
}

export function diffSpecs(oldDoc: JsonObject, newDoc: JsonObject, opts: DiffSpecsOptions = {}): DiffReport {
  const run = new DiffRun(oldDoc, newDoc, { now: opts.now ?? new Date(), days: opts.deprecationDays, since: opts.deprecatedSince });
  diffOperations(run);
  diffSecurity(run);
  diffServers(run);
  diffComponents(run, reachedFromOperations(run.oldDoc), reachedFromOperations(run.newDoc));
  return buildReport(run, { old: opts.oldSource ?? 'old', new: opts.newSource ?? 'new' });
}

export interface DiffSchemasOptions {
  oldRoot: JsonObject;
  newRoot: JsonObject;
  /** JSON pointers (RFC 6901, no `#`) of the schemas inside their roots. */
  oldPointer: string;
  newPointer: string;
  /** How the schema is used; unknown (undefined): `schema-…` rules, each at its more severe level. */
  direction?: 'request' | 'response' | 'both';
  oldSource?: string;
  newSource?: string;
  /** The deprecation policy, as for diffSpecs. */
  now?: Date;
  deprecationDays?: number;
  deprecatedSince?: Date;
}

/** Compares one selected schema with another (`--select`), `$ref`s resolved against their own documents. */
export function diffSchemas(oldSchema: JsonObject, newSchema: JsonObject, opts: DiffSchemasOptions): DiffReport {
  const run = new DiffRun(opts.oldRoot, opts.newRoot, { now: opts.now ?? new Date(), days: opts.deprecationDays, since: opts.deprecatedSince });
  const locate = (root: JsonObject, schema: JsonObject, pointer: string, side: string) => {
    const atPointer = resolvePointer(root, pointer);
    if (atPointer !== undefined && !isObject(atPointer)) {
      throw new SpecdriftError(`the ${side} selection ${pointer || '/'} is not a schema object`, ExitCode.usage, { hint: 'select an object schema' });
    }
    // The caller's schema object is authoritative; the pointer only places it in its document.
    return { node: schema, ptr: pointer };
  };
  const o = locate(opts.oldRoot, oldSchema, opts.oldPointer, 'old');
  const n = locate(opts.newRoot, newSchema, opts.newPointer, 'new');
  const ctxs: SchemaCtx[] = opts.direction === undefined ? ['schema'] : opts.direction === 'both' ? ['request', 'response'] : [opts.direction];
  for (const ctx of ctxs) run.detachedRoots.push(run.comparer.compare(o, n, ctx));
  const report = buildReport(run, { old: opts.oldSource ?? 'old', new: opts.newSource ?? 'new' });
  report.select = { old: opts.oldPointer, new: opts.newPointer };
  return report;
}
