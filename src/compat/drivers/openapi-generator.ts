/**
 * Driver parts for the Java generators' TypeScript clients (OpenAPI Generator typescript-fetch / typescript-axios,
 * Swagger Codegen typescript-fetch): one class per tag (`SlurmApi`), built from a `Configuration`.
 */

/** typescript-fetch (OpenAPI Generator): `api.fn({ camelCaseParams…, body })`; models are converted with `XFromJSON` / `XToJSON`. */
export const OPENAPI_GENERATOR_TYPESCRIPT_FETCH_DRIVER = String.raw`
const driver = {
  setup(input) {
    const index = fromBuild('index.js');
    // fetchApi: without it 4.x calls window.fetch, which Node does not have.
    const configuration = new index.Configuration({ basePath: input.baseUrl.replace(/\/+$/, ''), headers: input.headers, fetchApi: globalThis.fetch });
    return { index, configuration, apis: new Map() };
  },
  lookup(ctx, call) {
    return classMethod(ctx, call, (Api) => new Api(ctx.configuration));
  },
  async invoke(ctx, fn, call) {
    const hints = call.hints || {};
    const args = call.args;
    // The request object holds models with camelCase properties: build the body model from wire JSON as a user would.
    const fromJson = hints.bodyType && ctx.index[hints.bodyType + 'FromJSON'];
    if (fromJson && args[0] && args[0][hints.bodyMember] !== undefined) args[0][hints.bodyMember] = fromJson(args[0][hints.bodyMember]);
    const result = await fn(...args);
    const toJson = hints.returnType && ctx.index[hints.returnType + 'ToJSON'];
    // typed: what typed code reads (the model with the generator's property names), for the typed access check.
    return { data: toJson ? toJson(result) : result, typed: result };
  },
};
main(driver);
`;

/** typescript-axios (OpenAPI Generator): `api.fn(params…, body, options)` → AxiosResponse. */
export const OPENAPI_GENERATOR_TYPESCRIPT_AXIOS_DRIVER = String.raw`
const driver = {
  setup(input) {
    const index = fromBuild('index.js');
    const configuration = new index.Configuration({ basePath: input.baseUrl.replace(/\/+$/, ''), baseOptions: { headers: input.headers } });
    return { index, configuration, apis: new Map() };
  },
  lookup(ctx, call) {
    return classMethod(ctx, call, (Api) => new Api(ctx.configuration));
  },
  async invoke(ctx, fn, call) {
    const response = await fn(...call.args);
    return { status: response.status, data: response.data };
  },
};
main(driver);
`;

/** typescript-fetch (Swagger Codegen 3): `new Api(configuration, basePath, fetch).fn(params…, body, { headers })` → body. */
export const SWAGGER_CODEGEN_TYPESCRIPT_FETCH_DRIVER = String.raw`
const driver = {
  setup(input) {
    const index = fromBuild('index.js');
    const basePath = input.baseUrl.replace(/\/+$/, '');
    // The client defaults to isomorphic-fetch; hand it the platform's fetch (through the harness) instead.
    return { index, basePath, configuration: new index.Configuration({ basePath }), apis: new Map() };
  },
  lookup(ctx, call) {
    return classMethod(ctx, call, (Api) => new Api(ctx.configuration, ctx.basePath, globalThis.fetch));
  },
  async invoke(ctx, fn, call) {
    return { data: await fn(...call.args) };
  },
};
main(driver);
`;
