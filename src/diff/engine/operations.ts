/**
 * Operations: matched by method + path template with path-parameter names normalised, then compared part by
 * part: parameters by (in, name), request body and responses by status + media type, schemas through the
 * memoised comparer.
 */
import { isObject } from '../../openapi/types.js';
import type { OperationRef } from '../model.js';
import type { SchemaCtx } from '../rules/define.js';
import { endpointAdded } from '../rules/endpoint-added.js';
import { endpointDeprecationCheck, endpointSunsetInvalid } from '../rules/endpoint-deprecation.js';
import { isInvalidSunset, SUNSET_KEYS, sunsetValue } from '../rules/deprecation.js';
import { operationIdCheck } from '../rules/endpoint-operation-id.js';
import { removalRule } from '../rules/endpoint-removed.js';
import { endpointTagsCheck } from '../rules/endpoint-tags.js';
import { compareRequestBodyEncoding } from '../rules/request-body-encoding.js';
import { requestBodyMediaTypeAdded, requestBodyMediaTypeRemoved } from '../rules/request-body-media-type.js';
import {
  requestBodyAdded,
  requestBodyRemoved,
  requestBodyRequiredAdded,
  requestBodyRequiredRemoved,
  requestRequiredBodyAdded,
} from '../rules/request-body.js';
import { requestParameterAdded, requestRequiredParameterAdded } from '../rules/request-parameter-added.js';
import { parameterAllowEmptyValueCheck } from '../rules/request-parameter-allow-empty-value.js';
import { parameterDeprecationCheck } from '../rules/request-parameter-deprecation.js';
import { parameterExplodeCheck } from '../rules/request-parameter-explode.js';
import { parameterRemovalRule, parameterSunsetCheck, requestParameterSunsetInvalid } from '../rules/request-parameter-removed.js';
import { parameterRequiredCheck } from '../rules/request-parameter-required.js';
import { parameterStyleCheck } from '../rules/request-parameter-style.js';
import { requestPathParameterRenamed } from '../rules/request-path-parameter-renamed.js';
import {
  responseHeaderAdded,
  responseHeaderRemoved,
  responseHeaderRequiredAdded,
  responseHeaderRequiredRemoved,
  responseRequiredHeaderRemoved,
} from '../rules/response-header.js';
import { responseMediaTypeAdded, responseMediaTypeRemoved } from '../rules/response-media-type.js';
import {
  isSuccessStatus,
  responseNonSuccessStatusAdded,
  responseNonSuccessStatusRemoved,
  responseSuccessStatusAdded,
  responseSuccessStatusRemoved,
} from '../rules/response-status.js';
import type { RuleDef } from '../model.js';
import { WEBHOOK_VARIANT } from '../rules/webhook.js';
import { bodyWire, type Wire } from './wire.js';
import { HTTP_METHODS } from '../../openapi/types.js';
import type { SpecDoc } from './doc.js';
import type { DiffRun } from './run.js';
import { compareOperationSecurity } from './security.js';
import type { Emit, Located, OperationCheck, OperationSide, ParameterCheck, ParameterSide } from './types.js';

const OPERATION_CHECKS: readonly OperationCheck[] = [endpointDeprecationCheck, operationIdCheck, endpointTagsCheck];
const PARAMETER_CHECKS: readonly ParameterCheck[] = [
  parameterRequiredCheck,
  parameterStyleCheck,
  parameterExplodeCheck,
  parameterDeprecationCheck,
  parameterAllowEmptyValueCheck,
  parameterSunsetCheck,
];

export interface OperationEntry extends OperationSide {
  /** `GET /jobs/{}`: the matching key (`POST newPet` for a webhook). */
  key: string;
  /** Template variable names in order of appearance (none for a webhook: its name is not a template). */
  pathParams: string[];
  /** A 3.1 webhook (`path` is then the webhook's name). */
  webhook: boolean;
}

const TEMPLATE_VAR = /\{([^}]*)\}/g;
export const normalisePath = (path: string): string => path.replace(TEMPLATE_VAR, '{}');
const templateVars = (path: string): string[] => [...path.matchAll(TEMPLATE_VAR)].map((m) => m[1]);

/**
 * Every operation of a document, keyed by method + normalised path (exact path on a collision); with
 * `webhooks`, every webhook operation keyed by method + webhook name.
 */
export function collectOperations(doc: SpecDoc, section: 'paths' | 'webhooks' = 'paths'): Map<string, OperationEntry> {
  const out = new Map<string, OperationEntry>();
  const paths = doc.root[section];
  if (!isObject(paths)) return out;
  const webhook = section === 'webhooks';
  for (const path of Object.keys(paths)) {
    const raw = doc.child({ node: paths, ptr: `/${section}` }, path);
    if (!raw) continue;
    const pathItem = doc.resolve(raw);
    for (const method of HTTP_METHODS) {
      const op = doc.child(pathItem, method);
      if (!op) continue;
      const upper = method.toUpperCase();
      let key = `${upper} ${webhook ? path : normalisePath(path)}`;
      if (out.has(key)) key = `${upper} ${path}`;
      out.set(key, { key, method: upper, path, op, pathItem, pathParams: webhook ? [] : templateVars(path), webhook });
    }
  }
  return out;
}

const opRef = (e: OperationEntry): OperationRef => {
  const ref: OperationRef = { method: e.method, path: e.path };
  if (typeof e.op.node.operationId === 'string') ref.operationId = e.op.node.operationId;
  if (e.webhook) ref.webhook = true;
  return ref;
};

/** `GET /jobs`, or `WEBHOOK newPet POST` for a webhook. */
export const operationLocation = (e: { method: string; path: string; webhook?: boolean }): string =>
  e.webhook ? `WEBHOOK ${e.path} ${e.method}` : `${e.method} ${e.path}`;

/** Sort key: path first, then method in the usual order. */
const METHOD_ORDER = new Map(HTTP_METHODS.map((m, i) => [m.toUpperCase(), i]));
const compareEntries = (a: OperationEntry, b: OperationEntry): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : (METHOD_ORDER.get(a.method) ?? 0) - (METHOD_ORDER.get(b.method) ?? 0);

/** Inside a webhook the direction is flipped: what the API sends is read like a response, and the reverse. */
const WEBHOOK_CTX: Record<SchemaCtx, SchemaCtx> = {
  request: 'webhook-request',
  parameter: 'webhook-request',
  response: 'webhook-response',
  header: 'webhook-response',
  schema: 'schema',
  'webhook-request': 'webhook-request',
  'webhook-response': 'webhook-response',
};

/** An emitter for one operation; inside a webhook every rule becomes its `webhook-…` variant. */
function operationEmitter(run: DiffRun, e: OperationEntry, ops: number[], oldPtr: string, newPtr: string): Emit {
  const emit = run.emitter(operationLocation(e), ops, oldPtr, newPtr);
  if (!e.webhook) return emit;
  // A rule without a webhook variant (none today) keeps its paths id rather than failing the diff.
  return (def, input) => emit(WEBHOOK_VARIANT.get(def) ?? def, input);
}

export function diffOperations(run: DiffRun): void {
  for (const section of ['paths', 'webhooks'] as const) diffSection(run, section);
}

function diffSection(run: DiffRun, section: 'paths' | 'webhooks'): void {
  const oldOps = collectOperations(run.oldDoc, section);
  const newOps = collectOperations(run.newDoc, section);
  const entries: { o?: OperationEntry; n?: OperationEntry }[] = [];
  for (const [key, n] of newOps) entries.push({ o: oldOps.get(key), n });
  for (const [key, o] of oldOps) if (!newOps.has(key)) entries.push({ o });
  entries.sort((a, b) => compareEntries((a.n ?? a.o) as OperationEntry, (b.n ?? b.o) as OperationEntry));
  const label = (e: OperationEntry) => (e.webhook ? `webhook ${e.path} ${e.method}` : `${e.method} ${e.path}`);
  for (const { o, n } of entries) {
    if (o && n) compareOperation(run, o, n);
    else if (n) {
      const i = run.addOperation(opRef(n));
      const emit = operationEmitter(run, n, [i], `/${section}`, n.op.ptr);
      emit(endpointAdded, {
        detail: '',
        message: `${label(n)} added`,
        old: { pointer: `/${section}` },
        new: { value: { summary: typeof n.op.node.summary === 'string' ? n.op.node.summary : null } },
      });
      sunsetInvalid(emit, endpointSunsetInvalid, undefined, n.op, '', label(n));
    } else if (o) {
      const i = run.addOperation(opRef(o));
      const { def, why } = removalRule(o.op.node, run.deprecation);
      const emit = operationEmitter(run, o, [i], o.op.ptr, `/${section}`);
      emit(def, {
        detail: '',
        message: `${label(o)} removed${why ? ` (${why})` : ''}`,
        old: { value: { deprecated: o.op.node.deprecated === true, sunset: sunsetValue(o.op.node) ?? null } },
        new: { pointer: `/${section}` },
      });
      sunsetInvalid(emit, endpointSunsetInvalid, o.op, undefined, '', label(o));
    }
  }
}

/**
 * A malformed x-sunset on something that appeared or disappeared (changes in place are the checks' job):
 * reported on both sides alike, so diff(b, a) mirrors diff(a, b).
 */
function sunsetInvalid(emit: Emit, def: RuleDef, old: Located | undefined, neu: Located | undefined, detail: string, what: string): void {
  const at = (old ?? neu) as Located;
  const value = sunsetValue(at.node);
  if (!isInvalidSunset(value)) return;
  const side = { pointer: `${at.ptr}/${SUNSET_KEYS.find((k) => at.node[k] !== undefined)}`, value };
  emit(def, {
    detail,
    message: `${what} (${old ? 'removed' : 'added'}): x-sunset ${JSON.stringify(value)} is not an RFC 3339 date (YYYY-MM-DD) or date-time`,
    ...(old ? { old: side } : { new: side }),
  });
}

function compareOperation(run: DiffRun, o: OperationEntry, n: OperationEntry): void {
  const opIndex = run.addOperation(opRef(n));
  const emit = operationEmitter(run, n, [opIndex], o.op.ptr, n.op.ptr);
  const roots = run.roots[opIndex];
  const schema: SchemaFn = (a, b, ctx, where, wire) => {
    if (!a && !b) return;
    const c = n.webhook ? WEBHOOK_CTX[ctx] : ctx;
    roots.push(run.comparer.compare(a ?? { node: {}, ptr: where[0].ptr + '/schema' }, b ?? { node: {}, ptr: where[1].ptr + '/schema' }, c, wire));
  };
  for (const check of OPERATION_CHECKS) check(o, n, emit);

  // Path parameters are matched by position in the template; a different name there is a rename.
  const renamed = new Map<string, string>();
  o.pathParams.forEach((name, i) => {
    const newName = n.pathParams[i];
    if (newName === undefined || newName === name) return;
    renamed.set(name, newName);
    emit(requestPathParameterRenamed, {
      detail: `${i}`,
      message: `path parameter '${name}' renamed to '${newName}'`,
      old: { pointer: o.pathItem.ptr, value: name },
      new: { pointer: n.pathItem.ptr, value: newName },
    });
  });

  const oParams = collectParameters(run.oldDoc, o, renamed);
  const nParams = collectParameters(run.newDoc, n, new Map());
  for (const [key, np] of nParams) {
    const op = oParams.get(key);
    if (op) {
      for (const check of PARAMETER_CHECKS) check(op, np, emit);
      schema(parameterSchema(run.oldDoc, op), parameterSchema(run.newDoc, np), 'parameter', [op.at, np.at]);
      continue;
    }
    const required = np.at.node.required === true;
    emit(required ? requestRequiredParameterAdded : requestParameterAdded, {
      detail: key,
      message: `${required ? 'required' : 'optional'} ${np.in} parameter '${np.name}' added`,
      old: { pointer: o.op.ptr },
      new: { pointer: np.at.ptr, value: np.at.node },
    });
    sunsetInvalid(emit, requestParameterSunsetInvalid, undefined, np.at, key, `${np.in} parameter '${np.name}'`);
  }
  for (const [key, op] of oParams) {
    if (nParams.has(key)) continue;
    const { def, why } = parameterRemovalRule(op.at.node, run.deprecation);
    emit(def, {
      detail: key,
      message: `${op.in} parameter '${op.name}' removed${why ? ` (${why})` : ''}`,
      old: { pointer: op.at.ptr, value: op.at.node },
      new: { pointer: n.op.ptr },
    });
    sunsetInvalid(emit, requestParameterSunsetInvalid, op.at, undefined, key, `${op.in} parameter '${op.name}'`);
  }

  compareRequestBody(run, o, n, emit, schema);
  compareResponses(run, o, n, emit, schema);
  // Who authenticates to whom in a webhook is not what `security` describes for paths: not compared there.
  if (!n.webhook) compareOperationSecurity(run, o, n, emit);
}

/** Path-item and operation parameters (operation wins), `$ref`s resolved, keyed `in:name`. */
function collectParameters(doc: SpecDoc, e: OperationEntry, renamed: ReadonlyMap<string, string>): Map<string, ParameterSide> {
  const out = new Map<string, ParameterSide>();
  for (const owner of [e.pathItem, e.op]) {
    for (const raw of doc.children(owner, 'parameters')) {
      const at = doc.resolve(raw);
      const where = at.node.in;
      const name = at.node.name;
      if (typeof where !== 'string' || typeof name !== 'string' || where === 'body') continue;
      const keyName = where === 'path' ? (renamed.get(name) ?? name) : where === 'header' ? name.toLowerCase() : name;
      out.set(`${where}:${keyName}`, { at, in: where, name });
    }
  }
  return out;
}

/** A parameter's schema: `schema`, or the schema of its single `content` media type. */
function parameterSchema(doc: SpecDoc, p: ParameterSide): Located | undefined {
  const direct = doc.child(p.at, 'schema');
  if (direct) return direct;
  const content = doc.child(p.at, 'content');
  // Swagger 2.0: a non-body parameter carries its type, format, enum, … itself.
  if (!content) return doc.isSwagger2 ? p.at : undefined;
  const first = Object.keys(content.node)[0];
  const media = first === undefined ? undefined : doc.child(content, first);
  return media ? doc.child(media, 'schema') : undefined;
}

/** `wire`: how the media type serialises a body (wire.ts); JSON when not given. */
type SchemaFn = (a: Located | undefined, b: Located | undefined, ctx: SchemaCtx, where: Located[], wire?: Wire) => void;

/** Media type key without parameters, lower case, for a second matching pass. */
const bareMediaType = (m: string): string => m.split(';')[0].trim().toLowerCase();

/** Media type → the object holding its `schema`, with `where` pointing at the map for added/removed reports. */
interface Media {
  entries: Map<string, Located>;
  where: string;
}

/** A 3.x `content` map as Media. */
function contentMedia(doc: SpecDoc, owner: Located): Media {
  const content = doc.child(owner, 'content');
  const entries = new Map<string, Located>();
  if (content) {
    for (const key of Object.keys(content.node)) {
      const m = doc.child(content, key);
      if (m) entries.set(key, m);
    }
  }
  return { entries, where: content?.ptr ?? owner.ptr };
}

/**
 * Swagger 2.0: the body parameter or response holds `schema` itself, and its media types are the operation's
 * (or document's) `consumes` / `produces`.
 */
function swagger2Media(doc: SpecDoc, holder: Located, op: Located, key: 'consumes' | 'produces'): Media {
  const listed = op.node[key] ?? doc.root[key];
  const types = Array.isArray(listed) && listed.length > 0 ? listed.filter((t): t is string => typeof t === 'string') : ['application/json'];
  return { entries: new Map(holder.node.schema === undefined ? [] : types.map((t) => [t, holder])), where: holder.ptr };
}

/** Compares two sets of media types: added / removed, and the schemas of matched ones. */
function compareContent(run: DiffRun, o: Media, n: Media, ctx: SchemaCtx, rules: { added: RuleDef; removed: RuleDef }, label: string, emit: Emit, schema: SchemaFn): void {
  const pairs: [string, string][] = [];
  const oLeft = new Set(o.entries.keys());
  const nLeft = new Set(n.entries.keys());
  for (const k of n.entries.keys()) if (oLeft.has(k)) pairs.push([k, k]);
  for (const [k] of pairs) {
    oLeft.delete(k);
    nLeft.delete(k);
  }
  for (const nk of [...nLeft]) {
    const ok = [...oLeft].find((x) => bareMediaType(x) === bareMediaType(nk));
    if (ok === undefined) continue;
    pairs.push([ok, nk]);
    oLeft.delete(ok);
    nLeft.delete(nk);
  }
  for (const [ok, nk] of pairs) {
    const om = o.entries.get(ok) as Located;
    const nm = n.entries.get(nk) as Located;
    const encoding = (m: Located) => (isObject(m.node.encoding) ? m.node.encoding : undefined);
    schema(run.oldDoc.child(om, 'schema'), run.newDoc.child(nm, 'schema'), ctx, [om, nm], bodyWire(nk, encoding(om), encoding(nm)));
    if (ctx === 'request') compareRequestBodyEncoding({ doc: run.oldDoc, media: om }, { doc: run.newDoc, media: nm }, nk, label, emit);
  }
  for (const nk of nLeft) {
    emit(rules.added, {
      detail: `${label} ${nk}`.trim(),
      message: `${label ? label + ' ' : ''}media type ${nk} added`,
      old: { pointer: o.where },
      new: { pointer: (n.entries.get(nk) as Located).ptr },
    });
  }
  for (const ok of oLeft) {
    emit(rules.removed, {
      detail: `${label} ${ok}`.trim(),
      message: `${label ? label + ' ' : ''}media type ${ok} removed`,
      old: { pointer: (o.entries.get(ok) as Located).ptr },
      new: { pointer: n.where },
    });
  }
}

/** The request body (3.x `requestBody`, or the Swagger 2.0 `in: body` parameter), `$ref` resolved. */
function requestBodyOf(doc: SpecDoc, e: OperationEntry): { at: Located; media: Media } | undefined {
  if (doc.isSwagger2) {
    for (const owner of [e.op, e.pathItem]) {
      for (const raw of doc.children(owner, 'parameters')) {
        const at = doc.resolve(raw);
        if (at.node.in === 'body') return { at, media: swagger2Media(doc, at, e.op, 'consumes') };
      }
    }
    return undefined;
  }
  const raw = doc.child(e.op, 'requestBody');
  if (!raw) return undefined;
  const at = doc.resolve(raw);
  return { at, media: contentMedia(doc, at) };
}

/** A response's media types (3.x `content`, or Swagger 2.0 `schema` + `produces`). */
const responseMedia = (doc: SpecDoc, resp: Located, e: OperationEntry): Media => (doc.isSwagger2 ? swagger2Media(doc, resp, e.op, 'produces') : contentMedia(doc, resp));

function compareRequestBody(run: DiffRun, o: OperationEntry, n: OperationEntry, emit: Emit, schema: SchemaFn): void {
  const ob = requestBodyOf(run.oldDoc, o);
  const nb = requestBodyOf(run.newDoc, n);
  if (!ob && !nb) return;
  const oBody = ob?.at;
  const nBody = nb?.at;
  if (!oBody && nBody) {
    const required = nBody.node.required === true;
    emit(required ? requestRequiredBodyAdded : requestBodyAdded, {
      detail: '',
      message: `${required ? 'required' : 'optional'} request body added`,
      old: { pointer: o.op.ptr },
      new: { pointer: nBody.ptr },
    });
    return;
  }
  if (oBody && !nBody) {
    emit(requestBodyRemoved, { detail: '', message: 'request body removed', old: { pointer: oBody.ptr }, new: { pointer: n.op.ptr } });
    return;
  }
  if (!oBody || !nBody) return;
  const or = oBody.node.required === true;
  const nr = nBody.node.required === true;
  if (or !== nr) {
    emit(nr ? requestBodyRequiredAdded : requestBodyRequiredRemoved, {
      detail: '',
      message: `request body became ${nr ? 'required' : 'optional'}`,
      old: { pointer: `${oBody.ptr}/required`, value: or },
      new: { pointer: `${nBody.ptr}/required`, value: nr },
    });
  }
  compareContent(
    run,
    (ob as { media: Media }).media,
    (nb as { media: Media }).media,
    'request',
    { added: requestBodyMediaTypeAdded, removed: requestBodyMediaTypeRemoved },
    'request body',
    emit,
    schema,
  );
}

function compareResponses(run: DiffRun, o: OperationEntry, n: OperationEntry, emit: Emit, schema: SchemaFn): void {
  const or = run.oldDoc.child(o.op, 'responses');
  const nr = run.newDoc.child(n.op, 'responses');
  const oStatuses = or ? Object.keys(or.node) : [];
  const nStatuses = nr ? Object.keys(nr.node) : [];
  for (const status of nStatuses) {
    const nResp = run.newDoc.child(nr as Located, status);
    if (!nResp) continue;
    const oRaw = or && oStatuses.includes(status) ? run.oldDoc.child(or, status) : undefined;
    if (!oRaw) {
      emit(isSuccessStatus(status) ? responseSuccessStatusAdded : responseNonSuccessStatusAdded, {
        detail: status,
        message: `response ${status} added`,
        old: { pointer: or?.ptr ?? o.op.ptr },
        new: { pointer: nResp.ptr },
      });
      continue;
    }
    const oResp = run.oldDoc.resolve(oRaw);
    const nRespR = run.newDoc.resolve(nResp);
    compareContent(
      run,
      responseMedia(run.oldDoc, oResp, o),
      responseMedia(run.newDoc, nRespR, n),
      'response',
      { added: responseMediaTypeAdded, removed: responseMediaTypeRemoved },
      `response ${status}`,
      emit,
      schema,
    );
    compareHeaders(run, status, oResp, nRespR, emit, schema);
  }
  for (const status of oStatuses) {
    if (nStatuses.includes(status)) continue;
    const oResp = run.oldDoc.child(or as Located, status);
    if (!oResp) continue;
    emit(isSuccessStatus(status) ? responseSuccessStatusRemoved : responseNonSuccessStatusRemoved, {
      detail: status,
      message: `response ${status} removed`,
      old: { pointer: oResp.ptr },
      new: { pointer: nr?.ptr ?? n.op.ptr },
    });
  }
}

/** A header's schema (Swagger 2.0: the header object carries type, format, … itself). */
const headerSchema = (doc: SpecDoc, h: Located): Located | undefined => doc.child(h, 'schema') ?? (doc.isSwagger2 ? h : undefined);

function headersOf(doc: SpecDoc, resp: Located): Map<string, { name: string; at: Located }> {
  const out = new Map<string, { name: string; at: Located }>();
  const headers = doc.child(resp, 'headers');
  if (!headers) return out;
  for (const name of Object.keys(headers.node)) {
    const raw = doc.child(headers, name);
    if (raw) out.set(name.toLowerCase(), { name, at: doc.resolve(raw) });
  }
  return out;
}

function compareHeaders(run: DiffRun, status: string, oResp: Located, nResp: Located, emit: Emit, schema: SchemaFn): void {
  const oh = headersOf(run.oldDoc, oResp);
  const nh = headersOf(run.newDoc, nResp);
  for (const [key, h] of nh) {
    const prev = oh.get(key);
    if (!prev) {
      emit(responseHeaderAdded, { detail: `${status} ${key}`, message: `response ${status} header '${h.name}' added`, old: { pointer: oResp.ptr }, new: { pointer: h.at.ptr } });
      continue;
    }
    const wasRequired = prev.at.node.required === true;
    const isRequired = h.at.node.required === true;
    if (wasRequired !== isRequired) {
      emit(isRequired ? responseHeaderRequiredAdded : responseHeaderRequiredRemoved, {
        detail: `${status} ${key}`,
        message: `response ${status} header '${h.name}' became ${isRequired ? 'required' : 'optional'}`,
        old: { pointer: `${prev.at.ptr}/required`, value: wasRequired },
        new: { pointer: `${h.at.ptr}/required`, value: isRequired },
      });
    }
    schema(headerSchema(run.oldDoc, prev.at), headerSchema(run.newDoc, h.at), 'header', [prev.at, h.at]);
  }
  for (const [key, h] of oh) {
    if (nh.has(key)) continue;
    const required = h.at.node.required === true;
    emit(required ? responseRequiredHeaderRemoved : responseHeaderRemoved, {
      detail: `${status} ${key}`,
      message: `response ${status} ${required ? 'required ' : ''}header '${h.name}' removed`,
      old: { pointer: h.at.ptr },
      new: { pointer: nResp.ptr },
    });
  }
}
