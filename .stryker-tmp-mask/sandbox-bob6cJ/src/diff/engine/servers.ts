/** Top-level `servers`, matched by URL template. */
// @ts-nocheck

import { isObject, type JsonObject } from '../../openapi/types.js';
import {
  serverAdded,
  serverRemoved,
  serverVariableDefaultChanged,
  serverVariableEnumValueAdded,
  serverVariableEnumValueRemoved,
} from '../rules/api-servers.js';
import { show } from '../rules/format.js';
import type { DiffRun } from './run.js';

function serversOf(root: JsonObject): Map<string, { ptr: string; node: JsonObject }> {
  const out = new Map<string, { ptr: string; node: JsonObject }>();
  const list = root.servers;
  if (!Array.isArray(list)) return out;
  list.forEach((s, i) => {
    if (isObject(s) && typeof s.url === 'string' && !out.has(s.url)) out.set(s.url, { ptr: `/servers/${i}`, node: s });
  });
  return out;
}

export function diffServers(run: DiffRun): void {
  const o = serversOf(run.oldDoc.root);
  const n = serversOf(run.newDoc.root);
  for (const [url, ns] of n) {
    const os = o.get(url);
    const emit = run.emitter(`servers ${url}`, [], os?.ptr ?? '/servers', ns.ptr);
    if (!os) {
      emit(serverAdded, { detail: url, message: `server ${url} added`, new: { value: url } });
      continue;
    }
    const ov = isObject(os.node.variables) ? os.node.variables : {};
    const nv = isObject(ns.node.variables) ? ns.node.variables : {};
    for (const name of Object.keys(nv)) {
      const a = ov[name];
      const b = nv[name];
      if (!isObject(a) || !isObject(b)) continue;
      const sides = { old: { pointer: `${os.ptr}/variables/${name}` }, new: { pointer: `${ns.ptr}/variables/${name}` } };
      if (a.default !== b.default) {
        emit(serverVariableDefaultChanged, {
          detail: `${url} ${name}`,
          message: `server variable '${name}' default changed from ${show(a.default)} to ${show(b.default)}`,
          old: { ...sides.old, value: a.default },
          new: { ...sides.new, value: b.default },
        });
      }
      const ae = Array.isArray(a.enum) ? a.enum.map(String) : [];
      const be = Array.isArray(b.enum) ? b.enum.map(String) : [];
      for (const v of be) if (!ae.includes(v)) emit(serverVariableEnumValueAdded, { detail: `${url} ${name} ${v}`, message: `server variable '${name}' value '${v}' added`, ...sides });
      for (const v of ae) if (!be.includes(v)) emit(serverVariableEnumValueRemoved, { detail: `${url} ${name} ${v}`, message: `server variable '${name}' value '${v}' removed`, ...sides });
    }
  }
  for (const [url, os] of o) {
    if (n.has(url)) continue;
    run.emitter(`servers ${url}`, [], os.ptr, '/servers')(serverRemoved, { detail: url, message: `server ${url} removed`, old: { value: url } });
  }
}
