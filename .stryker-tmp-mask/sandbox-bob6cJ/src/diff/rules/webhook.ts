/**
 * Webhooks (OpenAPI 3.1 `webhooks`): operations the API *sends* to its subscribers. They are compared like
 * paths, but who writes and who reads is flipped: the webhook's request (body, parameters) is data the
 * subscriber must read — judged like a response — and the webhook's responses are what subscribers send
 * back — judged like a request. Every rule that fires inside a webhook has its own `webhook-…` id (the
 * paths id with `webhook-` in front, `endpoint-` becoming `webhook-`), so severity overrides, accept-lists
 * and CI annotations can tell a webhook from a path without reading the location.
 */
// @ts-nocheck

import type { Level, RuleDef } from '../model.js';
import { endpointAdded } from './endpoint-added.js';
import {
  endpointDeprecationRemoved,
  endpointDeprecationSet,
  endpointSunsetChanged,
  endpointSunsetInvalid,
  endpointSunsetRemoved,
  endpointSunsetSet,
} from './endpoint-deprecation.js';
import { operationIdAdded, operationIdChanged, operationIdRemoved } from './endpoint-operation-id.js';
import { endpointRemoved, endpointRemovedBeforeSunset, endpointRemovedDeprecated } from './endpoint-removed.js';
import { endpointTagAdded, endpointTagRemoved } from './endpoint-tags.js';
import {
  requestBodyEncodingAllowReservedRemoved,
  requestBodyEncodingAllowReservedSet,
  requestBodyEncodingContentTypeChanged,
  requestBodyEncodingExplodeChanged,
  requestBodyEncodingHeaderAdded,
  requestBodyEncodingHeaderRemoved,
  requestBodyEncodingRequiredHeaderAdded,
  requestBodyEncodingStyleChanged,
} from './request-body-encoding.js';
import { requestBodyMediaTypeAdded, requestBodyMediaTypeRemoved } from './request-body-media-type.js';
import { requestBodyAdded, requestBodyRemoved, requestBodyRequiredAdded, requestBodyRequiredRemoved, requestRequiredBodyAdded } from './request-body.js';
import { requestParameterAdded, requestRequiredParameterAdded } from './request-parameter-added.js';
import { requestParameterAllowEmptyValueRemoved, requestParameterAllowEmptyValueSet } from './request-parameter-allow-empty-value.js';
import { requestParameterDeprecatedRemoved, requestParameterDeprecatedSet } from './request-parameter-deprecation.js';
import { requestParameterExplodeChanged } from './request-parameter-explode.js';
import {
  requestParameterRemoved,
  requestParameterRemovedBeforeSunset,
  requestParameterRemovedDeprecated,
  requestParameterSunsetInvalid,
} from './request-parameter-removed.js';
import { requestParameterRequiredAdded, requestParameterRequiredRemoved } from './request-parameter-required.js';
import { requestParameterStyleChanged } from './request-parameter-style.js';
import {
  responseHeaderAdded,
  responseHeaderRemoved,
  responseHeaderRequiredAdded,
  responseHeaderRequiredRemoved,
  responseRequiredHeaderRemoved,
} from './response-header.js';
import { responseMediaTypeAdded, responseMediaTypeRemoved } from './response-media-type.js';
import {
  responseNonSuccessStatusAdded,
  responseNonSuccessStatusRemoved,
  responseSuccessStatusAdded,
  responseSuccessStatusRemoved,
} from './response-status.js';

/** The webhook id of a paths rule id: `endpoint-x` → `webhook-x`, `request-x` → `webhook-request-x`, … */
export const webhookIdOf = (pathsId: string): string => (pathsId.startsWith('endpoint-') ? `webhook-${pathsId.slice('endpoint-'.length)}` : `webhook-${pathsId}`);

/**
 * [paths rule, webhook level, webhook doc]. The level is argued per row where it differs from the paths
 * rule: a webhook request is read by subscribers (what a response is to a client), a webhook response is
 * written by subscribers (what a request is to the API).
 */
const TABLE: readonly (readonly [RuleDef, Level, string])[] = [
  [endpointAdded, 'info', 'a webhook (name + method) was added'],
  // Subscribers silently stop receiving the events they registered for: nothing fails, data just stops.
  [endpointRemoved, 'breaking', 'a webhook that was not deprecated was removed (subscribers stop receiving its events)'],
  [endpointRemovedDeprecated, 'info', 'a deprecated webhook was removed after its deprecation period (x-sunset passed, or --deprecation-days)'],
  [endpointRemovedBeforeSunset, 'breaking', 'a deprecated webhook was removed before its sunset (x-sunset, or --deprecation-days since --deprecated-since)'],
  [endpointSunsetInvalid, 'warning', 'the x-sunset of a webhook is not an RFC 3339 date or date-time'],
  [endpointDeprecationSet, 'info', 'a webhook was marked deprecated'],
  [endpointDeprecationRemoved, 'info', 'a webhook is no longer deprecated'],
  [endpointSunsetSet, 'info', 'a webhook got an x-sunset date'],
  [endpointSunsetRemoved, 'info', 'the x-sunset date of a webhook was removed'],
  [endpointSunsetChanged, 'info', 'the x-sunset date of a webhook changed'],
  [operationIdAdded, 'info', 'a webhook got an operationId'],
  [operationIdChanged, 'warning', 'the operationId of a webhook changed (generated handler names change)'],
  [operationIdRemoved, 'warning', 'the operationId of a webhook was removed (generated handler names change)'],
  [endpointTagAdded, 'info', 'a tag was added to a webhook'],
  [endpointTagRemoved, 'info', 'a tag was removed from a webhook'],
  // Parameters (headers) the API sends: like response headers.
  [requestParameterAdded, 'info', 'the API sends one more optional parameter with a webhook request'],
  [requestRequiredParameterAdded, 'info', 'the API sends one more required parameter with a webhook request (always present: nothing for subscribers to do)'],
  [requestParameterRemoved, 'warning', 'a parameter the API sent with a webhook request was removed (subscribers reading it lose it)'],
  [requestParameterRemovedDeprecated, 'info', 'a deprecated webhook request parameter was removed after its deprecation period'],
  [requestParameterRemovedBeforeSunset, 'warning', 'a deprecated webhook request parameter was removed before its sunset'],
  [requestParameterSunsetInvalid, 'warning', 'the x-sunset of a webhook request parameter is not an RFC 3339 date or date-time'],
  [requestParameterRequiredAdded, 'info', 'a webhook request parameter became required (the API always sends it)'],
  [requestParameterRequiredRemoved, 'warning', 'a webhook request parameter became optional (subscribers may not get it)'],
  [requestParameterStyleChanged, 'breaking', 'the serialisation style of a webhook request parameter changed (subscribers parse it)'],
  [requestParameterExplodeChanged, 'breaking', 'the explode setting of a webhook request parameter changed (subscribers parse it)'],
  [requestParameterDeprecatedSet, 'info', 'a webhook request parameter was marked deprecated'],
  [requestParameterDeprecatedRemoved, 'info', 'a webhook request parameter is no longer deprecated'],
  [requestParameterAllowEmptyValueSet, 'warning', 'the API may now send an empty value for a webhook request parameter'],
  [requestParameterAllowEmptyValueRemoved, 'info', 'the API no longer sends empty values for a webhook request parameter'],
  // The event payload.
  [requestBodyAdded, 'info', 'a webhook request got an optional body'],
  [requestRequiredBodyAdded, 'info', 'a webhook request got a required body (always sent)'],
  [requestBodyRemoved, 'breaking', 'the body of a webhook request was removed (subscribers lose the event payload)'],
  [requestBodyRequiredAdded, 'info', 'the body of a webhook request became required (always sent)'],
  [requestBodyRequiredRemoved, 'warning', 'the body of a webhook request became optional (subscribers may get none)'],
  // No content negotiation: the API picks the media type it sends, subscribers must parse it.
  [requestBodyMediaTypeAdded, 'warning', 'the API may send a webhook body in a new media type'],
  [requestBodyMediaTypeRemoved, 'breaking', 'the API no longer sends a webhook body in a media type subscribers may rely on'],
  // A form / multipart event payload: the API writes the parts, subscribers parse them.
  [requestBodyEncodingContentTypeChanged, 'breaking', 'the API sends a part of a form or multipart webhook body in another contentType'],
  [requestBodyEncodingStyleChanged, 'breaking', 'the serialisation style of a form webhook body property changed (subscribers parse it)'],
  [requestBodyEncodingExplodeChanged, 'breaking', 'the explode setting of a form webhook body property changed (subscribers parse it)'],
  [requestBodyEncodingAllowReservedSet, 'warning', 'the API may send reserved characters unencoded in a form webhook body property'],
  [requestBodyEncodingAllowReservedRemoved, 'info', 'the API no longer sends reserved characters unencoded in a form webhook body property'],
  [requestBodyEncodingHeaderAdded, 'info', 'the API documents one more optional header of a multipart webhook body part'],
  [requestBodyEncodingRequiredHeaderAdded, 'info', 'the API sends one more required header with a multipart webhook body part (always present)'],
  [requestBodyEncodingHeaderRemoved, 'warning', 'a header the API sent with a multipart webhook body part was removed (subscribers reading it lose it)'],
  // What subscribers answer: like a request to the API.
  [responseSuccessStatusAdded, 'info', 'subscribers may answer a webhook with one more success status'],
  [responseSuccessStatusRemoved, 'breaking', 'a success status subscribers may answer a webhook with is no longer documented'],
  [responseNonSuccessStatusAdded, 'info', 'subscribers may answer a webhook with one more error status'],
  [responseNonSuccessStatusRemoved, 'warning', 'an error status subscribers may answer a webhook with is no longer documented'],
  [responseMediaTypeAdded, 'info', 'subscribers may answer a webhook in one more media type'],
  [responseMediaTypeRemoved, 'breaking', 'a media type subscribers may answer a webhook in was removed'],
  [responseHeaderAdded, 'info', 'subscribers may send one more header in their webhook answer'],
  [responseHeaderRemoved, 'info', 'an optional header of the webhook answer was removed (the API ignores it)'],
  [responseRequiredHeaderRemoved, 'info', 'a required header of the webhook answer was removed (subscribers need not send it)'],
  [responseHeaderRequiredAdded, 'breaking', 'a header of the webhook answer became required (subscribers must send it)'],
  [responseHeaderRequiredRemoved, 'info', 'a header of the webhook answer became optional'],
];

/** Paths rule → its webhook rule. */
export const WEBHOOK_VARIANT: ReadonlyMap<RuleDef, RuleDef> = new Map(
  TABLE.map(([def, level, doc]) => [def, { id: webhookIdOf(def.id), level, kind: def.kind, section: 'webhooks' as const, doc }]),
);

/** Every webhook operation-level rule (for the registry). */
export const WEBHOOK_RULES: readonly RuleDef[] = [...WEBHOOK_VARIANT.values()];

/** The paths rule id a webhook rule id was made from (fixtures reuse the paths fixture, moved under `webhooks`). */
export const pathsIdOfWebhookRule = (id: string): string | undefined => TABLE.find(([def]) => webhookIdOf(def.id) === id)?.[0].id;
