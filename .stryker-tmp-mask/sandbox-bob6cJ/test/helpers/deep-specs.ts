/** Generated documents that nest deeply (issue 9, item 8); levels are counted as in src/openapi/depth.ts. */
// @ts-nocheck

const HEAD = '"openapi":"3.0.3","info":{"title":"t","version":"1"}';

/** `components.schemas.Deep` holds `arrays` nested arrays: the innermost sits at level 3 + arrays. */
export const nestedArrays = (arrays: number) => `{${HEAD},"paths":{},"components":{"schemas":{"Deep":${'['.repeat(arrays)}${']'.repeat(arrays)}}}}`;

/**
 * An `allOf` chain S0 → S1 → … → S(links-1), used by GET /x's response. Levels: the `$ref` to S0 is at 9, S(i) at
 * 10 + 3i (S, allOf, the `$ref` object), the last one's `type` string is a leaf.
 */
export function allOfChain(links: number, lastType = 'string'): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < links; i++) schemas[`S${i}`] = i + 1 < links ? { allOf: [{ $ref: `#/components/schemas/S${i + 1}` }] } : { type: lastType };
  const media = { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } };
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/x': { get: { responses: { '200': { description: 'ok', content: media } } } } },
    components: { schemas },
  });
}
