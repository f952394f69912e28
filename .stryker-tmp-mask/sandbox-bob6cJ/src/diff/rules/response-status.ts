/** Response status codes: a removed success status breaks clients that handle it; error statuses matter less. */
// @ts-nocheck

import { rule } from './define.js';

export const responseSuccessStatusAdded = rule('response-success-status-added', 'info', 'added', 'paths', 'a success (1xx–3xx) response status was added');
export const responseSuccessStatusRemoved = rule('response-success-status-removed', 'breaking', 'removed', 'paths', 'a success (1xx–3xx) response status was removed');
export const responseNonSuccessStatusAdded = rule('response-non-success-status-added', 'info', 'added', 'paths', 'an error (4xx/5xx/default) response status was added');
export const responseNonSuccessStatusRemoved = rule('response-non-success-status-removed', 'warning', 'removed', 'paths', 'an error (4xx/5xx/default) response status was removed');

/** 1xx–3xx (and 1XX–3XX ranges) count as success; 4xx, 5xx and `default` do not. */
export const isSuccessStatus = (status: string): boolean => /^[123]/.test(status);
