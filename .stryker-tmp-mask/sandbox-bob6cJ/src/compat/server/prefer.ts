/** The `Prefer` request header's mock controls (`code=404`, `example=NAME`, `dynamic=true`), as Prism reads them. */
// @ts-nocheck

export interface MockPreferences {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

export function parsePrefer(header: string | undefined): MockPreferences {
  const prefs: MockPreferences = {};
  if (!header) return prefs;
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key === 'code' && /^[1-5]\d\d$/.test(value)) prefs.code = Number(value);
    else if (key === 'example' && value !== '') prefs.example = value;
    else if (key === 'dynamic') prefs.dynamic = value.toLowerCase() === 'true';
  }
  return prefs;
}
