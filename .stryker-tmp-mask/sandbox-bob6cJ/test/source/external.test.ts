/**
 * External `$ref`s (issue 8 item 14): the loader bundles a spec file's references to other files, within the limits
 * that keep a spec from someone else's pull request from reading or fetching what it should not (issue 9).
 */
// @ts-nocheck

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { mayHaveExternalRefs } from '../../src/source/external.js';
import { loadSpec } from '../../src/source/load.js';
import { resolvePointer } from '../../src/openapi/refs.js';
import { rejection } from '../helpers/errors.js';

const FIXTURE = 'fixtures/multi-file/new';
const PETS_200 = '/paths/~1pets/get/responses/200/content/application~1json/schema';
const PETS_201 = '/paths/~1pets/post/responses/201/content/application~1json/schema';
const NEW_PET = '/paths/~1pets/post/requestBody/content/application~1json/schema';
const ERROR = '/components/responses/Error/content/application~1json/schema';

/** A copy of the fixture in a fresh directory outside any git work tree, with `api.yaml` edited by `edit`. */
function sandbox(edit: (api: string) => string = (a) => a): string {
  // One level down in our own temp dir, so that a test's `../outside.yaml` is ours too (never a shared /tmp file).
  const dir = join(mkdtempSync(join(tmpdir(), 'specdrift-ext-')), 'spec');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'api.yaml'), edit(readFileSync(join(dir, 'api.yaml'), 'utf8')));
  return dir;
}
const withRef = (ref: string) => (api: string) => api.replace("'./schemas/pet.yaml' }\n        default", `'${ref}' }\n        default`);

describe('loading a spec split over several files', () => {
  it('bundles the referenced files into one document, and says where each one sits', async () => {
    const spec = await loadSpec(join(FIXTURE, 'api.yaml'), { externalRefs: 'bundle' });
    // The bundler inlines each target once (here the shallower 201 schema) and points the other refs at that copy.
    expect(resolvePointer(spec.doc, `${PETS_200}/items`)).toEqual({ $ref: `#${PETS_201}` });
    expect(resolvePointer(spec.doc, `${PETS_201}/properties/owner/properties/id`)).toEqual({ type: 'string' });
    expect(resolvePointer(spec.doc, `${NEW_PET}/required`)).toEqual(['name', 'tag']);
    expect(resolvePointer(spec.doc, `${ERROR}/required`)).toEqual(['code']);
    expect(spec.externalRefs).toEqual([
      { pointer: `${PETS_200}/items`, ref: 'schemas/pet.yaml' },
      { pointer: `${PETS_200}/items/properties/owner`, ref: 'schemas/owner.json' },
      { pointer: NEW_PET, ref: 'common.yaml#/components/schemas/NewPet' },
      { pointer: PETS_201, ref: 'schemas/pet.yaml' },
      { pointer: `${PETS_201}/properties/owner`, ref: 'schemas/owner.json' },
      { pointer: ERROR, ref: 'schemas/error.json' },
    ]);
  });

  it('keeps the refs as written by default, and leaves specs without external refs alone', async () => {
    const kept = await loadSpec(join(FIXTURE, 'api.yaml'));
    expect(resolvePointer(kept.doc, `${PETS_200}/items`)).toEqual({ $ref: './schemas/pet.yaml' });
    expect(kept.externalRefs).toBeUndefined();
    const single = await loadSpec('fixtures/slurm-like/v0.0.40.json', { externalRefs: 'bundle' });
    expect(single.doc).toEqual(JSON.parse(readFileSync('fixtures/slurm-like/v0.0.40.json', 'utf8')));
    expect(single.externalRefs).toBeUndefined();
  });

  it('the text pre-check only lets local refs skip the walk', () => {
    expect(mayHaveExternalRefs('{"$ref": "#/components/schemas/A"}')).toBe(false);
    expect(mayHaveExternalRefs("schema: { $ref: '#/components/schemas/A' }")).toBe(false);
    expect(mayHaveExternalRefs('{"$ref": "a.json"}')).toBe(true);
    expect(mayHaveExternalRefs('schema:\n  $ref: a.yaml#/X')).toBe(true);
    expect(mayHaveExternalRefs('schema:\n  $ref:\n    other.yaml')).toBe(true);
  });

  it('a $ref inside an example, a default or an x- extension is data: kept as written, not followed', async () => {
    const dir = sandbox((api) => api.replace('      operationId: listPets', "      operationId: listPets\n      x-note: { $ref: 'nowhere.yaml' }"));
    writeFileSync(join(dir, 'schemas/error.json'), JSON.stringify({ type: 'object', example: { $ref: 'not-a-file.json' }, properties: { code: { type: 'integer', default: { $ref: 'x' } } } }));
    const spec = await loadSpec(join(dir, 'api.yaml'), { externalRefs: 'bundle' });
    expect(resolvePointer(spec.doc, '/paths/~1pets/get/x-note')).toEqual({ $ref: 'nowhere.yaml' });
    expect(resolvePointer(spec.doc, ERROR)).toEqual({ type: 'object', example: { $ref: 'not-a-file.json' }, properties: { code: { type: 'integer', default: { $ref: 'x' } } } });
  });
});

describe('what a spec may not make the loader read (one line each, documented exit codes)', () => {
  const fails = async (ref: string, setup?: (dir: string) => void) => {
    const dir = sandbox(withRef(ref));
    setup?.(dir);
    const err = await rejection(loadSpec(join(dir, 'api.yaml'), { externalRefs: 'bundle' }));
    expect(err.message).not.toMatch(/\n/);
    return { err, where: join(dir, 'api.yaml') };
  };

  it('a missing file names the ref and the file (exit 3)', async () => {
    const { err, where } = await fails('./schemas/nope.yaml');
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toBe(`${where}: cannot follow $ref './schemas/nope.yaml': schemas/nope.yaml does not exist`);
  });

  it('a pointer to nothing in an existing file (exit 4)', async () => {
    const { err, where } = await fails('common.yaml#/components/schemas/Nope');
    expect(err.exitCode).toBe(ExitCode.parse);
    expect(err.message).toBe(`${where}: $ref 'common.yaml#/components/schemas/Nope' points to nothing (no "Nope" there)`);
  });

  it('remote refs are never fetched, in the spec or in a referenced file (exit 3)', async () => {
    const { err, where } = await fails('https://example.invalid/pet.yaml');
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toBe(`${where}: $ref 'https://example.invalid/pet.yaml' at #${PETS_200}/items is remote; specdrift never fetches remote $refs`);
    const nested = await fails('./schemas/pet.yaml', (dir) => writeFileSync(join(dir, 'schemas/owner.json'), '{"properties": {"x": {"$ref": "http://127.0.0.1:9/x.json"}}}'));
    expect(nested.err.message).toBe(`${nested.where}: $ref to http://127.0.0.1:9/x.json is remote; specdrift never fetches remote $refs`);
  });

  it('files outside the spec\'s directory (no git work tree here), also through a symlink (exit 3)', async () => {
    const { err } = await fails('../outside.yaml', (dir) => writeFileSync(join(dir, '../outside.yaml'), 'type: string\n'));
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toMatch(/cannot follow \$ref '\.\.\/outside\.yaml': \.\.\/outside\.yaml is outside \/.*specdrift-ext-/);
    const abs = await fails('/etc/hostname');
    expect(abs.err.message).toMatch(/cannot follow \$ref '\/etc\/hostname': .* is outside /);
    const link = await fails('schemas/link.yaml', (dir) => symlinkSync('/etc/hostname', join(dir, 'schemas/link.yaml')));
    expect(link.err.message).toMatch(/cannot follow \$ref 'schemas\/link\.yaml': schemas\/link\.yaml is outside /);
  });

  it('inside a git work tree, files anywhere in it may be referenced', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'specdrift-ext-git-'));
    execFileSync('git', ['init', '-q', repo]);
    mkdirSync(join(repo, 'api'));
    mkdirSync(join(repo, 'shared'));
    cpSync(FIXTURE, join(repo, 'api'), { recursive: true });
    cpSync(join(FIXTURE, 'schemas/error.json'), join(repo, 'shared/error.json'));
    const api = readFileSync(join(repo, 'api/api.yaml'), 'utf8').replace("'./schemas/error.json'", "'../shared/error.json'");
    writeFileSync(join(repo, 'api/api.yaml'), api);
    const spec = await loadSpec(join(repo, 'api/api.yaml'), { externalRefs: 'bundle' });
    expect(spec.externalRefs).toContainEqual({ pointer: ERROR, ref: '../shared/error.json' });
  });

  it('non-regular files: a directory, a FIFO (exit 3)', async () => {
    const d = await fails('schemas/dir.yaml', (dir) => mkdirSync(join(dir, 'schemas/dir.yaml')));
    expect(d.err.message).toMatch(/cannot follow \$ref 'schemas\/dir\.yaml': schemas\/dir\.yaml is not a regular file$/);
    const fifo = await fails('schemas/fifo.yaml', (dir) => execFileSync('mkfifo', [join(dir, 'schemas/fifo.yaml')]));
    expect(fifo.err.message).toMatch(/schemas\/fifo\.yaml is not a regular file$/);
  });

  it('a referenced file that is not JSON/YAML, or only a string, is refused (exit 4)', async () => {
    const text = await fails('schemas/notes.txt', (dir) => writeFileSync(join(dir, 'schemas/notes.txt'), 'SECRET=hunter2\n'));
    expect(text.err.exitCode).toBe(ExitCode.parse);
    expect(text.err.message).toBe(`${text.where}: $ref 'schemas/notes.txt': schemas/notes.txt is not a JSON or YAML document (top level is string)`);
    const bad = await fails('schemas/bad.json', (dir) => writeFileSync(join(dir, 'schemas/bad.json'), '{"type": '));
    expect(bad.err.exitCode).toBe(ExitCode.parse);
    expect(bad.err.message).toMatch(/\$ref 'schemas\/bad\.json': schemas\/bad\.json:1:\d+: malformed JSON/);
  });

  it('a referenced file that is not UTF-8 is refused with the loader\'s own line (exit 4), not read as U+FFFD', async () => {
    const { err } = await fails('schemas/latin1.yaml', (dir) => writeFileSync(join(dir, 'schemas/latin1.yaml'), Buffer.from('type: string\ndescription: caf\xe9\n', 'latin1')));
    expect(err.exitCode).toBe(ExitCode.parse);
    expect(err.message).toMatch(/\$ref 'schemas\/latin1\.yaml': schemas\/latin1\.yaml: not UTF-8 \(invalid byte 0xe9 at offset 29\)/);
  });

  it('a billion-laughs YAML file is refused by the loader\'s own alias limit (exit 4)', async () => {
    const lol = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lol.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const { err } = await fails('schemas/lol.yaml', (dir) => writeFileSync(join(dir, 'schemas/lol.yaml'), lol.join('\n') + '\n'));
    expect(err.exitCode).toBe(ExitCode.parse);
    expect(err.message).toMatch(/\$ref 'schemas\/lol\.yaml': schemas\/lol\.yaml/);
  });

  it('sources that are not files: an error with `bundle`, refs kept with `bundle-files`', async () => {
    const text = readFileSync(join(FIXTURE, 'api.yaml'), 'utf8');
    const err = await rejection(loadSpec('-', { stdin: text, externalRefs: 'bundle' }));
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toBe(`<stdin>: $ref './schemas/pet.yaml' at #${PETS_200}/items refers to another file; specdrift follows those only for specs read from files on disk`);
    const kept = await loadSpec('-', { stdin: text, externalRefs: 'bundle-files' });
    expect(resolvePointer(kept.doc, `${PETS_200}/items`)).toEqual({ $ref: './schemas/pet.yaml' });
  });
});
