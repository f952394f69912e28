/** Driver part for oazapfts: `fn(pathParams…, body, { optionalParams }, { headers })` → `{ status, data }` (default, non-optimistic mode). */
// @ts-nocheck

export const OAZAPFTS_DRIVER = String.raw`
const driver = {
  setup(input) {
    const api = fromBuild('api.js');
    api.defaults.baseUrl = input.baseUrl.replace(/\/+$/, '');
    api.defaults.headers = { ...input.headers };
    return { api };
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
