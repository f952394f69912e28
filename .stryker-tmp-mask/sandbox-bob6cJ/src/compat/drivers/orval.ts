/**
 * Driver part for orval (fetch client): `fn(pathParams…, body, queryParams, RequestInit)` → `{ data, status, headers }`.
 * orval bakes the spec's server into the URL; with Slurm's `/` that is a relative URL, resolved by the harness's fetch.
 */
// @ts-nocheck

export const ORVAL_DRIVER = String.raw`
const driver = {
  setup() {
    return { api: fromBuild('api.js') };
  },
  lookup(ctx, call) {
    return exported(ctx.api, call.symbol);
  },
  async invoke(ctx, fn, call) {
    const result = await fn(...call.args);
    return { status: result.status, data: result.data };
  },
};
main(driver);
`;
