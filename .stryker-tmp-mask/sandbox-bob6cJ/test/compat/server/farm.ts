/** The farm-manager fixture for handler and mock-server tests. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { JsonObject } from '../../../src/openapi/types.js';

export const FARM_SPEC = new URL('../../../fixtures/farm-manager/openapi.yaml', import.meta.url).pathname;
export const FARM_IMPL = new URL('../../../examples/farm-manager/impl.ts', import.meta.url).pathname;
export const farmDoc = (): JsonObject => parse(readFileSync(FARM_SPEC, 'utf8')) as JsonObject;
export const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
