/**
 * Which exchanges belong to which call. Each generator has its own server (see target.ts) and its driver makes the
 * calls one after another, so exchanges arrive in call order. An exchange that routed to an operation belongs to
 * the next call of that operation; one that routed nowhere (a path the client built wrongly) belongs to the call
 * between its neighbours that has no exchange of its own. Hand-written: a small monotone alignment, no library does it.
 */
// @ts-nocheck


export interface CorrelatedCall {
  operationId: string;
  /** True when the driver saw an HTTP status (so a request did reach a server). */
  reached: boolean;
}

export interface Correlation<E> {
  /** Exchanges per call, in call order. */
  byCall: E[][];
  /** Exchanges that could not be given to a call. */
  stray: E[];
}

export function correlate<E extends { operationId?: string }>(calls: readonly CorrelatedCall[], exchanges: readonly E[]): Correlation<E> {
  const byCall: E[][] = calls.map(() => []);
  const owner: (number | undefined)[] = exchanges.map(() => undefined);
  let cursor = 0;
  exchanges.forEach((exchange, i) => {
    if (exchange.operationId === undefined) return;
    // The same operation may be called several times in a row (a minimal call, then its variants): the next call
    // of it that has no exchange yet, else (a client that sent twice) the current one.
    const taken = new Set(owner.filter((o): o is number => o !== undefined));
    let at = calls.findIndex((c, k) => k >= cursor && c.operationId === exchange.operationId && !taken.has(k));
    if (at === -1) at = calls.findIndex((c, k) => k >= cursor && c.operationId === exchange.operationId);
    if (at === -1) at = calls.findIndex((c) => c.operationId === exchange.operationId);
    if (at === -1) return;
    owner[i] = at;
    cursor = at;
  });
  const stray: E[] = [];
  exchanges.forEach((exchange, i) => {
    if (owner[i] !== undefined) return;
    let before = -1;
    for (let j = i - 1; j >= 0; j--) if (owner[j] !== undefined) { before = owner[j]!; break; }
    let after = calls.length;
    for (let j = i + 1; j < exchanges.length; j++) if (owner[j] !== undefined) { after = owner[j]!; break; }
    const open: number[] = [];
    for (let k = before + 1; k < after; k++) if (!owner.includes(k)) open.push(k);
    const pick = open.find((k) => calls[k].reached) ?? (open.length === 1 ? open[0] : undefined);
    if (pick === undefined) stray.push(exchange);
    else owner[i] = pick;
  });
  exchanges.forEach((exchange, i) => {
    if (owner[i] !== undefined) byCall[owner[i]!].push(exchange);
  });
  return { byCall, stray };
}
