// @ts-nocheck
import picomatch from 'picomatch';

export type Matcher = (value: string) => boolean;

/**
 * Compiles a user-written glob for rule ids, operation paths and locations.
 * `*` stays within one path segment and `**` crosses segments; braces and parentheses are
 * literal because OpenAPI paths contain `{job_id}`; a leading `!` negates.
 */
export function compileGlob(pattern: string): Matcher {
  return picomatch(pattern, { nobrace: true, noextglob: true, dot: true, windows: false });
}

/** True when a pattern uses glob syntax rather than naming one value exactly. */
export function isGlob(pattern: string): boolean {
  return /[*?[\]]/.test(pattern) || pattern.startsWith('!');
}
