/** `maxLength`: upper bound; see limits.ts for why each direction gets its level. */
// @ts-nocheck

import { limitCheck, limitRules } from './limits.js';

export const maxLengthRules = limitRules('max-length', 'maxLength', 'upper');
export const maxLengthCheck = limitCheck('maxLength', maxLengthRules);
