/**
 * Walks every object key and string value of a document, telling each one's place
 * (what the mask report counts by) and where it is (a JSON pointer into the input).
 */
import { ExitCode, SpecdriftError } from '../errors.js';
import type { Json, JsonObject } from '../openapi/types.js';
import { pointerFromTokens } from '../openapi/refs.js';

export type MaskPlace = 'keys' | 'paths' | 'refs' | 'operationIds' | 'tags' | 'strings' | 'info.version';
export const MASK_PLACES: readonly MaskPlace[] = ['keys', 'paths', 'refs', 'operationIds', 'tags', 'strings', 'info.version'];

/** Position of the current string: the keys/indices leading to it, in the input document. */
export type Trail = readonly (string | number)[];

export const toPointer = (trail: Trail): string => pointerFromTokens(trail);

/** Place of the object key `trail[trail.length - 1]`. */
export function placeOfKey(trail: Trail): MaskPlace {
  return trail.length === 2 && trail[0] === 'paths' ? 'paths' : 'keys';
}

/** Place of the string value at `trail`, or undefined for values that are never a version tag. */
export function placeOfValue(trail: Trail): MaskPlace | undefined {
  const n = trail.length;
  const last = trail[n - 1];
  if (n === 1 && (last === 'openapi' || last === 'swagger')) return undefined; // the format's version, not the API's
  if (n === 2 && trail[0] === 'info' && last === 'version') return 'info.version';
  if (last === '$ref' || last === 'operationRef') return 'refs';
  if (n >= 3 && trail[n - 2] === 'mapping' && trail[n - 3] === 'discriminator') return 'refs';
  if (last === 'operationId') return 'operationIds';
  if (typeof last === 'number' && trail[n - 2] === 'tags') return 'tags';
  if (n === 3 && trail[0] === 'tags' && last === 'name') return 'tags';
  return 'strings';
}

/** Calls `visit` for every key and string value (depth first, document order). Read-only. */
export function visitStrings(doc: Json, visit: (s: string, place: MaskPlace, trail: Trail) => void): void {
  const trail: (string | number)[] = [];
  const walk = (value: Json): void => {
    if (typeof value === 'string') {
      const place = placeOfValue(trail);
      if (place !== undefined) visit(value, place, trail);
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        trail.push(i);
        walk(value[i]);
        trail.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const key of Object.keys(value)) {
        trail.push(key);
        visit(key, placeOfKey(trail), trail);
        walk(value[key]);
        trail.pop();
      }
    }
  };
  walk(doc);
}

/**
 * Returns a deep copy of `doc` with every key and string value passed through `rewrite`; with `shareUnchanged`,
 * objects and arrays with nothing rewritten inside are the input's own (copy-on-write: a masked 10 MB spec then
 * costs only the parts that carry a tag).
 * Throws SpecdriftError(conflict) when two keys of one object would become equal.
 * @param conflict names the operation in the conflict message (`masking v0.0.41 → v0.0.40`) and says what to do.
 */
export function rewriteStrings(
  doc: JsonObject,
  rewrite: (s: string, place: MaskPlace, trail: Trail) => string,
  conflict: { describe: string; hint: string },
  opts: { shareUnchanged?: boolean } = {},
): JsonObject {
  const share = opts.shareUnchanged === true;
  const trail: (string | number)[] = [];
  const walk = (value: Json): Json => {
    if (typeof value === 'string') {
      const place = placeOfValue(trail);
      return place === undefined ? value : rewrite(value, place, trail);
    }
    if (Array.isArray(value)) {
      let out: Json[] | undefined = share ? undefined : new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        trail.push(i);
        const copy = walk(value[i]);
        trail.pop();
        if (out === undefined) {
          if (copy === value[i]) continue;
          out = value.slice(0, i); // the first change: copy what came before it
        }
        out[i] = copy;
      }
      return out ?? value;
    }
    if (value !== null && typeof value === 'object') {
      let out: JsonObject | undefined = share ? undefined : {};
      let renamedFrom: Map<string, string> | undefined; // new key → original key, for the conflict message
      const keys = Object.keys(value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        trail.push(key);
        const newKey = rewrite(key, placeOfKey(trail), trail);
        // Shared so far means nothing changed before this key (so no clash either: input keys are unique).
        if (out === undefined && newKey !== key) out = copyFirst(value, keys, k);
        // input keys are unique, so a clash needs a rewritten key: with an earlier key or an earlier rewrite
        if (out !== undefined && Object.hasOwn(out, newKey)) {
          const clash = renamedFrom?.get(newKey) ?? newKey;
          trail.pop();
          throw new SpecdriftError(
            `${conflict.describe} would merge keys "${clash}" and "${key}" into "${newKey}" at ${toPointer(trail) || '/'}`,
            ExitCode.conflict,
            { hint: conflict.hint },
          );
        }
        if (newKey !== key) (renamedFrom ??= new Map()).set(newKey, key);
        const copy = walk(value[key]);
        if (out === undefined) {
          if (copy === value[key]) {
            trail.pop();
            continue;
          }
          out = copyFirst(value, keys, k);
        }
        setKey(out, newKey, copy);
        trail.pop();
      }
      return out ?? value;
    }
    return value;
  };
  return walk(doc) as JsonObject;
}

/** A new object with the first `count` of `keys` of `value`, unchanged. */
function copyFirst(value: JsonObject, keys: readonly string[], count: number): JsonObject {
  const out: JsonObject = {};
  for (let j = 0; j < count; j++) setKey(out, keys[j], value[keys[j]]);
  return out;
}

/** `out[key] = value`, also for "__proto__" (assigning that would set the prototype instead of adding a key). */
function setKey(out: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}
