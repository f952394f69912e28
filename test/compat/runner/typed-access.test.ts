/**
 * Typed access checks, run-time half: what typed code reads (by the names a client's types give, or its Python models'
 * attributes) against the wire body. Expected messages written by hand.
 */
import { describe, expect, it } from 'vitest';
import type { TypedAccessPlan } from '../../../src/compat/generators/index.js';
import { checkTypedAccess, PYTHON_NAMES } from '../../../src/compat/runner/typed-access.js';

const wire = { jobs: [{ 'min nodes': 2, 'nodes/count': 4, name: 'a' }], total: 1 };

/** The names OpenAPI Generator typescript-axios gives (snake_case, no conversion at run time). */
const axiosPlan: TypedAccessPlan = {
  errors: [],
  names: {
    props: {
      jobs: { name: 'jobs', shape: { items: { props: { 'min nodes': { name: 'min_nodes' }, 'nodes/count': { name: 'nodes_count' }, name: { name: 'name' } } } } },
      total: { name: 'total' },
    },
  },
};

describe('checkTypedAccess', () => {
  it('a renamed property over raw JSON reads undefined: named with its typed path and its wire key', () => {
    const failures = checkTypedAccess(wire, wire, axiosPlan, 'typescript');
    expect(failures.map((f) => f.message)).toEqual([
      "typed access: jobs[].min_nodes reads undefined; wire key is 'min nodes'",
      "typed access: jobs[].nodes_count reads undefined; wire key is 'nodes/count'",
    ]);
    expect(failures[0].path).toBe('jobs[].min_nodes');
  });

  it('a client that converts to its names (typescript-fetch FromJSON) passes', () => {
    const converted = { jobs: [{ min_nodes: 2, nodes_count: 4, name: 'a' }], total: 1 };
    expect(checkTypedAccess(wire, converted, axiosPlan, 'typescript')).toEqual([]);
  });

  it('a null the server sent is not a missing value; an undocumented key is not read', () => {
    const sent = { jobs: [{ 'min nodes': null, 'nodes/count': 4, name: 'a', extra: 1 }], total: 1 };
    const typed = { jobs: [{ nodes_count: 4, name: 'a' }], total: 1 };
    expect(checkTypedAccess(sent, typed, axiosPlan, 'typescript')).toEqual([]);
  });

  it('reports each path once however many list items break it', () => {
    const sent = { jobs: [{ 'min nodes': 1 }, { 'min nodes': 2 }] };
    expect(checkTypedAccess(sent, sent, axiosPlan, 'typescript')).toHaveLength(1);
  });

  it('errors of the compiled check file fail it', () => {
    const plan: TypedAccessPlan = { names: {}, errors: ["response?.[\"min nodes\"]: TS7053: Element implicitly has an 'any' type"] };
    expect(checkTypedAccess({}, {}, plan, 'typescript')[0].message).toBe("typed access does not compile: response?.[\"min nodes\"]: TS7053: Element implicitly has an 'any' type");
  });

  it('no plan (the response type could not be named, or no JSON schema): nothing to check', () => {
    expect(checkTypedAccess(wire, {}, undefined, 'typescript')).toEqual([]);
  });

  it('Python: reads each wire key through the attribute the model maps it to, and names None', () => {
    const model = (attrs: Record<string, unknown>, names: Record<string, string>) => ({ [PYTHON_NAMES]: names, ...attrs });
    const good = model({ jobs: [model({ min_nodes: 2, nodes_count: 4, name: 'a' }, { 'min nodes': 'min_nodes', 'nodes/count': 'nodes_count', name: 'name' })], total: 1 }, { jobs: 'jobs', total: 'total' });
    expect(checkTypedAccess(wire, good, undefined, 'python')).toEqual([]);
    const lost = model({ jobs: [model({ min_nodes: null, nodes_count: 4, name: 'a' }, { 'min nodes': 'min_nodes', 'nodes/count': 'nodes_count', name: 'name' })], total: 1 }, { jobs: 'jobs', total: 'total' });
    expect(checkTypedAccess(wire, lost, undefined, 'python').map((f) => f.message)).toEqual(["typed access: jobs[].min_nodes reads None; wire key is 'min nodes'"]);
  });

  it('Python: a plain dict (free-form object) is read by its keys', () => {
    const typed = { [PYTHON_NAMES]: { meta: 'meta' }, meta: { 'a b': 1 } };
    expect(checkTypedAccess({ meta: { 'a b': 1 } }, typed, undefined, 'python')).toEqual([]);
    expect(checkTypedAccess({ meta: { 'a b': 1 } }, { [PYTHON_NAMES]: { meta: 'meta' }, meta: {} }, undefined, 'python')[0].message).toBe(
      "typed access: meta.a b reads None; wire key is 'a b'",
    );
  });
});
