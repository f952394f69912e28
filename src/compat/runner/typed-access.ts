/**
 * The run-time half of typed access checks (issue 14): read every property of the wire body by the name the client's
 * types give it, in what the client returned, and name each one that reads nothing although the server sent a value
 * ("typed access: jobs[].min_nodes reads undefined; wire key is 'min nodes'").
 * TypeScript names come from the types (generators/typed-check.ts); Python clients report their models'
 * `attribute_map` (or pydantic aliases) with each object they return, as `"$specdrift:names": { wireKey: attribute }`.
 */
import type { TypedAccessPlan, TypedNames } from '../generators/index.js';

export const PYTHON_NAMES = '$specdrift:names';
const MAX_FAILURES = 20;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface TypedAccessFailure {
  /** Typed path, `jobs[].min_nodes`. */
  path: string;
  message: string;
}

/**
 * Failures of typed access for one 2xx answer: `sent` is the wire body (parsed losslessly), `typed` what typed code
 * reads. `plan` is the TypeScript check (absent for Python, whose names travel with the value).
 */
export function checkTypedAccess(sent: unknown, typed: unknown, plan: TypedAccessPlan | undefined, language: string): TypedAccessFailure[] {
  const out: TypedAccessFailure[] = [];
  const seen = new Set<string>();
  const add = (f: TypedAccessFailure) => {
    if (out.length < MAX_FAILURES && !seen.has(f.path)) {
      seen.add(f.path);
      out.push(f);
    }
  };
  for (const error of plan?.errors ?? []) add({ path: error, message: `typed access does not compile: ${error}` });
  const nothing = language === 'python' ? 'None' : 'undefined';
  const walk = (wire: unknown, value: unknown, names: TypedNames | undefined, path: string) => {
    if (out.length >= MAX_FAILURES) return;
    if (Array.isArray(wire)) {
      if (!Array.isArray(value)) return; // a different shape: the decoded comparison names it
      for (let i = 0; i < Math.min(wire.length, value.length); i++) walk(wire[i], value[i], names?.items, `${path}[]`);
      return;
    }
    if (!isRecord(wire) || !isRecord(value)) return;
    const python = isRecord(value[PYTHON_NAMES]) ? (value[PYTHON_NAMES] as Record<string, unknown>) : undefined;
    for (const [key, sentValue] of Object.entries(wire)) {
      let name: string | null | undefined;
      let shape: TypedNames | undefined;
      if (python) {
        // keys the model does not know are not documented for it: nothing typed to read
        if (typeof python[key] !== 'string') continue;
        name = python[key] as string;
      } else if (names?.props) {
        const entry = names.props[key];
        if (!entry) continue;
        name = entry.name;
        shape = entry.shape;
      } else if (language === 'python' && !python) {
        // a plain dict (free-form object): read by its keys
        name = key;
      } else continue;
      const at = path === '' ? `${name ?? key}` : `${path}.${name ?? key}`;
      if (name === null) continue; // reported by the check's compile errors
      const got = value[name];
      if (sentValue !== null && sentValue !== undefined && (got === undefined || got === null)) {
        add({ path: at, message: `typed access: ${at} reads ${got === null && language !== 'python' ? 'null' : nothing}; wire key is '${key}'` });
        continue;
      }
      walk(sentValue, got, shape, at);
    }
  };
  walk(sent, typed, plan?.names, '');
  return out;
}
