/** `maximum`: upper bound; see limits.ts for why each direction gets its level. */
import { limitCheck, limitRules } from './limits.js';

export const maximumRules = limitRules('maximum', 'maximum', 'upper');
export const maximumCheck = limitCheck('maximum', maximumRules);
