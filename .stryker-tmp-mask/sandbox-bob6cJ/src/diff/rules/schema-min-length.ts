/** `minLength`: lower bound; see limits.ts for why each direction gets its level. */
// @ts-nocheck

import { limitCheck, limitRules } from './limits.js';

export const minLengthRules = limitRules('min-length', 'minLength', 'lower');
export const minLengthCheck = limitCheck('minLength', minLengthRules);
