/** A new operation (method + path template) appeared. */
// @ts-nocheck

import { rule } from './define.js';

export const endpointAdded = rule('endpoint-added', 'info', 'added', 'paths', 'an operation (method + path) was added');
