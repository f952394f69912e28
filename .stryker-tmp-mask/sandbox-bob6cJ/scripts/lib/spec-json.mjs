#!/usr/bin/env node
// Byte-exact helpers for scripts/slurm-specs.sh. Hand-written (plain Node, no dependencies)
// because the shell script must run before `npm ci` and must never re-serialise the documents:
// slurmrestd's raw output (with `\/` escapes) is the test data.
//
//   node scripts/lib/spec-json.mjs strip-http RAW OUT   HTTP/1.1 response on RAW -> body bytes in OUT
//   node scripts/lib/spec-json.mjs check FILE...        each FILE is JSON with an `openapi` key
//   node scripts/lib/spec-json.mjs summary DIR...       table: file, bytes, paths, schemas
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

const HEAD_END = Buffer.from('\r\n\r\n', 'latin1');

/**
 * Returns the body of one HTTP/1.x response exactly as sent.
 * Throws when the status is not 200 or the body length disagrees with Content-Length.
 * @param {Buffer} raw
 * @returns {Buffer}
 */
export function stripHttpResponse(raw) {
  const headEnd = raw.indexOf(HEAD_END);
  if (headEnd < 0) throw new Error('no HTTP header terminator (CRLF CRLF) in response');
  const head = raw.subarray(0, headEnd).toString('latin1');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})\b/.exec(statusLine);
  if (!status) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine.slice(0, 80))}`);
  if (status[1] !== '200') throw new Error(`HTTP status ${statusLine.slice(9)} instead of 200`);
  const body = raw.subarray(headEnd + HEAD_END.length);
  const lengthHeader = headerLines.find((line) => /^content-length:/i.test(line));
  if (lengthHeader !== undefined) {
    const declared = Number(lengthHeader.slice(lengthHeader.indexOf(':') + 1).trim());
    if (declared !== body.length) {
      throw new Error(`body is ${body.length} bytes but Content-Length says ${declared}`);
    }
  }
  return body;
}

/**
 * Parses an OpenAPI document and returns a short description of it.
 * Throws when the text is not JSON or has no string `openapi` key.
 * @param {string} text
 * @returns {{ openapi: string, paths: number, schemas: number }}
 */
export function describeSpec(text) {
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new Error(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || typeof doc.openapi !== 'string') {
    throw new Error('JSON but not an OpenAPI document (no string "openapi" key)');
  }
  const count = (value) => (value !== null && typeof value === 'object' ? Object.keys(value).length : 0);
  return { openapi: doc.openapi, paths: count(doc.paths), schemas: count(doc.components?.schemas) };
}

function listJsonFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) return listJsonFiles(full);
      return entry.isFile() && entry.name.endsWith('.json') ? [full] : [];
    })
    .sort();
}

function main(argv) {
  const [command, ...args] = argv;
  if (command === 'strip-http' && args.length === 2) {
    writeFileSync(args[1], stripHttpResponse(readFileSync(args[0])));
    return;
  }
  if (command === 'check' && args.length > 0) {
    for (const file of args) {
      try {
        describeSpec(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new Error(`${basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return;
  }
  if (command === 'summary' && args.length > 0) {
    const rows = [['file', 'bytes', 'openapi', 'paths', 'schemas']];
    for (const dir of args) {
      for (const file of listJsonFiles(dir)) {
        const text = readFileSync(file, 'utf8');
        const { openapi, paths, schemas } = describeSpec(text);
        rows.push([relative(dir, file), String(Buffer.byteLength(text)), openapi, String(paths), String(schemas)]);
      }
    }
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    for (const row of rows) {
      console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
    }
    return;
  }
  throw new Error('usage: spec-json.mjs strip-http RAW OUT | check FILE... | summary DIR...');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`spec-json: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
