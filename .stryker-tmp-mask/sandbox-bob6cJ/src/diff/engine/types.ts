/** Internal types shared by the diff engine and the rule files. */
// @ts-nocheck

import type { Json, JsonObject } from '../../openapi/types.js';
import type { ChangeQualifier, ChangeSide, Level, RuleDef } from '../model.js';
import type { SchemaCtx, SchemaRule } from '../rules/define.js';
import type { DeprecationPolicy } from '../rules/deprecation.js';
import type { Wire } from './wire.js';

/** A node and its JSON pointer (no leading `#`) in its own document. */
export interface Located {
  node: JsonObject;
  ptr: string;
}

/**
 * A schema normalised for comparison: `$ref` resolved, `type` arrays and `nullable` folded together,
 * and `allOf` merged into one object where that is sound.
 */
export interface SchemaView {
  at: Located;
  /** Allowed JSON types without `null`; undefined means any type. */
  types?: ReadonlySet<string>;
  nullable: boolean;
  /** Properties (merged through allOf), each the raw property schema (possibly a `$ref`) where it is written. */
  properties: ReadonlyMap<string, Located>;
  required: ReadonlySet<string>;
  /** false: closed object; a schema: the extra properties' schema; undefined: not restricted. */
  additionalProperties?: false | Located;
  items?: Located;
  oneOf?: readonly Located[];
  anyOf?: readonly Located[];
  /** allOf branches that could not be merged soundly (compared branch by branch). */
  allOf?: readonly Located[];
  /** allOf branches folded into this view (their properties, required names and keywords). */
  merged?: readonly MergedBranch[];
  /** The schema's own properties and required names, without merged branches. */
  ownProperties: ReadonlyMap<string, Located>;
  ownRequired: readonly string[];
  not?: Located;
  /** A keyword's value, from the schema itself or (first found) from its merged allOf branches. */
  kw(name: string): Json | undefined;
  /** Pointer where keyword `name` is written (here or in the allOf branch it came from); the schema's own pointer when absent. */
  kwPtr(name: string): string;
}

export interface MergedBranch {
  /** The allOf entry as written (a `$ref` or an inline schema). */
  raw: Located;
  view: SchemaView;
  isRef: boolean;
}

/** Pointers and values for one side of a change; pointer defaults to the compared node's pointer. */
export interface SideInput {
  pointer?: string;
  value?: Json;
}

export interface EmitInput {
  /** What exactly changed (property name, enum value, …): part of the fingerprint, never localised. */
  detail: string;
  message: string;
  /** Facts the rule id does not carry (see Change.qualifiers). */
  qualifiers?: readonly ChangeQualifier[];
  old?: SideInput;
  new?: SideInput;
}

/** What a schema check sees: one old/new pair of normalised schemas in one context. */
export interface SchemaCheckInput {
  ctx: SchemaCtx;
  /** How the values are serialised here (wire.ts): scalars as text, the `xml` keyword, … */
  wire: Wire;
  old: SchemaView;
  new: SchemaView;
  /** Normalised view of any (raw) schema node on the old / new side. */
  oldView(at: Located): SchemaView;
  newView(at: Located): SchemaView;
  emit(rule: SchemaRule, e: EmitInput): void;
  /** Every keyword written in either schema or in the allOf branches merged into it (see schemaKeys). */
  keys?: ReadonlySet<string>;
  /**
   * oneOf / anyOf / unmerged allOf branches that found no partner on the other side (matched by structure),
   * and the matched pairs (a plain schema that became alternatives is paired with the one it matches).
   */
  unmatchedBranches(key: BranchKey): { removed: readonly Located[]; added: readonly Located[]; pairs: readonly (readonly [Located, Located])[] };
  /** When removing a deprecated property is retiring it as announced. */
  deprecation: DeprecationPolicy;
}

export type BranchKey = 'oneOf' | 'anyOf' | 'allOf';

export interface SchemaCheck {
  name: string;
  /**
   * The schema keywords this check compares (default: `[name]`). Their union is the list of modelled keywords
   * (rules/index-schema.ts); any other keyword that changes is reported by the `schema-keyword-changed` fallback.
   */
  keywords?: readonly string[];
  rules: readonly SchemaRule[];
  check(input: SchemaCheckInput): void;
}

/** A change before attribution, fingerprinting and sorting. */
export interface PendingChange {
  def: RuleDef;
  location: string;
  /** For schema changes: where the change sits in the old document (used when one old schema became many). */
  oldLocation?: string;
  detail: string;
  message: string;
  qualifiers?: readonly ChangeQualifier[];
  old?: ChangeSide;
  new?: ChangeSide;
  /** A level other than the rule's own (a change in a component no operation uses is info). */
  level?: Level;
}

/** Emits a change at a fixed location (an operation, a parameter, a security scheme, …). */
export type Emit = (def: RuleDef, e: EmitInput) => void;

/** One operation as the engine matched it. */
export interface OperationSide {
  /** Upper case. */
  method: string;
  /** The path template, or the webhook's name. */
  path: string;
  op: Located;
  pathItem: Located;
}

/** Compares one matched operation pair (deprecation, operationId, tags, …). */
export type OperationCheck = (old: OperationSide, neu: OperationSide, emit: Emit) => void;

/** One parameter, `$ref` resolved. */
export interface ParameterSide {
  at: Located;
  in: string;
  name: string;
}

export type ParameterCheck = (old: ParameterSide, neu: ParameterSide, emit: Emit) => void;
