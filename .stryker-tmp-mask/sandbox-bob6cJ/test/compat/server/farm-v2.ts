/** The farm-manager spec one version later: DELETE /jobs/{job_id} added, the task log operation removed. */
// @ts-nocheck

import type { JsonObject } from '../../../src/openapi/types.js';
import { farmDoc } from './farm.js';

export function farmV2(): JsonObject {
  const doc = farmDoc() as any;
  doc.info.version = '2.0.0';
  delete doc.paths['/tasks/{task_id}/log'];
  doc.paths['/jobs/{job_id}'].delete = {
    operationId: 'deleteJob',
    tags: ['jobs'],
    summary: 'Forget a finished job',
    responses: {
      '204': { description: 'forgotten' },
      '404': { description: 'no such job', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      '409': { description: 'the job is still queued or active', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    },
  };
  return doc as JsonObject;
}
