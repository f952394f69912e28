// @ts-nocheck
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { collectHandlers, loadHandlers, startReferenceServer, type Handler, type HandlerSet, type ReferenceServer } from '../../../src/compat/server/index.js';
import { ExitCode, SpecdriftError } from '../../../src/errors.js';
import { basic, FARM_IMPL, farmDoc } from './farm.js';
import { call } from './helpers.js';

const API = '/api/v1';
const json = { 'content-type': 'application/json' };
const handlerSet = (handlers: Record<string, Handler>): HandlerSet => ({ file: '/virtual/impl.ts', handlers: new Map(Object.entries(handlers)) });
const validJob = {
  id: '7a2d5c0e-3b1f-4c8e-9d6a-1f2e3d4c5b6a',
  name: 'shot-010',
  type: 'blender',
  priority: 50,
  status: 'queued',
  start_frame: 1,
  end_frame: 5,
  chunk_size: 5,
  created: '2026-11-30T09:00:00Z',
  updated: '2026-11-30T09:00:00Z',
};
const submitted = JSON.stringify({ name: 'shot-010', type: 'blender', start_frame: 1, end_frame: 5 });

describe('serve --handlers: the farm-manager example (examples/farm-manager/impl.ts, loaded with tsx)', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    const handlers = await loadHandlers(FARM_IMPL);
    server = await startReferenceServer(farmDoc(), { handlers, auth: true });
  });
  afterAll(() => server.close());

  it('loads the ten handlers, one per operationId', () => {
    expect(server.handlerCoverage()).toEqual({
      matched: ['listJobs', 'submitJob', 'fetchJob', 'setJobStatus', 'fetchJobTasks', 'fetchTaskLog', 'registerWorker', 'signOn', 'scheduleTask', 'taskUpdate'],
      unknown: [],
      missing: [],
    });
  });

  it('register worker → sign on → submit job → worker fetches task → task update → job completed', async () => {
    // A server of its own: the lists and the exchange log below must hold only this scenario, in any test order.
    const server = await startReferenceServer(farmDoc(), { handlers: await loadHandlers(FARM_IMPL), auth: true });
    onTestFinished(() => server.close());
    const registered = await call(server, 'POST', `${API}/worker/register-worker`, JSON.stringify({ name: 'node-a', secret: 'correct horse', platform: 'linux', supported_task_types: ['blender'] }), json);
    expect(registered.status).toBe(200);
    expect(registered.json).toMatchObject({ name: 'node-a', platform: 'linux', status: 'starting', supported_task_types: ['blender'] });
    const auth = { ...json, authorization: basic(registered.json.uuid, 'correct horse') };

    const signedOn = await call(server, 'POST', `${API}/worker/sign-on`, JSON.stringify({ name: 'node-a', supported_task_types: ['blender'] }), auth);
    expect(signedOn.json).toEqual({ status_requested: 'awake' });

    const job = await call(server, 'POST', `${API}/jobs`, JSON.stringify({ name: 'shot-010', type: 'blender', start_frame: 1, end_frame: 5, chunk_size: 5 }), json);
    expect(job.status).toBe(200);
    expect(job.json).toMatchObject({ name: 'shot-010', status: 'queued', priority: 50, chunk_size: 5 });

    const task = await call(server, 'POST', `${API}/worker/task`, undefined, { authorization: auth.authorization });
    expect(task.status).toBe(200);
    expect(task.json).toMatchObject({ job: job.json.id, name: 'shot-010 1-5', status: 'active', commands: [{ name: 'blender', parameters: { frames: '1-5' } }] });
    expect((await call(server, 'GET', `${API}/jobs/${job.json.id}`)).json.status).toBe('active');

    const update = await call(server, 'POST', `${API}/worker/task/${task.json.uuid}`, JSON.stringify({ task_status: 'completed', activity: 'rendered 5 frames', log: 'frame 1\nframe 5' }), auth);
    expect(update.status).toBe(204);
    expect(update.text).toBe('');

    const done = await call(server, 'GET', `${API}/jobs/${job.json.id}`);
    expect(done.json).toMatchObject({ id: job.json.id, status: 'completed', activity: 'rendered 5 frames' });
    const log = await call(server, 'GET', `${API}/tasks/${task.json.uuid}/log`);
    expect(log.contentType).toBe('text/plain');
    expect(log.text).toBe('frame 1\nframe 5');
    const listed = await call(server, 'GET', `${API}/jobs?status=completed`);
    expect(listed.json.jobs.map((j: { id: string }) => j.id)).toEqual([job.json.id]);
    expect((await call(server, 'GET', `${API}/jobs?status=queued`)).json.jobs).toEqual([]);

    // nothing left to do: 204; every exchange was answered by a handler without a violation either way
    expect((await call(server, 'POST', `${API}/worker/task`, undefined, { authorization: auth.authorization })).status).toBe(204);
    expect(server.exchanges.map((e) => [e.handler, e.outcome, e.violations.length])).toEqual(server.exchanges.map((e) => [e.operation?.operationId, 'answered', 0]));
  });

  it("the handler's own 401 (wrong secret) is documented and passes; missing credentials are refused before it runs", async () => {
    const registered = await call(server, 'POST', `${API}/worker/register-worker`, JSON.stringify({ name: 'node-b', secret: 'right secret', platform: 'darwin', supported_task_types: ['ffmpeg'] }), json);
    const wrong = await call(server, 'POST', `${API}/worker/sign-on`, JSON.stringify({ name: 'node-b', supported_task_types: [] }), { ...json, authorization: basic(registered.json.uuid, 'wrong secret') });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual({ code: 401, message: 'unknown worker or wrong secret' });
    expect(server.exchanges.at(-1)?.handler).toBe('signOn');
    const none = await call(server, 'POST', `${API}/worker/sign-on`, JSON.stringify({ name: 'node-b', supported_task_types: [] }), json);
    expect(none.status).toBe(401);
    expect(none.json.rule).toBe('request-security');
    expect(server.exchanges.at(-1)?.handler).toBeUndefined();
  });

  it('a job that cannot change status gets the documented 422', async () => {
    const job = await call(server, 'POST', `${API}/jobs`, submitted, json);
    const cancel = await call(server, 'POST', `${API}/jobs/${job.json.id}/setstatus`, JSON.stringify({ status: 'canceled', reason: 'wrong shot' }), json);
    expect(cancel.status).toBe(204);
    const again = await call(server, 'POST', `${API}/jobs/${job.json.id}/setstatus`, JSON.stringify({ status: 'completed', reason: 'no' }), json);
    expect(again.status).toBe(422);
    expect(again.json).toEqual({ code: 422, message: 'a canceled job cannot become completed' });
    const tasks = await call(server, 'GET', `${API}/jobs/${job.json.id}/tasks`);
    expect(tasks.json.tasks.map((t: { status: string }) => t.status)).toEqual(['canceled']);
  });
});

describe('serve --handlers: validation both ways', () => {
  let server: ReferenceServer;
  let calls = 0;
  const wrong: Record<string, Handler> = {
    // 201 is not documented for submitJob (200, 422 are)
    submitJob: () => {
      calls++;
      return { status: 201, body: validJob };
    },
    // status is required in Job
    fetchJob: () => {
      const { status: _, ...withoutStatus } = validJob;
      return { status: 200, body: withoutStatus };
    },
    // "running" is not a JobStatus
    listJobs: () => ({ status: 200, body: { jobs: [{ ...validJob, status: 'running' }] } }),
    fetchJobTasks: () => {
      throw new Error('database is down');
    },
    fetchTaskLog: () => 'log' as never,
  };
  beforeAll(async () => {
    server = await startReferenceServer(farmDoc(), { handlers: handlerSet(wrong) });
  });
  afterAll(() => server.close());

  it('an invalid request is refused (400/415) before the handler runs', async () => {
    const callsBefore = calls; // the other tests of this block call submitJob too, in any order
    const missingName = await call(server, 'POST', `${API}/jobs`, JSON.stringify({ type: 'blender', start_frame: 1, end_frame: 5 }), json);
    expect(missingName.status).toBe(400);
    expect(missingName.json.rule).toBe('request-body-schema');
    const asText = await call(server, 'POST', `${API}/jobs`, submitted, { 'content-type': 'text/plain' });
    expect(asText.status).toBe(415);
    expect(calls).toBe(callsBefore);
  });

  it('an undocumented status becomes 500 naming response-status-undocumented', async () => {
    const callsBefore = calls;
    const reply = await call(server, 'POST', `${API}/jobs`, submitted, json);
    expect(calls).toBe(callsBefore + 1);
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ rule: 'response-status-undocumented', pointer: '', schemaPointer: '/paths/~1jobs/post/responses' });
    expect(reply.json.error).toBe('the response of handler submitJob breaks the spec');
    const record = server.exchanges.at(-1)!;
    expect(record.outcome).toBe('invalid-response');
    expect(record.violations.map((v) => v.rule)).toEqual(['response-status-undocumented']);
  });

  it('a missing required property becomes 500 with its pointer', async () => {
    const reply = await call(server, 'GET', `${API}/jobs/${validJob.id}`);
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ rule: 'response-body-schema', pointer: '/status', schemaPointer: '/components/schemas/Job/required' });
    expect(reply.json.violations[0].message).toMatch(/required property 'status' is missing/);
    expect(reply.headers.get('x-specdrift-violations')).toBe('1; response-body-schema /status');
  });

  it('a wrong enum value becomes 500 with its pointer and the enum in the spec', async () => {
    const reply = await call(server, 'GET', `${API}/jobs`);
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ rule: 'response-body-schema', pointer: '/jobs/0/status', schemaPointer: '/components/schemas/JobStatus/enum' });
  });

  it('a handler that throws, or returns no { status }, is a 500 with the reason', async () => {
    const threw = await call(server, 'GET', `${API}/jobs/${validJob.id}/tasks`);
    expect(threw.status).toBe(500);
    expect(threw.json.error).toBe('handler fetchJobTasks threw: database is down');
    const garbage = await call(server, 'GET', `${API}/tasks/${validJob.id}/log`);
    expect(garbage.status).toBe(500);
    expect(garbage.json.error).toBe('handler fetchTaskLog returned "log"; expected { status, body?, headers? }');
  });

  it('operations without a handler fall back to the spec-driven answer', async () => {
    const reply = await call(server, 'POST', `${API}/worker/register-worker`, JSON.stringify({ name: 'n', secret: '12345678', platform: 'linux', supported_task_types: ['x'] }), json);
    expect(reply.status).toBe(200);
    expect(server.exchanges.at(-1)).toMatchObject({ outcome: 'answered', violations: [] });
    expect(server.exchanges.at(-1)?.handler).toBeUndefined();
  });
});

describe('serve --handlers: options', () => {
  const servers: ReferenceServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const start = async (opts: Parameters<typeof startReferenceServer>[1]) => {
    const server = await startReferenceServer(farmDoc(), opts);
    servers.push(server);
    return server;
  };

  it('strictResponses false sends the broken answer and names it in x-specdrift-violations and the log', async () => {
    const server = await start({ handlers: handlerSet({ submitJob: () => ({ status: 201, body: validJob }) }), strictResponses: false });
    const reply = await call(server, 'POST', `${API}/jobs`, submitted, json);
    expect(reply.status).toBe(201);
    expect(reply.json).toEqual(validJob);
    expect(reply.headers.get('x-specdrift-violations')).toBe('1; response-status-undocumented /');
    expect(server.exchanges.at(-1)).toMatchObject({ outcome: 'answered', handler: 'submitJob', violations: [{ rule: 'response-status-undocumented' }] });
  });

  it("unimplemented '501' refuses operations without a handler", async () => {
    const server = await start({ handlers: handlerSet({ listJobs: () => ({ status: 200, body: { jobs: [] } }) }), unimplemented: '501' });
    expect((await call(server, 'GET', `${API}/jobs`)).status).toBe(200);
    const refused = await call(server, 'GET', `${API}/jobs/${validJob.id}`);
    expect(refused.status).toBe(501);
    expect(refused.json.error).toBe('not implemented: /virtual/impl.ts has no handler fetchJob');
    expect(server.exchanges.at(-1)?.outcome).toBe('unimplemented');
  });

  it('req has typed parameters and the parsed body; ctx has the state store, the spec and the sample', async () => {
    let seen: unknown;
    const server = await start({
      handlers: handlerSet({
        setJobStatus: (req, ctx) => {
          ctx.state.count = ((ctx.state.count as number | undefined) ?? 0) + 1;
          seen = { params: req.params, body: req.body, contentType: req.contentType, operation: req.operation, title: (ctx.spec.info as { title: string }).title, count: ctx.state.count };
          return { status: 204 };
        },
        listJobs: (req, ctx) => {
          const sample = ctx.sample();
          return { status: 200, body: { jobs: (sample.body as { jobs: unknown[] }).jobs.map(() => ({ ...validJob, name: String(req.params.query.status) })) } };
        },
        fetchJob: (_req, ctx) => {
          const notFound = ctx.sample(404);
          return { status: notFound.status, body: notFound.body };
        },
      }),
    });
    await call(server, 'POST', `${API}/jobs/${validJob.id}/setstatus`, JSON.stringify({ status: 'canceled', reason: 'r' }), { 'content-type': 'application/json; charset=utf-8' });
    await call(server, 'POST', `${API}/jobs/${validJob.id}/setstatus`, JSON.stringify({ status: 'queued', reason: 'again' }), json);
    expect(seen).toEqual({
      params: { path: { job_id: validJob.id }, query: {}, header: {}, cookie: {} },
      body: { status: 'queued', reason: 'again' },
      contentType: 'application/json',
      operation: { operationId: 'setJobStatus', method: 'post', path: '/jobs/{job_id}/setstatus' },
      title: 'Render farm manager (specdrift fixture)',
      count: 2,
    });
    expect(server.state).toEqual({ count: 2 });
    const listed = await call(server, 'GET', `${API}/jobs?status=failed`);
    expect(listed.status).toBe(200);
    expect(listed.json.jobs.every((j: { name: string }) => j.name === 'failed')).toBe(true);
    const missing = await call(server, 'GET', `${API}/jobs/${validJob.id}`);
    expect(missing.status).toBe(404);
    expect(Object.keys(missing.json).sort()).toEqual(['code', 'message']);
  });

  it("Prefer does not change a handler's answer: the handler reads it in ctx.prefer, and ctx.sample() follows example= and dynamic=", async () => {
    const seen: unknown[] = [];
    const server = await start({
      handlers: handlerSet({
        listJobs: () => ({ status: 200, body: { jobs: [] } }),
        fetchJob: (_req, ctx) => {
          seen.push(ctx.prefer);
          return ctx.sample(ctx.prefer.code);
        },
      }),
    });
    // listJobs ignores Prefer: its own answer, not a 400 for the undocumented 404 (that is a fallback answer's rule)
    const listed = await call(server, 'GET', `${API}/jobs`, undefined, { prefer: 'code=404' });
    expect(listed.status).toBe(200);
    expect(listed.json).toEqual({ jobs: [] });
    expect(server.exchanges.at(-1)).toMatchObject({ outcome: 'answered', handler: 'listJobs' });

    const notFound = await call(server, 'GET', `${API}/jobs/${validJob.id}`, undefined, { prefer: 'code=404, dynamic=false' });
    expect(notFound.status).toBe(404);
    expect(Object.keys(notFound.json).sort()).toEqual(['code', 'message']);
    expect(seen.at(-1)).toEqual({ code: 404, dynamic: false });

    const completed = await call(server, 'GET', `${API}/jobs/${validJob.id}`, undefined, { prefer: 'example=completed' });
    expect(completed.status).toBe(200);
    expect(completed.json).toEqual({ ...validJob, name: 'shot-010 lighting', end_frame: 10, status: 'completed', updated: '2026-11-30T09:42:00Z' });

    const fixed = await call(server, 'GET', `${API}/jobs/${validJob.id}`);
    expect(seen.at(-1)).toEqual({});
    const generated = await call(server, 'GET', `${API}/jobs/${validJob.id}`, undefined, { prefer: 'dynamic=true' });
    expect(generated.status).toBe(200);
    expect(generated.json).not.toEqual(fixed.json);
    expect(generated.headers.get('x-specdrift-violations')).toBeNull();
    expect(server.exchanges.at(-1)?.violations).toEqual([]);
  });

  it('reload swaps handlers and keeps the state store', async () => {
    const server = await start({ handlers: handlerSet({ listJobs: (_r, ctx) => ((ctx.state.n = 1), { status: 200, body: { jobs: [] } }) }) });
    await call(server, 'GET', `${API}/jobs`);
    server.reload({ handlers: handlerSet({ listJobs: (_r, ctx) => ({ status: 200, body: { jobs: [{ ...validJob, name: `n=${String(ctx.state.n)}` }] } }) }) });
    expect((await call(server, 'GET', `${API}/jobs`)).json.jobs[0].name).toBe('n=1');
    server.reload({ handlers: null });
    await call(server, 'GET', `${API}/jobs`);
    expect(server.exchanges.at(-1)?.handler).toBeUndefined();
  });
});

describe('loading a handlers module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'specdrift-handlers-'));

  it('collects named exports and a default-exported object (named win), functions only', () => {
    const a = () => ({ status: 200 });
    const b = () => ({ status: 201 });
    const handlers = collectHandlers({ listJobs: a, VERSION: '1', default: { listJobs: b, fetchJob: b, note: 'x' } });
    expect([...handlers.keys()].sort()).toEqual(['fetchJob', 'listJobs']);
    expect(handlers.get('listJobs')).toBe(a);
  });

  it('loads .mjs with plain import, again after an edit', async () => {
    const file = join(dir, 'impl.mjs');
    writeFileSync(file, 'export const listJobs = () => ({ status: 200, body: { jobs: [] } });\n');
    expect([...(await loadHandlers(file)).handlers.keys()]).toEqual(['listJobs']);
    writeFileSync(file, 'export const fetchJob = () => ({ status: 404 });\n');
    expect([...(await loadHandlers(file)).handlers.keys()]).toEqual(['fetchJob']);
  });

  it('refuses a missing file (exit 3), another extension (exit 2), a module that throws (exit 6) with one line each', async () => {
    const failure = async (path: string) => {
      try {
        await loadHandlers(path);
      } catch (error) {
        return { code: (error as SpecdriftError).exitCode, line: (error as SpecdriftError).line() };
      }
      return undefined;
    };
    expect(await failure(join(dir, 'nope.ts'))).toEqual({ code: ExitCode.sourceNotFound, line: `handlers file ${join(dir, 'nope.ts')} does not exist — give the path of a .ts or .js module, e.g. --handlers ./impl.ts` });
    writeFileSync(join(dir, 'impl.txt'), 'x');
    expect((await failure(join(dir, 'impl.txt')))?.code).toBe(ExitCode.usage);
    writeFileSync(join(dir, 'boom.mjs'), "throw new Error('no database configured');\n");
    expect(await failure(join(dir, 'boom.mjs'))).toEqual({
      code: ExitCode.command,
      line: `the handlers module ${join(dir, 'boom.mjs')} failed to load: no database configured — fix the module (run with --debug for the stack)`,
    });
  });
});
