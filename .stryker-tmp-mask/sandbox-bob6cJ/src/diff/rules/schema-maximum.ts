/** `maximum` with `exclusiveMaximum` (3.0 flag or 3.1 number): the effective upper bound; see bounds.ts. */
// @ts-nocheck

import { boundCheck, boundRules } from './bounds.js';

export const maximumRules = boundRules('maximum', 'upper');
export const maximumCheck = boundCheck('maximum', 'upper', maximumRules);
