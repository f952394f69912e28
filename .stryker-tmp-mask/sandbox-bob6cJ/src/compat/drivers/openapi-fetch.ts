/** Driver part for openapi-typescript + openapi-fetch: `client.GET('/path', { params: { path, query, header }, body })`. */
// @ts-nocheck

export const OPENAPI_FETCH_DRIVER = String.raw`
const driver = {
  setup(input) {
    // specdrift-client.ts is the one line openapi-fetch users write: createClient<paths>(…), type-checked with the schema.
    const { createSpecClient } = fromBuild('specdrift-client.js');
    return { client: createSpecClient(input.baseUrl.replace(/\/+$/, ''), input.headers) };
  },
  lookup(ctx, call) {
    return typeof ctx.client[call.container] === 'function' ? { method: call.container, path: call.symbol } : undefined;
  },
  async invoke(ctx, target, call) {
    const { data, error, response } = await ctx.client[target.method](target.path, ...call.args);
    return { status: response.status, data: data !== undefined ? data : error };
  },
};
main(driver);
`;
