/** `minItems`: lower bound; see limits.ts for why each direction gets its level. */
// @ts-nocheck

import { limitCheck, limitRules } from './limits.js';

export const minItemsRules = limitRules('min-items', 'minItems', 'lower');
export const minItemsCheck = limitCheck('minItems', minItemsRules);
