/** `maxItems`: upper bound; see limits.ts for why each direction gets its level. */
// @ts-nocheck

import { limitCheck, limitRules } from './limits.js';

export const maxItemsRules = limitRules('max-items', 'maxItems', 'upper');
export const maxItemsCheck = limitCheck('maxItems', maxItemsRules);
