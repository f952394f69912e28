// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { ExitCode, SpecdriftError } from '../../src/errors.js';
import { findTags, parseVersionTag } from '../../src/mask/index.js';

const tags = (s: string) => findTags(s).map((t) => `${t.text}=${t.version}/${t.form}`);

describe('parseVersionTag', () => {
  it.each([
    ['v0.0.41', '0.0.41'],
    ['0.0.41', '0.0.41'],
    ['dbv0.0.41', '0.0.41'],
    ['V0.0.41', '0.0.41'],
    ['v0041', '0.0.41'],
    ['V0041', '0.0.41'],
    ['v0_0_41', '0.0.41'],
    ['v0005', '0.0.5'],
    [' v1.2.3 ', '1.2.3'],
  ])('%s → %s', (input, expected) => {
    expect(parseVersionTag(input)).toBe(expected);
  });

  it.each(['', 'v41', '41', 'v0.0', 'v0.0.41.1', 'v0.0.041', 'x0.0.41', 'v0.0.41_job', '0041', 'latest', 'v00410'])(
    'rejects %j with a usage error naming the option',
    (input) => {
      let error: unknown;
      try {
        parseVersionTag(input, '--from');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SpecdriftError);
      expect((error as SpecdriftError).exitCode).toBe(ExitCode.usage);
      expect((error as SpecdriftError).message).toContain('--from');
      expect((error as SpecdriftError).hint).toContain('v0.0.41');
    },
  );
});

describe('findTags forms', () => {
  it('dotted, with v, V and dbv prefixes', () => {
    expect(tags('/slurm/v0.0.41/jobs')).toEqual(['v0.0.41=0.0.41/dotted']);
    expect(tags('V0.0.41')).toEqual(['V0.0.41=0.0.41/dotted']);
    expect(tags('dbv0.0.39_diag')).toEqual(['dbv0.0.39=0.0.39/dotted']);
    expect(findTags('dbv0.0.39_diag')[0].db).toBe('db');
  });
  it('compact in operationIds, type names and camelCase method names', () => {
    expect(tags('slurm_v0041_get_jobs')).toEqual(['v0041=0.0.41/compact']);
    expect(tags('slurmdb_v0041_get_jobs')).toEqual(['v0041=0.0.41/compact']);
    expect(tags('V0041Job')).toEqual(['V0041=0.0.41/compact']);
    expect(tags('slurmV0041GetJobs')).toEqual(['V0041=0.0.41/compact']);
    expect(tags('v0005')).toEqual(['v0005=0.0.5/compact']);
  });
  it('underscore', () => {
    expect(tags('openapi_client.v0_0_41.models')).toEqual(['v0_0_41=0.0.41/underscore']);
  });
  it('bare', () => {
    expect(tags('0.0.41')).toEqual(['0.0.41=0.0.41/bare']);
    expect(tags('Slurm-0.0.41 (plugin)')).toEqual(['0.0.41=0.0.41/bare']);
  });
  it('inside JSON-pointer and URL escaped paths', () => {
    expect(tags('#/paths/~1slurm~1v0.0.41~1jobs/get')).toEqual(['v0.0.41=0.0.41/dotted']);
    expect(tags('http://h/%2Fslurm%2Fv0.0.41%2fjobs')).toEqual(['v0.0.41=0.0.41/dotted']);
    // a bare version right after an escaped slash is read as a path segment, not as the number 10.0.41
    expect(findTags('#/paths/~10.0.41~1jobs')).toMatchObject([{ text: '0.0.41', index: 10, version: '0.0.41', form: 'bare' }]);
    expect(findTags('%2F0.0.41')).toMatchObject([{ text: '0.0.41', index: 3, form: 'bare' }]);
  });
});

describe('findTags boundaries', () => {
  it('a shorter version is not found inside a longer one', () => {
    expect(tags('v0.0.41').map((t) => t.split('=')[1])).toEqual(['0.0.41/dotted']);
    expect(findTags('v0.0.41').some((t) => t.version === '0.0.4')).toBe(false);
    expect(findTags('v0041').some((t) => t.version === '0.0.4')).toBe(false);
    expect(findTags('v0_0_41').some((t) => t.version === '0.0.4')).toBe(false);
  });
  it('a version is not found inside a longer number', () => {
    expect(findTags('v0.0.410').map((t) => t.version)).toEqual(['0.0.410']);
    expect(findTags('v00410')).toEqual([]);
    expect(findTags('v0_0_41_1')).toEqual([]);
    expect(findTags('v0.0.41.2')).toEqual([]);
    expect(findTags('v0.0.41_2')).toEqual([]);
    expect(findTags('v0041.2')).toEqual([]);
    expect(findTags('v0041_2')).toEqual([]);
    expect(findTags('0.0.41.2')).toEqual([]);
  });
  it('bare numbers with more components or digits around are not tags', () => {
    expect(findTags('10.0.0.41')).toEqual([]);
    expect(findTags('1.0.0.41')).toEqual([]);
    expect(findTags('20.0.41').map((t) => t.version)).toEqual(['20.0.41']); // a version, just not 0.0.41
  });
  it('tags glued to another tag, and bare numbers glued into a name, are not tags', () => {
    expect(findTags('v0.0.4v0.0.5')).toEqual([]);
    expect(findTags('V0041V0042Job')).toEqual([]);
    expect(findTags('v0.0.41dbv0.0.4')).toEqual([]);
    expect(findTags('slurm_0.0.41')).toEqual([]);
    expect(tags('V0041Version')).toEqual(['V0041=0.0.41/compact']);
  });
  it('leading zeros are not tags', () => {
    expect(findTags('v0.0.041')).toEqual([]);
    expect(findTags('0.00.41')).toEqual([]);
  });
  it('a v glued to a word is not a tag, and neither is its number', () => {
    expect(findTags('xv0.0.41')).toEqual([]);
    expect(findTags('openapiv0.0.41')).toEqual([]);
    expect(findTags('slurmdbv0.0.41')).toEqual([]);
    expect(findTags('A1v0041')).toEqual([]);
    expect(findTags('UUIDV0041')).toEqual([]); // camelCase only after a lower-case letter
  });
  it('tags end where a name continues', () => {
    expect(tags('v0.0.41_job')).toEqual(['v0.0.41=0.0.41/dotted']);
    expect(tags('v0.0.41-job')).toEqual(['v0.0.41=0.0.41/dotted']);
    expect(tags('v0.0.41.json')).toEqual(['v0.0.41=0.0.41/dotted']);
    expect(tags('v0.0.41job')).toEqual(['v0.0.41=0.0.41/dotted']);
  });
});
