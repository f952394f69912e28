/** Media types: parsing a Content-Type header and choosing the documented media type it falls under. */
// @ts-nocheck


export interface MediaType {
  /** `type/subtype`, lower-case, without parameters. */
  essence: string;
  type: string;
  subtype: string;
}

export function parseMediaType(text: string | undefined): MediaType | undefined {
  if (!text) return undefined;
  const essence = text.split(';')[0].trim().toLowerCase();
  const slash = essence.indexOf('/');
  if (slash <= 0 || slash === essence.length - 1) return undefined;
  return { essence, type: essence.slice(0, slash), subtype: essence.slice(slash + 1) };
}

/** The documented media type key (as written in the spec) that `sent` falls under: exact, then `type/*`, then `*\/*`. */
export function matchMediaType(sent: MediaType, documented: string[]): string | undefined {
  const parsed = documented.map((key) => ({ key, media: parseMediaType(key) }));
  return (
    parsed.find((d) => d.media?.essence === sent.essence)?.key ??
    parsed.find((d) => d.media?.subtype === '*' && d.media.type === sent.type)?.key ??
    parsed.find((d) => d.media?.essence === '*/*')?.key
  );
}

export const isJsonMediaType = (media: MediaType): boolean => media.essence === 'application/json' || media.subtype.endsWith('+json');
export const isFormMediaType = (media: MediaType): boolean => media.essence === 'application/x-www-form-urlencoded';
export const isTextMediaType = (media: MediaType): boolean => media.type === 'text';
