/**
 * Checks the OpenAPI standard requires but JSON-schema validation cannot express (and parsers often skip).
 * Each rule is one function with one rule id; docs/validate.md lists them.
 */
// @ts-nocheck

import { childPointer, collectRefs, derefLocal, isLocalRef, parseRef, resolvePointer, tokensFromPointer } from '../refs.js';
import { HTTP_METHODS, isObject, type Json, type JsonObject } from '../types.js';
import { componentsPointer, forEachSchema, operations, parameterList, PATH_ITEM_FIXED_KEYS, pathItems, type OperationSite, type ParameterSite } from './model.js';
import type { Rule, ValidationFinding } from './types.js';

const error = (ruleId: string, pointer: string, message: string): ValidationFinding => ({ ruleId, level: 'error', pointer, message });
const warning = (ruleId: string, pointer: string, message: string): ValidationFinding => ({ ruleId, level: 'warning', pointer, message });

const describeOperation = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

/** operationId must be unique among all operations: each repeat is reported where it is written. */
export const operationIdDuplicate: Rule = ({ doc }) => {
  const firstUse = new Map<string, string>();
  const findings: ValidationFinding[] = [];
  for (const { operation, pointer, method, path } of operations(doc)) {
    const id = operation.operationId;
    if (typeof id !== 'string') continue;
    const first = firstUse.get(id);
    if (first === undefined) firstUse.set(id, describeOperation(method, path));
    else findings.push(error('operation-id-duplicate', childPointer(pointer, 'operationId'), `operationId '${id}' is already used by ${first}`));
  }
  return findings;
};

/** Every local `$ref` (and discriminator mapping) must resolve inside the document; external ones are only noted. */
export const refResolution: Rule = ({ doc, flavor }) => {
  const findings: ValidationFinding[] = [];
  for (const { ref, pointer } of collectRefs(doc, '', componentsPointer(flavor, 'schemas'))) {
    if (!isLocalRef(ref)) {
      findings.push(warning('ref-external', pointer, `external reference '${ref}' is not followed, so not checked; validate the spec as a file on disk, or bundle it`));
      continue;
    }
    const target = parseRef(ref).pointer;
    if (tokensFromPointer(target) === undefined) findings.push(error('ref-dangling', pointer, `'${ref}' is not a valid JSON pointer`));
    else if (resolvePointer(doc, target) === undefined) findings.push(error('ref-dangling', pointer, `'${ref}' points to nothing in this document`));
  }
  return findings;
};

const TEMPLATE_PARAM = /\{([^{}/]+)\}/g;
const templateNames = (path: string): string[] => [...path.matchAll(TEMPLATE_PARAM)].map((m) => m[1]);
const pathParams = (sites: ParameterSite[]): ParameterSite[] => sites.filter((s) => s.parameter.in === 'path');

/** Template variables need a `in: path` parameter, and every `in: path` parameter needs its variable. */
export const pathParameters: Rule = ({ doc }) => {
  const findings: ValidationFinding[] = [];
  const byPath = new Map<string, OperationSite[]>();
  for (const op of operations(doc)) (byPath.get(op.path) ?? byPath.set(op.path, []).get(op.path)!).push(op);
  for (const { path, pathItem, pointer } of pathItems(doc)) {
    const names = new Set(templateNames(path));
    const shared = pathParams(parameterList(doc, pathItem.parameters, childPointer(pointer, 'parameters')));
    for (const { parameter, pointer: at } of shared) {
      if (!names.has(String(parameter.name))) {
        findings.push(error('path-parameter-unused', at, `path parameter '${String(parameter.name)}' has no {${String(parameter.name)}} in the path ${path}`));
      }
    }
    for (const op of byPath.get(path) ?? []) {
      const own = pathParams(parameterList(doc, op.operation.parameters, childPointer(op.pointer, 'parameters')));
      for (const { parameter, pointer: at } of own) {
        if (!names.has(String(parameter.name))) {
          findings.push(error('path-parameter-unused', at, `path parameter '${String(parameter.name)}' has no {${String(parameter.name)}} in the path ${path}`));
        }
      }
      const declared = new Set([...shared, ...own].map((s) => String(s.parameter.name)));
      for (const name of names) {
        if (!declared.has(name)) {
          findings.push(error('path-parameter-undeclared', op.pointer, `${describeOperation(op.method, path)} declares no path parameter '${name}' for {${name}}`));
        }
      }
    }
  }
  return findings;
};

/** Parameter lists (path item and operation) with refs followed, and the pointer of each list. */
function parameterLists(doc: JsonObject): { list: ParameterSite[]; pointer: string }[] {
  const lists: { list: ParameterSite[]; pointer: string }[] = [];
  for (const { pathItem, pointer } of pathItems(doc)) {
    const at = childPointer(pointer, 'parameters');
    lists.push({ list: parameterList(doc, pathItem.parameters, at), pointer: at });
  }
  for (const { operation, pointer } of operations(doc)) {
    const at = childPointer(pointer, 'parameters');
    lists.push({ list: parameterList(doc, operation.parameters, at), pointer: at });
  }
  return lists;
}

/** A list may not hold two parameters with the same name and location (header names are case-insensitive). */
export const parameterDuplicate: Rule = ({ doc }) => {
  const findings: ValidationFinding[] = [];
  for (const { list } of parameterLists(doc)) {
    const seen = new Map<string, string>();
    for (const { parameter, pointer } of list) {
      const name = String(parameter.name);
      const key = `${String(parameter.in)}\u0000${parameter.in === 'header' ? name.toLowerCase() : name}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, pointer);
      else findings.push(error('parameter-duplicate', pointer, `${String(parameter.in)} parameter '${name}' is already listed at ${first}`));
    }
  }
  return findings;
};

const ALLOWED_STYLES: Record<string, readonly string[]> = {
  query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
  path: ['simple', 'label', 'matrix'],
  header: ['simple'],
  cookie: ['form'],
};

/** OpenAPI 3.x: `style` must be one the parameter's location allows (header objects: `simple`). */
export const parameterStyle: Rule = ({ doc, flavor }) => {
  if (flavor === 'swagger2') return []; // 2.0 has collectionFormat, not style
  const findings: ValidationFinding[] = [];
  const check = (parameter: Json, pointer: string, location?: string): void => {
    if (!isObject(parameter) || typeof parameter.style !== 'string') return;
    const where = location ?? (typeof parameter.in === 'string' ? parameter.in : undefined);
    const allowed = where === undefined ? undefined : ALLOWED_STYLES[where];
    if (allowed && !allowed.includes(parameter.style)) {
      const name = location === 'header' && parameter.name === undefined ? 'header' : `${where} parameter '${String(parameter.name)}'`;
      findings.push(error('parameter-style-invalid', childPointer(pointer, 'style'), `${name} has style '${parameter.style}'; ${where} allows ${allowed.join(', ')}`));
    }
  };
  // Each parameter is checked where it is written: inline in lists, or once as a component.
  const inline = (list: Json | undefined, at: string): void => {
    if (Array.isArray(list)) list.forEach((p, i) => isObject(p) && typeof p.$ref !== 'string' && check(p, childPointer(at, i)));
  };
  for (const { pathItem, pointer } of pathItems(doc)) inline(pathItem.parameters, childPointer(pointer, 'parameters'));
  for (const { operation, pointer } of operations(doc)) {
    inline(operation.parameters, childPointer(pointer, 'parameters'));
  }
  const components = isObject(doc.components) ? doc.components : {};
  if (isObject(components.parameters)) {
    for (const [name, p] of Object.entries(components.parameters)) check(p, childPointer('/components/parameters', name));
  }
  if (isObject(components.headers)) {
    for (const [name, h] of Object.entries(components.headers)) check(h, childPointer('/components/headers', name), 'header');
  }
  return findings;
};

/** A path item holds HTTP methods and a few fixed keys; anything else (bar `x-`) is a mistake that tools drop silently. */
export const pathItemUnknownKey: Rule = ({ doc, flavor }) => {
  const findings: ValidationFinding[] = [];
  const fixed = PATH_ITEM_FIXED_KEYS[flavor];
  const methods = new Set<string>(HTTP_METHODS.filter((m) => m !== 'trace' || flavor !== 'swagger2')); // 2.0 has no trace
  for (const { path, pathItem, pointer } of pathItems(doc)) {
    for (const key of Object.keys(pathItem)) {
      if (methods.has(key) || fixed.has(key) || key.startsWith('x-')) continue;
      findings.push(error('path-item-unknown-key', childPointer(pointer, key), `'${key}' under ${path} is neither an HTTP method nor a path item field`));
    }
  }
  return findings;
};

/** Two templates that differ only in variable names (`/a/{id}`, `/a/{name}`) are the same path. */
export const pathTemplateDuplicate: Rule = ({ doc }) => {
  const findings: ValidationFinding[] = [];
  const seen = new Map<string, string>();
  for (const path of isObject(doc.paths) ? Object.keys(doc.paths) : []) {
    const shape = path.replace(TEMPLATE_PARAM, '{}');
    const first = seen.get(shape);
    if (first === undefined) seen.set(shape, path);
    else findings.push(error('path-template-duplicate', childPointer('/paths', path), `${path} is the same template as ${first}`));
  }
  return findings;
};

/** Security requirements may only name schemes declared in components.securitySchemes (securityDefinitions in 2.0). */
export const securitySchemeUndefined: Rule = ({ doc, flavor }) => {
  const schemesPointer = componentsPointer(flavor, 'securitySchemes');
  const schemes = resolvePointer(doc, schemesPointer);
  const findings: ValidationFinding[] = [];
  const check = (requirements: Json | undefined, at: string): void => {
    if (!Array.isArray(requirements)) return;
    requirements.forEach((requirement, i) => {
      if (!isObject(requirement)) return;
      for (const name of Object.keys(requirement)) {
        if (!isObject(schemes) || !(name in schemes)) {
          findings.push(error('security-scheme-undefined', childPointer(at, i, name), `security requirement names '${name}', which ${schemesPointer} does not define`));
        }
      }
    });
  };
  check(doc.security, '/security');
  for (const { operation, pointer } of operations(doc)) check(operation.security, childPointer(pointer, 'security'));
  return findings;
};

/** Names of properties a schema (and what it is composed of or into) defines. */
function knownProperties(doc: JsonObject, schema: JsonObject, seen = new Set<JsonObject>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(schema)) return names;
  seen.add(schema);
  if (isObject(schema.properties)) for (const name of Object.keys(schema.properties)) names.add(name);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const resolved = derefLocal(doc, member, '');
      if (resolved && isObject(resolved.node)) for (const name of knownProperties(doc, resolved.node, seen)) names.add(name);
    }
  }
  return names;
}

/** Names listed in `required` must be properties the schema defines (directly, through allOf/anyOf/oneOf, or from the allOf it belongs to). */
export const schemaRequiredUnknownProperty: Rule = ({ doc, flavor }) => {
  const findings: ValidationFinding[] = [];
  forEachSchema(doc, flavor, ({ schema, pointer, allOfParent }) => {
    if (!Array.isArray(schema.required)) return;
    const known = knownProperties(doc, schema);
    if (allOfParent) for (const name of knownProperties(doc, allOfParent)) known.add(name);
    const describesProperties = isObject(schema.properties) || known.size > 0 || schema.additionalProperties === false;
    if (!describesProperties) return; // a bare `required` constraint or a map: any key may satisfy it
    const patterns = isObject(schema.patternProperties) ? Object.keys(schema.patternProperties).map(safeRegExp) : [];
    const openMap = schema.additionalProperties !== undefined && schema.additionalProperties !== false && !isObject(schema.properties);
    if (openMap) return;
    schema.required.forEach((name, i) => {
      if (typeof name !== 'string' || known.has(name) || patterns.some((re) => re?.test(name))) return;
      const [head, ...rest] = name.split('/');
      const nested = rest.length > 0 && known.has(head) ? `; to require a field of '${head}', list '${rest.join('/')}' in that property's own required` : '';
      findings.push(error('schema-required-unknown-property', childPointer(pointer, 'required', i), `'${name}' is required but the schema defines no such property${nested}`));
    });
  });
  return findings;
};

const safeRegExp = (source: string): RegExp | undefined => {
  try {
    return new RegExp(source, 'u');
  } catch {
    return undefined;
  }
};

export const ALL_RULES: readonly Rule[] = [
  operationIdDuplicate,
  refResolution,
  pathParameters,
  parameterDuplicate,
  parameterStyle,
  pathItemUnknownKey,
  pathTemplateDuplicate,
  securitySchemeUndefined,
  schemaRequiredUnknownProperty,
];
