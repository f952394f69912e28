/** Types for spec-json.mjs (plain JS so the shell script can run it before `npm ci`). */
export function stripHttpResponse(raw: Buffer): Buffer;
export function describeSpec(text: string): { openapi: string; paths: number; schemas: number };
