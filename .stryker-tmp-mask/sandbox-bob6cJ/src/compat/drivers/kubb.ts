/** Driver part for Kubb (plugin-client, fetch): `fn(pathParams…, data, params, headers, { baseURL, headers })` → body only. */
// @ts-nocheck

export const KUBB_DRIVER = String.raw`
const driver = {
  setup() {
    return { api: fromBuild('index.js') };
  },
  lookup(ctx, call) {
    return exported(ctx.api, call.symbol);
  },
  async invoke(ctx, fn, call) {
    // The fetch client returns res.data and never throws on an HTTP status: the status comes from the harness's fetch.
    return { data: await fn(...call.args) };
  },
};
main(driver);
`;
