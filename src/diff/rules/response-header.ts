/** Response headers (names compared case-insensitively). */
import { rule } from './define.js';

export const responseHeaderAdded = rule('response-header-added', 'info', 'added', 'paths', 'a response header was added');
export const responseHeaderRemoved = rule('response-header-removed', 'warning', 'removed', 'paths', 'an optional response header was removed');
export const responseRequiredHeaderRemoved = rule('response-required-header-removed', 'breaking', 'removed', 'paths', 'a required response header was removed');
export const responseHeaderRequiredAdded = rule('response-header-required-added', 'info', 'changed', 'paths', 'a response header became required (always sent)');
export const responseHeaderRequiredRemoved = rule('response-header-required-removed', 'warning', 'changed', 'paths', 'a response header became optional (may be missing)');
