/** Media types a response may come as. */
// @ts-nocheck

import { rule } from './define.js';

export const responseMediaTypeAdded = rule('response-media-type-added', 'info', 'added', 'paths', 'a response media type was added');
export const responseMediaTypeRemoved = rule('response-media-type-removed', 'breaking', 'removed', 'paths', 'a response media type was removed');
