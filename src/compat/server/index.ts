export { startReferenceServer, describeExchange } from './server.js';
export type { ExchangeRecord, ReferenceServer, ReferenceServerOptions } from './server.js';
export { LARGE_INT64, sampleRequest, sampleSchema, sampleMedia, repairSample, serializeQueryParameter, serializePathParameter } from './sample.js';
export type { SampledRequest, SampleOptions, SampleRequestOptions, SampleResult } from './sample.js';
export { ResourceState } from './state.js';
