/** `/job/{job_id}` → `/job/{id}`: the same operation; only the template variable's name changed. */
// @ts-nocheck

import { rule } from './define.js';

export const requestPathParameterRenamed = rule(
  'request-path-parameter-renamed',
  'info',
  'renamed',
  'paths',
  'a path parameter was renamed (same position in the path template)',
);
