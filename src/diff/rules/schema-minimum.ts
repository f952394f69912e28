/** `minimum`: lower bound; see limits.ts for why each direction gets its level. */
import { limitCheck, limitRules } from './limits.js';

export const minimumRules = limitRules('minimum', 'minimum', 'lower');
export const minimumCheck = limitCheck('minimum', minimumRules);
