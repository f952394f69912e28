/** Driver part for openapi-typescript-codegen (fetch client): static `XService.fn(params…)` configured through `OpenAPI`. */
// @ts-nocheck

export const OPENAPI_TYPESCRIPT_CODEGEN_DRIVER = String.raw`
const driver = {
  setup(input) {
    const index = fromBuild('index.js');
    index.OpenAPI.BASE = input.baseUrl.replace(/\/+$/, '');
    index.OpenAPI.HEADERS = { ...input.headers };
    return { index };
  },
  lookup(ctx, call) {
    const service = ctx.index[call.container];
    return service && typeof service[call.symbol] === 'function' ? service[call.symbol].bind(service) : undefined;
  },
  async invoke(ctx, fn, call) {
    // Returns the body only; the status comes from the harness's fetch. Non-2xx throws ApiError { status, body }.
    return { data: await fn(...call.args) };
  },
};
main(driver);
`;
