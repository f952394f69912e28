/** A new operation (method + path template) appeared. */
import { rule } from './define.js';

export const endpointAdded = rule('endpoint-added', 'info', 'added', 'paths', 'an operation (method + path) was added');
