/** State of one diff: both documents, the schema comparer, the operations seen and the changes found. */
// @ts-nocheck

import type { JsonObject } from '../../openapi/types.js';
import type { OperationRef, RuleDef } from '../model.js';
import type { DeprecationPolicy } from '../rules/deprecation.js';
import { pendingChange, SchemaComparer, type PairNode } from './compare.js';
import { SpecDoc } from './doc.js';
import type { Emit, EmitInput, PendingChange } from './types.js';

export interface FixedChange {
  change: PendingChange;
  /** Indices into DiffRun.ops. */
  ops: number[];
}

export class DiffRun {
  readonly oldDoc: SpecDoc;
  readonly newDoc: SpecDoc;
  readonly comparer: SchemaComparer;
  readonly ops: OperationRef[] = [];
  /** Per operation: the schema pairs its parameters, bodies and headers start from. */
  readonly roots: PairNode[][] = [];
  /** Schema pairs compared outside any operation (unreached components, selections). */
  readonly detachedRoots: PairNode[] = [];
  /** Changes whose location and operations are known when emitted (operation-level, security, servers, …). */
  readonly fixed: FixedChange[] = [];
  /** When removing something deprecated is retiring it as announced (and "today"). */
  readonly deprecation: DeprecationPolicy;

  constructor(oldRoot: JsonObject, newRoot: JsonObject, deprecation: DeprecationPolicy) {
    this.oldDoc = new SpecDoc(oldRoot);
    this.newDoc = new SpecDoc(newRoot);
    this.deprecation = deprecation;
    this.comparer = new SchemaComparer(this.oldDoc, this.newDoc, deprecation);
  }

  addOperation(ref: OperationRef): number {
    this.ops.push(ref);
    this.roots.push([]);
    return this.ops.length - 1;
  }

  /** An emitter for changes located at `location`, affecting the given operations. */
  emitter(location: string, ops: number[], oldPtr: string, newPtr: string): Emit {
    return (def: RuleDef, e: EmitInput) => this.fixed.push({ change: pendingChange(def, location, e, oldPtr, newPtr), ops });
  }
}
