/** Short, stable renderings of values for change messages and details. */
// @ts-nocheck

import type { Json } from '../../openapi/types.js';

/** A value as it appears in a message: strings quoted, long values cut. */
export function show(value: Json | undefined): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** A value as used in a fingerprint detail: full canonical JSON (no cut, so distinct values never collide). */
export const detailOf = (value: Json | undefined): string => (value === undefined ? '' : JSON.stringify(value));
