/** Driver part for @hey-api/openapi-ts (bundled fetch client): `sdkFn({ path, query, headers, body })`. */
// @ts-nocheck

export const HEY_API_DRIVER = String.raw`
const driver = {
  setup(input) {
    const { client } = fromBuild('client.gen.js');
    client.setConfig({ baseUrl: input.baseUrl.replace(/\/+$/, ''), headers: input.headers });
    return { sdk: fromBuild('sdk.gen.js') };
  },
  lookup(ctx, call) {
    return exported(ctx.sdk, call.symbol);
  },
  async invoke(ctx, fn, call) {
    const result = await fn(...call.args);
    return { status: result.response ? result.response.status : undefined, data: result.data !== undefined ? result.data : result.error };
  },
};
main(driver);
`;
