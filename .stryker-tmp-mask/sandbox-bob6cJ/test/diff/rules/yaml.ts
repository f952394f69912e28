/** The one YAML rendering of fixtures (so the freshness check compares like with like). */
// @ts-nocheck

import { stringify } from 'yaml';
import type { JsonObject } from '../../../src/openapi/types.js';

export const toYaml = (doc: JsonObject): string => stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
