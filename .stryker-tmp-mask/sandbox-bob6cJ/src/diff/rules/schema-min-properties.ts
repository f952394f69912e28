/** `minProperties`: lower bound; see limits.ts for why each direction gets its level. */
// @ts-nocheck

import { limitCheck, limitRules } from './limits.js';

export const minPropertiesRules = limitRules('min-properties', 'minProperties', 'lower');
export const minPropertiesCheck = limitCheck('minProperties', minPropertiesRules);
