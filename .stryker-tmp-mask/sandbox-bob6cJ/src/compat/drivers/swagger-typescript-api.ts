/** Driver part for swagger-typescript-api: `new Api({ baseUrl }).<group>.<fn>(pathParams…, query, body, { headers })`. */
// @ts-nocheck

export const SWAGGER_TYPESCRIPT_API_DRIVER = String.raw`
const driver = {
  setup(input) {
    const { Api } = fromBuild('api.js');
    return { api: new Api({ baseUrl: input.baseUrl.replace(/\/+$/, ''), baseApiParams: { headers: input.headers } }) };
  },
  lookup(ctx, call) {
    return exported(call.container ? ctx.api[call.container] : ctx.api, call.symbol);
  },
  async invoke(ctx, fn, call) {
    try {
      const response = await fn(...call.args);
      return { status: response.status, data: response.data };
    } catch (error) {
      // On a non-2xx status the client throws its (already read) response with the parsed body in .error.
      if (error && typeof error.status === 'number' && 'error' in error) throw { status: error.status, body: error.error };
      throw error;
    }
  },
};
main(driver);
`;
