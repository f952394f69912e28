/**
 * A second opinion on the reference server's answers: the response body is validated against the spec's
 * schema with `jsonschema` (not ajv, which the server's own validator uses), after a small conversion of
 * OpenAPI 3.0 schema dialect to JSON Schema written here (not the server's code):
 * - `nullable: true` also allows null;
 * - in a response, a `writeOnly` property is never sent, so it is not required there.
 * `$ref`s are resolved by jsonschema itself against the whole document registered under one URI.
 */
// @ts-nocheck

import { Validator } from 'jsonschema';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const BASE = 'https://specdrift.invalid/spec.json'; // only a name: nothing is fetched
const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

function asResponseJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(asResponseJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) out[key] = asResponseJsonSchema(value);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  if (isObject(out.properties) && Array.isArray(out.required)) {
    const properties = out.properties;
    out.required = out.required.filter((name) => !(typeof name === 'string' && isObject(properties[name]) && properties[name].writeOnly === true));
  }
  return out;
}

function at(doc: JsonObject, pointer: string): Json | undefined {
  let node: Json | undefined = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[token] : Array.isArray(node) ? node[Number(token)] : undefined;
  }
  return node;
}

export interface IndependentCheck {
  /** Problems with one answer: undocumented status, a JSON body that does not validate; empty when fine. */
  check(path: string, method: string, status: number, body: string): string[];
}

export function independentResponseValidator(spec: JsonObject): IndependentCheck {
  const doc = asResponseJsonSchema(spec) as JsonObject;
  const validator = new Validator();
  validator.addSchema(doc as never, BASE);
  return {
    check(path, method, status, body) {
      const operationPointer = `/paths/${escape(path)}/${method.toLowerCase()}`;
      const responses = at(doc, `${operationPointer}/responses`);
      if (!isObject(responses)) return [`${method} ${path}: no responses in the spec`];
      const key = String(status) in responses ? String(status) : `${String(status)[0]}XX` in responses ? `${String(status)[0]}XX` : 'default';
      let response: Json | undefined = responses[key];
      let responsePointer = `${operationPointer}/responses/${key}`;
      // A response object may itself be a $ref (components/responses).
      while (isObject(response) && typeof response.$ref === 'string') {
        responsePointer = response.$ref.slice(1);
        response = at(doc, responsePointer);
      }
      if (!isObject(response)) return [`${method} ${path}: status ${status} is not documented`];
      const content = response.content;
      if (!isObject(content) || !isObject(content['application/json'])) return body === '' ? [] : [`${method} ${path} ${status}: a body where the spec documents none`];
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        return [`${method} ${path} ${status}: body is not JSON`];
      }
      const schemaRef = `${BASE}#${responsePointer}/content/${escape('application/json')}/schema`;
      const result = validator.validate(value, { $ref: schemaRef } as never, { nestedErrors: true });
      return result.errors.map((e) => `${method} ${path} ${status}: ${e.property} ${e.message}`);
    },
  };
}
