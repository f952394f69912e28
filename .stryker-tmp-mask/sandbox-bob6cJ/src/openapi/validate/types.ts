// @ts-nocheck
import type { JsonObject } from '../types.js';

export type FindingLevel = 'error' | 'warning';

export interface ValidationFinding {
  /** Stable rule id (see docs/validate.md), e.g. `operation-id-duplicate`. */
  ruleId: string;
  level: FindingLevel;
  /** JSON pointer into the validated document (`` is the document itself). */
  pointer: string;
  /** One line: what is wrong there. */
  message: string;
  /** 1-based line and column in the text, for findings about the text itself (`duplicate-key`). */
  line?: number;
  column?: number;
  /** Set when the finding is in a file the spec's `$ref`s bundled in: `pointer`, `line` and `column` are in it. */
  file?: string;
}

export type SpecFlavor = 'swagger2' | 'openapi30' | 'openapi31';

/** What every rule gets: the (unmodified) document and its OpenAPI flavour. */
export interface RuleContext {
  doc: JsonObject;
  flavor: SpecFlavor;
}

export type Rule = (ctx: RuleContext) => ValidationFinding[];
