/** The exchange validator on hand-made bad answers to the real slurmrestd 24.11 v0.0.42 spec (integration suite). */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createExchangeValidator } from '../../../src/compat/exchange/index.js';
import { sampleMedia } from '../../../src/compat/server/index.js';
import type { JsonObject } from '../../../src/openapi/types.js';
import { describeWithRealSpec } from '../../helpers/real-specs.js';

const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;
const JSON_HEADERS = { 'content-type': 'application/json' };

describeWithRealSpec(['24.11/v0.0.42.json'], 'validateResponse on hand-made bad slurmrestd 24.11 responses', ([path]) => {
  const doc = readJson(path);
  const validator = createExchangeValidator(doc);
  const getJobs = validator.matchOperation('GET', '/slurm/v0.0.42/jobs/')!;
  const getPing = validator.matchOperation('GET', '/slurm/v0.0.42/ping/')!;
  const mediaPointer = (op: { pointer: string }) => `${op.pointer}/responses/200/content/application~1json`;
  const valid = sampleMedia(doc, mediaPointer(getJobs), 'response');
  const answer = (op: typeof getJobs, body: unknown, status = 200) => validator.validateResponse(op, { status, headers: JSON_HEADERS, body: JSON.stringify(body) });
  const changed = (edit: (body: any) => void) => {
    const body = structuredClone(valid.value) as any;
    edit(body);
    return answer(getJobs, body);
  };

  it('starts from a sample that validates', () => {
    expect(valid.unresolved).toEqual([]);
    expect(answer(getJobs, valid.value)).toEqual([]);
  });

  it('number where the schema says string', () => {
    expect(changed((b) => (b.meta.slurm.version.major = 24))).toEqual([
      {
        where: 'response',
        rule: 'response-body-schema',
        pointer: '/meta/slurm/version/major',
        schemaPointer: '/components/schemas/v0.0.42_openapi_meta/properties/slurm/properties/version/properties/major/type',
        message:
          '/meta/slurm/version/major: number 24 where the schema (#/components/schemas/v0.0.42_openapi_meta/properties/slurm/properties/version/properties/major) expects string',
      },
    ]);
  });

  it('null where the schema is not nullable', () => {
    expect(changed((b) => (b.jobs[0].job_resources = null))).toEqual([
      {
        where: 'response',
        rule: 'response-body-schema',
        pointer: '/jobs/0/job_resources',
        schemaPointer: '/components/schemas/v0.0.42_job_res/type',
        message: '/jobs/0/job_resources: null where the schema (#/components/schemas/v0.0.42_job_res) does not allow null',
      },
    ]);
  });

  it('object where the schema says array', () => {
    expect(changed((b) => (b.jobs = { 0: b.jobs[0] }))).toEqual([
      {
        where: 'response',
        rule: 'response-body-schema',
        pointer: '/jobs',
        schemaPointer: '/components/schemas/v0.0.42_job_info_msg/type',
        message: '/jobs: object where the schema (#/components/schemas/v0.0.42_job_info_msg) expects array',
      },
    ]);
  });

  it('a required false boolean dropped from a ping answer', () => {
    const ping = structuredClone(sampleMedia(doc, mediaPointer(getPing), 'response').value) as any;
    ping.pings[0].responding = false;
    expect(answer(getPing, ping)).toEqual([]);
    delete ping.pings[0].responding;
    expect(answer(getPing, ping)).toEqual([
      {
        where: 'response',
        rule: 'response-body-schema',
        pointer: '/pings/0/responding',
        schemaPointer: '/components/schemas/v0.0.42_controller_ping/required',
        message: "/pings/0/responding: required property 'responding' is missing (schema #/components/schemas/v0.0.42_controller_ping)",
      },
    ]);
  });

  it('every status is documented through `default`', () => {
    expect(answer(getJobs, valid.value, 500)).toEqual([]);
  });
});
