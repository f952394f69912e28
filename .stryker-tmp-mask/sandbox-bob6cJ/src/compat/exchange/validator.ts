/**
 * The exchange validator: routes a request to its operation and checks request and response against
 * the spec (parameters with their serialization, content type, body schema, status). Reused by the
 * reference server and by the validating proxy in front of a real slurmrestd.
 */
// @ts-nocheck

import { ExitCode, SpecdriftError } from '../../errors.js';
import { DEFAULT_MAX_DEPTH, measureDepth, shortPointer } from '../../openapi/depth.js';
import { childPointer, derefLocal, resolvePointer } from '../../openapi/refs.js';
import { isObject, type Json, type JsonObject } from '../../openapi/types.js';
import { isFormMediaType, isJsonMediaType, isTextMediaType, matchMediaType, parseMediaType } from './media.js';
import {
  headerValue,
  operationParameters,
  parseCookies,
  parseQuery,
  readCookieParameter,
  readHeaderParameter,
  readPathParameter,
  readQueryParameter,
  type ParameterSpec,
  type QueryPair,
  type ReadResult,
} from './params.js';
import { createRouter, splitUrl } from './router.js';
import { SchemaValidators } from './schemas.js';
import type { ExchangeRequest, ExchangeResponse, ExchangeValidator, OperationRef, ParsedBody, RequestReading, Violation, ViolationRule } from './types.js';

const violation = (where: Violation['where'], rule: ViolationRule, pointer: string, schemaPointer: string, message: string): Violation => ({
  where,
  rule,
  pointer,
  schemaPointer,
  message,
});

const bodyText = (body: Buffer | string | undefined): string => (body === undefined ? '' : typeof body === 'string' ? body : body.toString('utf8'));

/** The object at `pointer` with `$ref`s followed, and where it really is. */
function objectAt(doc: JsonObject, pointer: string): { node: JsonObject; pointer: string } | undefined {
  const node = resolvePointer(doc, pointer);
  if (node === undefined) return undefined;
  const resolved = derefLocal(doc, node, pointer);
  return resolved && isObject(resolved.node) ? { node: resolved.node, pointer: resolved.pointer } : undefined;
}

/** The documented response for a status: exact code, then `4XX`-style range, then `default`. */
export function responseKeyFor(responses: JsonObject, status: number): string | undefined {
  const exact = String(status);
  if (responses[exact] !== undefined) return exact;
  const range = Object.keys(responses).find((key) => key.toUpperCase() === `${exact[0]}XX`);
  if (range) return range;
  return responses.default !== undefined ? 'default' : undefined;
}

export function assertOpenApi3(doc: JsonObject): void {
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    const found = typeof doc.swagger === 'string' ? `Swagger ${doc.swagger}` : 'no "openapi" field';
    throw new SpecdriftError(`the exchange validator needs an OpenAPI 3.x document, got ${found}`, ExitCode.parse, {
      hint: 'convert the spec to OpenAPI 3 first',
    });
  }
}

export function createExchangeValidator(doc: JsonObject, opts: { maxDepth?: number } = {}): ExchangeValidator {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  assertOpenApi3(doc);
  const router = createRouter(doc);
  const schemas = new SchemaValidators(doc);
  const parameterCache = new Map<string, ParameterSpec[]>();
  const parametersOf = (operationPointer: string) => {
    let list = parameterCache.get(operationPointer);
    if (!list) {
      list = operationParameters(doc, operationPointer);
      parameterCache.set(operationPointer, list);
    }
    return list;
  };

  /**
   * Parse and schema-check a body against the documented `content` map; `where` decides the rule names. Also
   * hands back what it parsed (JSON value, form object, text), so a caller does not parse it again.
   */
  function checkBody(
    where: 'request' | 'response',
    contentPointer: string,
    content: JsonObject,
    contentType: string | undefined,
    text: string,
    subject: string,
  ): { violations: Violation[]; parsed?: ParsedBody } {
    const documented = Object.keys(content);
    const rule = (suffix: 'content-type' | 'body-parse' | 'body-schema') => `${where}-${suffix}` as ViolationRule;
    const sent = parseMediaType(contentType);
    if (!sent) {
      const what = contentType ? `Content-Type "${contentType}" is not a media type` : 'no Content-Type header';
      return { violations: [violation(where, rule('content-type'), '', contentPointer, `${subject}: ${what}; the spec (#${contentPointer}) documents ${documented.join(', ')}`)] };
    }
    const key = matchMediaType(sent, documented);
    if (key === undefined) {
      return {
        violations: [
          violation(where, rule('content-type'), '', contentPointer, `${subject}: Content-Type ${sent.essence} is not documented; the spec (#${contentPointer}) documents ${documented.join(', ')}`),
        ],
      };
    }
    const mediaPointer = childPointer(contentPointer, key);
    const media = content[key];
    const schemaPointer = childPointer(mediaPointer, 'schema');
    const hasSchema = isObject(media) && media.schema !== undefined;
    let value: unknown;
    let coerce = false;
    if (isJsonMediaType(sent)) {
      try {
        value = JSON.parse(text);
      } catch (error) {
        return { violations: [violation(where, rule('body-parse'), '', mediaPointer, `${subject}: body is not valid JSON (${(error as Error).message})`)] };
      }
      // Schema validation recurses along the body: past the depth limit it is refused, not walked (docs/security.md).
      const { tooDeep } = measureDepth(value, maxDepth, { followRefs: false });
      if (tooDeep) {
        return {
          violations: [violation(where, rule('body-parse'), shortPointer(tooDeep.pointer), mediaPointer, `${subject}: body nests deeper than ${maxDepth} levels at ${shortPointer(tooDeep.pointer) || '(root)'}`)],
        };
      }
    } else if (isFormMediaType(sent)) {
      const form: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(text)) {
        const previous = form[k];
        form[k] = previous === undefined ? v : ([] as string[]).concat(previous, v);
      }
      value = form;
      coerce = true;
    } else if (isTextMediaType(sent)) {
      value = text;
    } else {
      return { violations: [] }; // binary and other media: the content type is all that can be checked
    }
    const parsed = { mediaKey: key, value };
    if (!hasSchema) return { violations: [], parsed };
    const violations = schemas
      .validate(schemaPointer, value, where, { coerce })
      .map((issue) => violation(where, rule('body-schema'), issue.pointer, issue.schemaPointer, issue.message));
    return { violations, parsed };
  }

  /** Reads one parameter; the query and the cookies are parsed once per request, when a parameter first needs them. */
  function parameterReader(request: ExchangeRequest, query: string, rawPathParams: Record<string, string>): (spec: ParameterSpec) => ReadResult {
    let pairs: QueryPair[] | undefined;
    let cookies: QueryPair[] | undefined;
    return (spec) => {
      switch (spec.in) {
        case 'path':
          return readPathParameter(spec, rawPathParams[spec.name]);
        case 'query':
          return readQueryParameter(spec, (pairs ??= parseQuery(query)));
        case 'header':
          return readHeaderParameter(spec, headerValue(request.headers, spec.name));
        case 'cookie':
          return readCookieParameter(spec, (cookies ??= parseCookies(headerValue(request.headers, 'cookie'))));
      }
    };
  }

  const readRequest = (request: ExchangeRequest): RequestReading => {
    const method = request.method.toUpperCase();
    const routed = router.route(request.method, request.url);
    if (routed.kind === 'not-found') {
      const hint = routed.suggestion ? `; the spec has ${routed.suggestion} (trailing slash differs)` : '';
      return { violations: [violation('request', 'request-path-unknown', '', '/paths', `${method} ${routed.path}: no path of the spec matches${hint}`)], parameters: [] };
    }
    if (routed.kind === 'method-not-allowed') {
      return {
        violations: [
          violation(
            'request',
            'request-method-not-allowed',
            '',
            routed.pointer,
            `${method} ${splitUrl(request.url).path}: the path (#${routed.pointer}) documents ${routed.allowed.join(', ')}, not ${method}`,
          ),
        ],
        parameters: [],
      };
    }
    const operation = routed.match;
    const found: Violation[] = [];
    const parameters: RequestReading['parameters'] = [];
    const { path: urlPath, query } = splitUrl(request.url);
    const readParameter = parameterReader(request, query, routed.rawPathParams);
    for (const spec of parametersOf(operation.pointer)) {
      const read = readParameter(spec);
      const pointer = childPointer('', spec.in, spec.name);
      if (read.problem) {
        found.push(violation('request', `request-${spec.in}-style`, read.problem.pointer, spec.pointer, read.problem.message));
      } else if (read.value === undefined) {
        if (spec.required) {
          found.push(violation('request', `request-${spec.in}-required`, pointer, spec.pointer, `${pointer}: required ${spec.in} parameter '${spec.name}' is missing (#${spec.pointer})`));
        }
      } else {
        parameters.push({ spec, value: read.value });
        if (spec.schemaPointer !== undefined) {
          for (const issue of schemas.validate(spec.schemaPointer, read.value, 'request', { coerce: spec.mediaType === undefined, basePointer: pointer })) {
            found.push(violation('request', `request-${spec.in}-schema`, issue.pointer, issue.schemaPointer, issue.message));
          }
        }
      }
    }

    const text = bodyText(request.body);
    const subject = `${method} ${urlPath}`;
    const requestBody = objectAt(doc, childPointer(operation.pointer, 'requestBody'));
    let body: ParsedBody | undefined;
    if (!requestBody) {
      if (text.length > 0) {
        found.push(
          violation('request', 'request-body-undocumented', '', operation.pointer, `${subject}: sent a ${Buffer.byteLength(text)}-byte body but the operation (#${operation.pointer}) documents no request body`),
        );
      }
    } else if (text.length === 0) {
      if (requestBody.node.required === true) {
        found.push(violation('request', 'request-body-required', '', requestBody.pointer, `${subject}: the request body is required (#${requestBody.pointer}) but none was sent`));
      }
    } else if (isObject(requestBody.node.content)) {
      const checked = checkBody('request', childPointer(requestBody.pointer, 'content'), requestBody.node.content, headerValue(request.headers, 'content-type'), text, subject);
      found.push(...checked.violations);
      body = checked.parsed;
    }
    return { operation, violations: found, parameters, ...(body ? { body } : {}) };
  };

  const validateResponse = (operation: OperationRef, response: ExchangeResponse): Violation[] => {
    const responsesPointer = childPointer(operation.pointer, 'responses');
    const responses = objectAt(doc, responsesPointer)?.node ?? {};
    const name = operation.operationId ?? `${operation.method.toUpperCase()} ${operation.path}`;
    const key = responseKeyFor(responses, response.status);
    if (key === undefined) {
      return [
        violation(
          'response',
          'response-status-undocumented',
          '',
          responsesPointer,
          `status ${response.status} is not documented for ${name} (#${responsesPointer} has ${Object.keys(responses).join(', ') || 'no responses'})`,
        ),
      ];
    }
    const documented = objectAt(doc, childPointer(responsesPointer, key));
    if (!documented) return [];
    const found: Violation[] = [];
    const subject = `${name} ${response.status}`;

    if (isObject(documented.node.headers)) {
      for (const [headerName, rawHeader] of Object.entries(documented.node.headers)) {
        if (headerName.toLowerCase() === 'content-type') continue;
        const header = derefLocal(doc, rawHeader, childPointer(documented.pointer, 'headers', headerName));
        if (!header || !isObject(header.node)) continue;
        const pointer = childPointer('', 'header', headerName.toLowerCase());
        const value = headerValue(response.headers, headerName);
        if (value === undefined) {
          if (header.node.required === true) {
            found.push(violation('response', 'response-header-required', pointer, header.pointer, `${pointer}: required response header '${headerName}' is missing (#${header.pointer})`));
          }
          continue;
        }
        if (header.node.schema === undefined) continue;
        const spec: ParameterSpec = {
          name: headerName,
          in: 'header',
          required: false,
          style: 'simple',
          explode: header.node.explode === true,
          pointer: header.pointer,
          shape: 'primitive',
          properties: [],
        };
        const schemaPointer = childPointer(header.pointer, 'schema');
        const schemaNode = derefLocal(doc, header.node.schema as Json, schemaPointer)?.node;
        if (isObject(schemaNode) && schemaNode.type === 'array') spec.shape = 'array';
        const read = readHeaderParameter(spec, value);
        for (const issue of schemas.validate(schemaPointer, read.value, 'response', { coerce: true, basePointer: pointer })) {
          found.push(violation('response', 'response-header-schema', issue.pointer, issue.schemaPointer, issue.message));
        }
      }
    }

    const text = bodyText(response.body);
    const content = isObject(documented.node.content) && Object.keys(documented.node.content).length > 0 ? documented.node.content : undefined;
    const contentPointer = childPointer(documented.pointer, 'content');
    if (!content) {
      if (text.length > 0) {
        found.push(violation('response', 'response-body-undocumented', '', documented.pointer, `${subject}: sent a ${Buffer.byteLength(text)}-byte body but the response (#${documented.pointer}) documents no content`));
      }
    } else if (text.length === 0) {
      if (response.status !== 204 && response.status !== 304) {
        found.push(violation('response', 'response-body-parse', '', contentPointer, `${subject}: empty body where the response (#${contentPointer}) documents ${Object.keys(content).join(', ')}`));
      }
    } else {
      found.push(...checkBody('response', contentPointer, content, headerValue(response.headers, 'content-type'), text, subject).violations);
    }
    return found;
  };

  return {
    operations: router.operations,
    basePath: router.basePath,
    matchOperation: (method, url) => {
      const routed = router.route(method, url);
      return routed.kind === 'match' ? routed.match : undefined;
    },
    readRequest,
    validateRequest: (request) => readRequest(request).violations,
    validateResponse,
    validateValue: (schemaPointer, value, direction) => schemas.validate(schemaPointer, value, direction),
  };
}
