/** The directory name a spec's generated clients go under: `slurm-rest-api-v0.0.41-1a2b3c4d`. */
// @ts-nocheck

import { createHash } from 'node:crypto';
import { detectVersionTags, dominantVersion } from '../../mask/index.js';
import type { JsonObject } from '../../openapi/types.js';

export interface SpecIdentity {
  id: string;
  title: string;
  /** `v0.0.41`, when one version dominates the spec's structure. */
  versionTag?: string;
  sha256: string;
}

/** `Slurm REST API` → `slurm-rest-api`; empty titles become `spec`. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '') || 'spec';

/** `slug(info.title)-<version tag>-<first 8 hex of sha256(spec bytes)>` (the tag is left out when none dominates). */
export function specIdentity(doc: JsonObject, specBytes: string | Buffer): SpecIdentity {
  const info = doc.info;
  const title = info && typeof info === 'object' && !Array.isArray(info) && typeof info.title === 'string' ? info.title : '';
  const tags = detectVersionTags(doc);
  const version = dominantVersion(tags);
  const detected = tags.find((t) => t.version === version);
  const prefix = detected?.prefixes.includes('v') ? 'v' : detected?.prefixes[0] ?? 'v';
  const versionTag = version === undefined ? undefined : `${prefix}${version}`;
  const sha256 = createHash('sha256').update(specBytes).digest('hex');
  const id = [slug(title), versionTag, sha256.slice(0, 8)].filter((part) => part !== undefined).join('-');
  return { id, title, ...(versionTag !== undefined ? { versionTag } : {}), sha256 };
}

/** The part of a spec id without the hash: committed clients of an edited spec are compared across it. */
export const specIdStem = (id: string): string => id.replace(/-[0-9a-f]{8}$/, '');
