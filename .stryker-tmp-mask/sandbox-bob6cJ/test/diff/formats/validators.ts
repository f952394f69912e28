/** Schema validators for rendered reports: docs/report.schema.json and the SARIF 2.1.0 schema shipped by @microsoft/jest-sarif. */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

// Both packages are CommonJS with `exports.default`; under NodeNext the default import is the module object.
const addFormats = ajvFormats.default;
const AjvDraft04 = ajvDraft04.default;
const require = createRequire(import.meta.url);

function reportValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8')));
}

function sarifValidator(): ValidateFunction {
  // The SARIF schema's patterns are not valid with the `u` flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
}

export const validateReport = reportValidator();
export const validateSarif = sarifValidator();
export const errorsOf = (validate: ValidateFunction) => JSON.stringify(validate.errors, null, 1);
