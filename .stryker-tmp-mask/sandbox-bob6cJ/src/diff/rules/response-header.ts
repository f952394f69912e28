/** Response headers (names compared case-insensitively). */
// @ts-nocheck

import { rule } from './define.js';

export const responseHeaderAdded = rule('response-header-added', 'info', 'added', 'paths', 'a response header was added');
export const responseHeaderRemoved = rule('response-header-removed', 'warning', 'removed', 'paths', 'an optional response header was removed');
export const responseRequiredHeaderRemoved = rule('response-required-header-removed', 'breaking', 'removed', 'paths', 'a required response header was removed');
export const responseHeaderRequiredAdded = rule('response-header-required-added', 'info', 'changed', 'paths', 'a response header became required (always sent)');
// Response presence: clients read a required header without checking for it; once optional it may be missing.
export const responseHeaderRequiredRemoved = rule('response-header-required-removed', 'breaking', 'changed', 'paths', 'a response header became optional: clients that rely on it being sent break');
