/** `minimum` with `exclusiveMinimum` (3.0 flag or 3.1 number): the effective lower bound; see bounds.ts. */
// @ts-nocheck

import { boundCheck, boundRules } from './bounds.js';

export const minimumRules = boundRules('minimum', 'lower');
export const minimumCheck = boundCheck('minimum', 'lower', minimumRules);
