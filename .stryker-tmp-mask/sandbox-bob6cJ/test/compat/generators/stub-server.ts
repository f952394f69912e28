/**
 * A tiny HTTP server for driver tests (127.0.0.1 only): records every request and answers with the smallest JSON the
 * operation's 200 response schema accepts (required properties only), so strict clients can decode it.
 * `…/job/500` answers 500 with a Slurm-style error body; `…/job/hang` never answers.
 */
// @ts-nocheck

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isObject, type Json, type JsonObject } from '../../../src/openapi/types.js';

export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubServer {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

function resolveRef(doc: JsonObject, value: Json): Json {
  let current = value;
  for (let i = 0; i < 20 && isObject(current) && typeof current.$ref === 'string'; i++) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<Json>((node, token) => (isObject(node) ? node[token.replace(/~1/g, '/').replace(/~0/g, '~')] : null), doc);
  }
  return current;
}

/** Smallest value of `schema` with every required property present. */
export function minimalValue(doc: JsonObject, schema: Json, depth = 0): Json {
  const s = resolveRef(doc, schema);
  if (!isObject(s) || depth > 30) return null;
  if (Array.isArray(s.allOf)) {
    const merged: JsonObject = {};
    for (const part of s.allOf) Object.assign(merged, minimalValue(doc, part, depth + 1) as JsonObject);
    return merged;
  }
  if (Array.isArray(s.enum)) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const out: JsonObject = {};
      const properties = isObject(s.properties) ? s.properties : {};
      for (const name of Array.isArray(s.required) ? s.required : []) {
        if (typeof name === 'string') out[name] = minimalValue(doc, properties[name] ?? {}, depth + 1);
      }
      return out;
    }
    case 'array':
      return [];
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    default:
      return {};
  }
}

function successSchema(doc: JsonObject, method: string, path: string): Json {
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const [template, item] of Object.entries(paths)) {
    const pattern = new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    if (!pattern.test(path) || !isObject(item)) continue;
    const op = item[method.toLowerCase()];
    if (!isObject(op) || !isObject(op.responses)) continue;
    const ok = resolveRef(doc, op.responses['200'] ?? op.responses.default ?? null);
    const content = isObject(ok) && isObject(ok.content) ? ok.content['application/json'] : undefined;
    return isObject(content) ? (content.schema ?? {}) : {};
  }
  return {};
}

export async function startStubServer(doc: JsonObject): Promise<StubServer> {
  const seen: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      seen.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body });
      if (url.pathname.endsWith('/job/hang')) return;
      if (url.pathname.endsWith('/job/500')) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ error: 'boom', error_number: 500, description: 'stub failure', source: 'stub' }], warnings: [] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(minimalValue(doc, successSchema(doc, req.method ?? 'GET', url.pathname))));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
