/** `serve --cors`: preflight answers and the headers every answer carries so that a browser app may call the server. */
// @ts-nocheck

import type { IncomingHttpHeaders } from 'node:http';

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** A CORS preflight: OPTIONS with Origin and Access-Control-Request-Method. */
export const isPreflight = (method: string, headers: IncomingHttpHeaders): boolean =>
  method === 'OPTIONS' && one(headers.origin) !== undefined && one(headers['access-control-request-method']) !== undefined;

/** Headers for a preflight answer (204): the path's methods, the requested headers, a day of caching. */
export function preflightHeaders(headers: IncomingHttpHeaders, allowedMethods: string[]): Record<string, string> {
  const requested = one(headers['access-control-request-headers']);
  return {
    ...corsHeaders(headers),
    'access-control-allow-methods': allowedMethods.join(', '),
    ...(requested ? { 'access-control-allow-headers': requested } : {}),
    'access-control-max-age': '86400',
  };
}

/** Headers for every answer to a request with an Origin: the origin echoed (credentials allowed), all headers exposed. */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const origin = one(headers.origin);
  if (origin === undefined) return { 'access-control-allow-origin': '*' };
  return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': '*, x-specdrift-violations', vary: 'Origin' };
}
