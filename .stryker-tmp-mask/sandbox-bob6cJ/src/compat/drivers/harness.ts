/**
 * The part every TypeScript-client driver shares. A driver is this harness followed by a generator part that
 * defines `driver = { setup(input), lookup(ctx, call), invoke(ctx, target, call) }` and then `main(driver)`.
 * It runs as CommonJS with node in a child process next to the compiled client (`.specdrift/build/`):
 *   node driver.cjs input.json output.json
 * input:  { baseUrl, headers, timeoutMs, buildDir, calls: [{ operationId, symbol, args, hints }] }
 * output: [{ operationId, outcome, status?, decoded?, error?, ms }]   (same order as calls)
 *
 * Kept as JavaScript text (not a .ts module) because it runs inside the generated client's directory, against
 * whatever that generator emitted; types would only describe our guesses about it.
 */
// @ts-nocheck

export const HARNESS = String.raw`'use strict';
const fs = require('node:fs');
const path = require('node:path');
const [inputFile, outputFile] = process.argv.slice(2);
// JSON has no undefined: skipped positional arguments arrive as { "$undefined": true }.
const input = JSON.parse(fs.readFileSync(inputFile, 'utf8'));
for (const call of input.calls) call.args = call.args.map((a) => (a && typeof a === 'object' && a.$undefined === true ? undefined : a));
const fromBuild = (file) => require(path.join(input.buildDir, file));

// Lookups the drivers share. A function a module (or namespace object) exports under the call's symbol:
function exported(module, symbol) {
  return module && typeof module[symbol] === 'function' ? module[symbol] : undefined;
}
// A method of the API class named by the call's container (one instance per class, built by newApi), bound to it:
function classMethod(ctx, call, newApi) {
  const Api = ctx.index[call.container];
  if (typeof Api !== 'function') return undefined;
  if (!ctx.apis.has(call.container)) ctx.apis.set(call.container, newApi(Api));
  const api = ctx.apis.get(call.container);
  return typeof api[call.symbol] === 'function' ? api[call.symbol].bind(api) : undefined;
}

// Every fetch goes through here: it records the status (some clients return only the body) and resolves
// relative URLs against the server the way a browser resolves them against the page (orval, Kubb and
// openapi-typescript-codegen clients use relative URLs when the spec's server is '/').
let lastStatus;
const nativeFetch = globalThis.fetch;
function resolveUrl(url) {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return input.baseUrl.replace(/\/+$/, '') + (url.startsWith('/') ? url : '/' + url);
}
globalThis.fetch = async function specdriftFetch(resource, init) {
  if (typeof resource === 'string') resource = resolveUrl(resource);
  else if (resource instanceof URL) resource = resource.toString();
  const response = await nativeFetch(resource, init);
  lastStatus = response.status;
  return response;
};

const oneLine = (text) => String(text).split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join(' ').slice(0, 1000);
function errorLine(error) {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ' (cause: ' + error.cause.message + ')' : '';
    return oneLine((error.name && error.name !== 'Error' ? error.name + ': ' : '') + error.message + cause);
  }
  try { return oneLine(JSON.stringify(error)); } catch { return oneLine(error); }
}
function toJson(value) {
  if (value === undefined) return undefined;
  // A client that decodes into bigint keeps every digit: hand it over as a marker the runner reads back as a bigint.
  try { return JSON.parse(JSON.stringify(value, (k, v) => (typeof v === 'bigint' ? { '$specdrift:bigint': v.toString() } : v))); } catch { return String(value); }
}
/** Status and body of the HTTP error a client threw: a fetch Response, an axios error, an ApiError with .status/.body … */
async function httpErrorOf(error) {
  if (!error || typeof error !== 'object') return undefined;
  if (typeof error.status === 'number' && typeof error.json === 'function') {
    let data;
    try { data = await error.json(); } catch { data = undefined; }
    return { status: error.status, data };
  }
  if (error.response && typeof error.response.status === 'number') return { status: error.response.status, data: error.response.data };
  if (typeof error.status === 'number') return { status: error.status, data: error.body ?? error.error ?? error.data };
  return undefined;
}
const isSuccess = (status) => status === undefined || (status >= 200 && status < 300);

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timed out after ' + ms + ' ms')), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(driver) {
  const results = [];
  let ctx;
  try {
    ctx = await driver.setup(input);
  } catch (error) {
    for (const call of input.calls) results.push({ operationId: call.operationId, outcome: 'client-error', error: 'client setup failed: ' + errorLine(error) });
    fs.writeFileSync(outputFile, JSON.stringify(results));
    process.exit(0);
  }
  for (const call of input.calls) {
    const started = Date.now();
    lastStatus = undefined;
    let target;
    try { target = driver.lookup(ctx, call); } catch { target = undefined; }
    if (!target) {
      results.push({ operationId: call.operationId, outcome: 'not-generated', error: call.symbol + ' is not exported by the compiled client' });
      continue;
    }
    try {
      const got = await withTimeout(Promise.resolve().then(() => driver.invoke(ctx, target, call)), input.timeoutMs);
      const status = got.status ?? lastStatus;
      const result = { operationId: call.operationId, outcome: isSuccess(status) ? 'ok' : 'http-error', status, decoded: toJson(got.data), ms: Date.now() - started };
      if (result.outcome === 'http-error') result.error = 'HTTP ' + status;
      results.push(result);
    } catch (error) {
      const http = await httpErrorOf(error);
      const status = http?.status ?? lastStatus;
      if (http && !isSuccess(http.status)) {
        const line = error instanceof Error ? errorLine(error) : 'HTTP ' + http.status;
        results.push({ operationId: call.operationId, outcome: 'http-error', status, decoded: toJson(http.data), error: line, ms: Date.now() - started });
      } else {
        results.push({ operationId: call.operationId, outcome: 'client-error', status, error: errorLine(error), ms: Date.now() - started });
      }
    }
  }
  fs.writeFileSync(outputFile, JSON.stringify(results));
  process.exit(0);
}
`;
