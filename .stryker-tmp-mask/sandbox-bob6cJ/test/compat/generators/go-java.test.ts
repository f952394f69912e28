/**
 * The Go and Java targets without their toolchains (issue 14, item 6): how generated services are found and bound,
 * the stand-in for github.com/antihax/optional, and the one-line reasons a missing go / javac / library gives.
 * Hermetic: the sources are small files written here in the generators' shape; programs point at paths that do not exist.
 */
// @ts-nocheck

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Binding } from '../../../src/compat/generators/bind.js';
import type { CallPlan } from '../../../src/compat/generators/types.js';
import { goDriverSource, goOptionalStandIn } from '../../../src/compat/drivers/go.js';
import { JAVA_STAND_INS } from '../../../src/compat/drivers/java.js';
import { goArgs, prefixEnumConstants, scanGo, scanGoModelTypes } from '../../../src/compat/generators/go.js';
import { javaArgs, scanJava } from '../../../src/compat/generators/java-client.js';

let dir: string;
// The generated files every test reads are written once here, so the tests hold in any order.
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'specdrift-go-java-'));
  await writeFile(join(dir, 'api_pets.go'), GO_API);
  await writeFile(join(dir, 'model_pet.go'), 'package openapi\n\ntype Pet struct {\n\tName string `json:"name"`\n}\n\ntype petList []Pet\n\nfunc (a *NotAServiceService) Hidden(ctx _context.Context) {}\n');
  const api = join(dir, 'src', 'main', 'java', 'org', 'example', 'client', 'api');
  await mkdir(api, { recursive: true });
  await writeFile(join(api, 'PetsApi.java'), JAVA_API);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GO_API = `package openapi

import (
	_context "context"
	"github.com/antihax/optional"
)

type PetsApiService service

/*
 * @param "Limit" (optional.Int32) -  How many
 * @param "Tags" (optional.Interface of []string) -  Which
 */
// ListPetsOpts Optional parameters for the method 'ListPets'
type ListPetsOpts struct {
    Limit optional.Int32
    Tags optional.Interface
}

func (a *PetsApiService) ListPets(ctx _context.Context, ownerId string, localVarOptionals *ListPetsOpts) ([]Pet, *_nethttp.Response, error) {
	return nil, nil, nil
}

func (a *PetsApiService) AddPet(ctx _context.Context, pet Pet) (Pet, *_nethttp.Response, error) {
	return Pet{}, nil, nil
}

func (a *PetsApiService) Ping(ctx _context.Context) (*_nethttp.Response, error) {
	return nil, nil
}
`;

const JAVA_API = `package org.example.client.api;

import org.example.client.ApiException;

public class PetsApi {
  public PetsApi(ApiClient apiClient) {
  }
  public List<Pet> listPets (String ownerId, Integer limit, List<String> tags) throws ApiException {
    return null;
  }
  public Pet addPet (Pet pet) throws ApiException {
    return null;
  }
  public void ping () throws ApiException {
  }
  public Map<String, Integer> counts (Map<String, Object> filter) throws ApiException {
    return null;
  }
  private HttpRequest.Builder listPetsRequestBuilder(String ownerId) throws ApiException {
    return null;
  }
}
`;

const call = (over: Partial<CallPlan>): CallPlan => ({ operationId: 'x', method: 'GET', path: '/pets/{owner_id}', pathParams: {}, query: {}, headers: {}, ...over });

describe('Go clients', () => {
  it('finds the service methods, their APIClient field and the fields of their options struct', async () => {
    expect(await scanGo(dir)).toEqual([
      {
        name: 'ListPets',
        container: 'PetsApi',
        params: [
          { name: 'ownerId', type: 'string' },
          { name: 'localVarOptionals', type: '*ListPetsOpts', fields: ['Limit', 'Tags'] },
        ],
        optionTypes: { Tags: '[]string' },
      },
      { name: 'AddPet', container: 'PetsApi', params: [{ name: 'pet', type: 'Pet' }], optionTypes: {} },
      { name: 'Ping', container: 'PetsApi', params: [], optionTypes: {} },
    ]);
  });

  it('binds path parameters positionally, optional ones into the options object by field name, the body to the parameter that is none', async () => {
    const [listPets, addPet] = await scanGo(dir);
    const list: Binding = {
      call: call({ pathParams: { owner_id: 'o?1' }, query: { limit: 5, tags: ['a', 'b'] } }),
      declared: [
        { name: 'owner_id', in: 'path' },
        { name: 'limit', in: 'query' },
        { name: 'tags', in: 'query' },
      ],
    };
    expect(goArgs(listPets, list)).toEqual(['o?1', { Limit: 5, Tags: ['a', 'b'] }]);
    const onlyRequired: Binding = { ...list, call: call({ pathParams: { owner_id: 'o' } }) };
    expect(goArgs(listPets, onlyRequired)).toEqual(['o', {}]);
    const add: Binding = { call: call({ method: 'POST', path: '/pets', body: { name: 'rex' } }), declared: [] };
    expect(goArgs(addPet, add)).toEqual([{ name: 'rex' }]);
  });

  it('lists the exported model types, which the generated main.go names so that optional bodies decode into them', async () => {
    expect(await scanGoModelTypes(dir)).toEqual(['Pet']);
    expect(goDriverSource('specdrift.local/client', ['Pet'])).toContain('\t"Pet": reflect.TypeOf((*client.Pet)(nil)).Elem(),');
  });

  it('ships a stand-in for every type of github.com/antihax/optional v1.0.0 the generated code can name', () => {
    const source = goOptionalStandIn();
    expect(source).toMatch(/^\/\/ Stand-in written by specdrift/);
    expect(source).toContain('package optional');
    for (const name of ['String', 'Bool', 'Int32', 'Int64', 'Float32', 'Float64', 'Interface', 'Time']) {
      expect(source).toContain(`type ${name} struct {`);
      expect(source).toContain(`func New${name}(value `);
      expect(source).toContain(`func (v ${name}) IsSet() bool { return v.isSet }`);
      expect(source).toContain(`func (v ${name}) Value() `);
    }
    expect(source).toContain('func NewInterface(value interface{}) Interface { return Interface{true, value} }');
  });

  it('patch enum-class-prefix names enum constants after their type, as enumClassPrefix=true does, and leaves other models alone', () => {
    // the shape OpenAPI Generator 4.3.1 writes for an enum schema (two of them sharing `queued` do not compile)
    const taskStatus = [
      'package openapi',
      "// TaskStatus the model 'TaskStatus'",
      'type TaskStatus string',
      '',
      '// List of TaskStatus',
      'const (',
      '\tQUEUED TaskStatus = "queued"',
      '\tIN_PROGRESS TaskStatus = "in-progress"',
      ')',
      '',
    ].join('\n');
    expect(prefixEnumConstants(taskStatus)).toEqual({
      text: taskStatus.replace('\tQUEUED TaskStatus', '\tTASKSTATUS_QUEUED TaskStatus').replace('\tIN_PROGRESS TaskStatus', '\tTASKSTATUS_IN_PROGRESS TaskStatus'),
      renamed: 2,
    });
    // applied twice (or to a client generated with the option): nothing more to do
    expect(prefixEnumConstants(prefixEnumConstants(taskStatus).text).renamed).toBe(0);
    const priority = 'package openapi\ntype Priority int32\nconst (\n\tLOW Priority = 1\n)\n';
    expect(prefixEnumConstants(priority).text).toBe('package openapi\ntype Priority int32\nconst (\n\tPRIORITY_LOW Priority = 1\n)\n');
    const model = 'package openapi\ntype Job struct {\n\tStatus TaskStatus `json:"status"`\n}\n';
    expect(prefixEnumConstants(model)).toEqual({ text: model, renamed: 0 });
  });
});

describe('Java clients', () => {
  it('finds the public methods that throw ApiException, with generic parameter types kept whole', async () => {
    const methods = await scanJava(dir);
    expect(methods.map((m) => [m.className, m.name, m.params.map((p) => `${p.type} ${p.name}`)])).toEqual([
      ['org.example.client.api.PetsApi', 'listPets', ['String ownerId', 'Integer limit', 'List<String> tags']],
      ['org.example.client.api.PetsApi', 'addPet', ['Pet pet']],
      ['org.example.client.api.PetsApi', 'ping', []],
      ['org.example.client.api.PetsApi', 'counts', ['Map<String, Object> filter']],
    ]);
  });

  it('passes every parameter, null where the plan has no value (Java has no optional arguments)', async () => {
    const [listPets, addPet] = await scanJava(dir);
    const binding: Binding = {
      call: call({ pathParams: { owner_id: 'o' }, query: { tags: ['a'] } }),
      declared: [
        { name: 'owner_id', in: 'path' },
        { name: 'limit', in: 'query' },
        { name: 'tags', in: 'query' },
      ],
    };
    expect(javaArgs(listPets, binding)).toEqual(['o', null, ['a']]);
    expect(javaArgs(addPet, { call: call({ body: { name: 'rex' } }), declared: [] })).toEqual([{ name: 'rex' }]);
  });

  it('stands in only for classes Debian does not package, each saying so', () => {
    expect(Object.keys(JAVA_STAND_INS).sort()).toEqual([
      'com/fasterxml/jackson/datatype/jsr310/JavaTimeModule.java',
      'io/swagger/annotations/ApiModel.java',
      'io/swagger/annotations/ApiModelProperty.java',
      'org/openapitools/jackson/nullable/JsonNullableModule.java',
    ]);
    for (const [file, source] of Object.entries(JAVA_STAND_INS)) {
      expect(source, file).toContain(`package ${file.split('/').slice(0, -1).join('.')};`);
      expect(source, file).toMatch(/Stand-in written by specdrift for [\w.-]+/);
    }
  });
});

describe('missing toolchains and libraries', () => {
  const saved = { ...process.env };
  afterAll(() => {
    for (const key of ['SPECDRIFT_GO', 'SPECDRIFT_JAVAC', 'SPECDRIFT_JAVA_CLASSPATH', 'GOPATH']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('no go: the Go targets say which program and which Debian packages', async () => {
    process.env.SPECDRIFT_GO = '/nonexistent/go';
    vi.resetModules();
    const { goUnavailable } = await import('../../../src/compat/generators/go.js');
    expect(await goUnavailable('swagger-codegen-3.0.34:go')).toBe(
      '/nonexistent/go not found (needed by swagger-codegen-3.0.34:go); install Go (Debian: apt-get install golang-go golang-golang-x-oauth2-dev) or set SPECDRIFT_GO',
    );
  });

  it('go without golang.org/x/oauth2 on the GOPATH: names the import path and the package', async () => {
    process.env.SPECDRIFT_GO = '/bin/true';
    process.env.GOPATH = join(dir, 'empty-gopath');
    vi.resetModules();
    const { goUnavailable } = await import('../../../src/compat/generators/go.js');
    expect(await goUnavailable('openapi-generator-4.3.1:go')).toBe(
      `Go packages missing for openapi-generator-4.3.1:go: golang.org/x/oauth2 not in GOPATH ${join(dir, 'empty-gopath')} (Debian: apt-get install golang-golang-x-oauth2-dev)`,
    );
  });

  it('no javac, or jars missing: the Java target says which, and how to get them', async () => {
    process.env.SPECDRIFT_JAVAC = '/nonexistent/javac';
    vi.resetModules();
    let java = await import('../../../src/compat/generators/java-client.js');
    expect(await java.javaClientUnavailable('openapi-generator-4.3.1:java')).toBe(
      '/nonexistent/javac not found (needed by openapi-generator-4.3.1:java); install a JDK 11+ (Debian: apt-get install default-jdk-headless) or set SPECDRIFT_JAVAC',
    );
    process.env.SPECDRIFT_JAVAC = '/bin/true';
    process.env.SPECDRIFT_JAVA_CLASSPATH = '/nonexistent/jackson-databind.jar';
    vi.resetModules();
    java = await import('../../../src/compat/generators/java-client.js');
    expect(await java.javaClientUnavailable('openapi-generator-4.3.1:java')).toBe(
      'jars in SPECDRIFT_JAVA_CLASSPATH not found (needed by openapi-generator-4.3.1:java): /nonexistent/jackson-databind.jar',
    );
  });
});
