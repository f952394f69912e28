/** The request body as a whole: appearing, disappearing, becoming required or optional. */
// @ts-nocheck

import { rule } from './define.js';

export const requestBodyAdded = rule('request-body-added', 'info', 'added', 'paths', 'an optional request body was added');
export const requestRequiredBodyAdded = rule('request-required-body-added', 'breaking', 'added', 'paths', 'a required request body was added');
export const requestBodyRemoved = rule('request-body-removed', 'warning', 'removed', 'paths', 'the request body was removed (clients still sending one may be refused)');
export const requestBodyRequiredAdded = rule('request-body-required-added', 'breaking', 'changed', 'paths', 'the request body became required');
export const requestBodyRequiredRemoved = rule('request-body-required-removed', 'info', 'changed', 'paths', 'the request body became optional');
