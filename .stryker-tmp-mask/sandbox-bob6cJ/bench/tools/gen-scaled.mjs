#!/usr/bin/env node
// A bigger spec from a real one (bench --scale): N renamed copies of every path, operation and component in one
// document, $refs pointing into their own copy. usage: node bench/tools/gen-scaled.mjs IN.json OUT.json N
// Deterministic: same input and N give the same bytes. Written piece by piece: 16 parsed copies would not fit.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

const [input, output, nArg] = process.argv.slice(2);
const n = Number(nArg);
if (!input || !output || !(n >= 1)) {
  console.error('usage: gen-scaled.mjs IN.json OUT.json N');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(input, 'utf8'));
const suffix = (k) => (k === 0 ? '' : `_c${k}`);

/** The copy-k version of a value: component $refs and operationIds get the suffix. */
function renamed(value, k) {
  if (k === 0) return value;
  return JSON.parse(JSON.stringify(value), function (key, v) {
    if (key === '$ref' && typeof v === 'string') return v.replace(/^(#\/components\/[^/]+\/[^/]+)/, `$1${suffix(k)}`);
    if (key === 'operationId' && typeof v === 'string') return v + suffix(k);
    return v;
  });
}

const fd = openSync(output, 'w');
const write = (s) => writeSync(fd, s);
write('{');
let firstTop = true;
for (const [top, value] of Object.entries(doc)) {
  write(`${firstTop ? '' : ','}${JSON.stringify(top)}:`);
  firstTop = false;
  const section = (obj, keyFor) => {
    write('{');
    let first = true;
    for (let k = 0; k < n; k++) {
      for (const [key, v] of Object.entries(obj)) {
        write(`${first ? '' : ','}${JSON.stringify(keyFor(key, k))}:${JSON.stringify(renamed(v, k))}`);
        first = false;
      }
    }
    write('}');
  };
  if (top === 'paths' || top === 'webhooks') section(value, (key, k) => (k === 0 ? key : `/c${k}${key}`));
  else if (top === 'components') {
    write('{');
    let first = true;
    for (const [kind, members] of Object.entries(value)) {
      write(`${first ? '' : ','}${JSON.stringify(kind)}:`);
      first = false;
      section(members, (key, k) => key + suffix(k));
    }
    write('}');
  } else write(JSON.stringify(value));
}
write('}\n');
closeSync(fd);
