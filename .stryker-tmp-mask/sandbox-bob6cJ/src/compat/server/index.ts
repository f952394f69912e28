// @ts-nocheck
export { startReferenceServer, describeExchange } from './server.js';
export type { ExchangeRecord, ReferenceServer, ReferenceServerOptions } from './server.js';
export { LARGE_INT64, sampleRequest, sampleSchema, sampleMedia, repairSample, serializeQueryParameter, serializePathParameter } from './sample.js';
export type { SampledRequest, SampleOptions, SampleRequestOptions, SampleResult } from './sample.js';
export { ResourceState } from './state.js';
export { loadHandlers, collectHandlers } from './handlers/load.js';
export type { Handler, HandlerContext, HandlerRequest, HandlerResponse, HandlerSet, SampledAnswer } from './handlers/types.js';
