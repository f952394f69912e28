/** A new parameter: harmless when optional, breaking when every existing call now lacks it. */
// @ts-nocheck

import { rule } from './define.js';

export const requestParameterAdded = rule('request-parameter-added', 'info', 'added', 'paths', 'an optional request parameter was added');
export const requestRequiredParameterAdded = rule('request-required-parameter-added', 'breaking', 'added', 'paths', 'a required request parameter was added');
