// @ts-nocheck
import { ExitCode, SpecdriftError } from '../errors.js';
import { decodeSpecBytes } from './decode.js';

export interface FetchOptions {
  /** Extra request headers, e.g. `X-SLURM-USER-TOKEN: …`. Sent to the origin host only. */
  headers?: Record<string, string>;
  /** Whole-request timeout in milliseconds. */
  timeoutMs?: number;
  /** Retries after a connection error (not after an HTTP error status). */
  retries?: number;
  maxRedirects?: number;
  /** Largest body accepted, in bytes (default 256 MiB): a server that never stops sending cannot fill memory. */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

export interface FetchedText {
  text: string;
  finalUrl: string;
  contentType: string;
}

const ACCEPT = 'application/json, application/yaml;q=0.9, application/x-yaml;q=0.9, text/yaml;q=0.8, */*;q=0.1';

/** Parse `Name: value` header strings (from --header and SPECDRIFT_HEADERS, one per line). */
export function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of lines) {
    for (const line of raw.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      const colon = line.indexOf(':');
      if (colon <= 0) {
        // Not echoed: a header line without its colon is often a token pasted wrong.
        throw new SpecdriftError('bad header: a --header (or SPECDRIFT_HEADERS line) has no "Name:" part; its text is not shown, it may hold a secret', ExitCode.usage, { hint: 'write headers as "Name: value"' });
      }
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

function describeNetworkError(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}

/** The body, read chunk by chunk so that reading stops at `maxBytes` (the timeout signal covers the whole read). */
async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const tooLarge = () =>
    new SpecdriftError(`${url}: the body is larger than ${maxBytes} bytes`, ExitCode.network, { hint: 'raise --max-bytes if this spec really is that large' });
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body ?? []) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof SpecdriftError) throw err;
    const name = (err as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') throw new SpecdriftError(`${url}: the body did not arrive in time`, ExitCode.network, { hint: 'raise --timeout' });
    throw new SpecdriftError(`${url}: connection failed while reading the body (${describeNetworkError(err)})`, ExitCode.network);
  }
  return Buffer.concat(chunks);
}

/**
 * GET a spec over HTTP(S). Redirects are followed by hand so that user headers (tokens) are
 * dropped when a redirect leaves the original origin — fetch's own redirect handling would forward them.
 */
export async function fetchSpecText(url: string, opts: FetchOptions = {}): Promise<FetchedText> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 1;
  const maxRedirects = opts.maxRedirects ?? 5;
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const sameOrigin = new URL(current).origin === origin;
    const headers: Record<string, string> = { accept: ACCEPT, ...(sameOrigin ? (opts.headers ?? {}) : {}) };
    let response: Response | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await fetch(current, { headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        break;
      } catch (err) {
        const name = (err as Error).name;
        if (name === 'TimeoutError' || name === 'AbortError') {
          throw new SpecdriftError(`${current}: no answer within ${Math.round(timeoutMs / 1000)} s`, ExitCode.network, {
            hint: 'check that the server is up, or raise --timeout',
          });
        }
        if (attempt >= retries) {
          throw new SpecdriftError(`${current}: cannot connect (${describeNetworkError(err)})`, ExitCode.network, {
            hint: 'check the URL and that the server is running',
          });
        }
      }
    }
    if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
      current = new URL(response.headers.get('location')!, current).toString();
      await response.body?.cancel();
      continue;
    }
    if (!response.ok) {
      const hint =
        response.status === 401 || response.status === 403
          ? 'the server wants credentials: pass --header "Name: value" (or SPECDRIFT_HEADERS)'
          : 'check the URL (slurmrestd serves /openapi/v3; others /openapi.json or /openapi.yaml)';
      await response.body?.cancel();
      throw new SpecdriftError(`${current}: HTTP ${response.status} ${response.statusText}`.trimEnd(), ExitCode.network, { hint });
    }
    const contentType = response.headers.get('content-type') ?? '';
    const text = decodeSpecBytes(await readBody(response, current, opts.maxBytes ?? DEFAULT_MAX_BYTES), current);
    if (/text\/html/i.test(contentType)) {
      throw new SpecdriftError(`${current}: got an HTML page (content-type ${contentType}), not an OpenAPI document`, ExitCode.network, {
        hint: 'point at the raw spec (e.g. …/openapi.json), not at a documentation UI or a login page',
      });
    }
    return { text, finalUrl: current, contentType };
  }
  throw new SpecdriftError(`${url}: more than ${maxRedirects} redirects`, ExitCode.network);
}
