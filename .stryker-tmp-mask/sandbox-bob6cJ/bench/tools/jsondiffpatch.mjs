// jsondiffpatch (structural), through its API.
import { readFileSync } from 'node:fs';
import { create } from 'jsondiffpatch';
const [a, b] = process.argv.slice(2);
const delta = create({ arrays: { detectMove: false } }).diff(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8')));
process.stdout.write(String(delta ? Object.keys(delta).length : 0) + '\n');
