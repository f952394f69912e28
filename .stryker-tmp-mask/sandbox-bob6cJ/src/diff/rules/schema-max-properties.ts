/** `maxProperties`: upper bound; see limits.ts for why each direction gets its level. */
// @ts-nocheck

import { limitCheck, limitRules } from './limits.js';

export const maxPropertiesRules = limitRules('max-properties', 'maxProperties', 'upper');
export const maxPropertiesCheck = limitCheck('maxProperties', maxPropertiesRules);
