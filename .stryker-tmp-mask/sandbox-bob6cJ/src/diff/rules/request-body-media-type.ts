/** Media types a request body may be sent as. */
// @ts-nocheck

import { rule } from './define.js';

export const requestBodyMediaTypeAdded = rule('request-body-media-type-added', 'info', 'added', 'paths', 'a request body media type was added');
export const requestBodyMediaTypeRemoved = rule('request-body-media-type-removed', 'breaking', 'removed', 'paths', 'a request body media type was removed');
