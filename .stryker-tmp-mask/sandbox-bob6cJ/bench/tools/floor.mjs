// The floor: reading and JSON.parse of both inputs, nothing else.
import { readFileSync } from 'node:fs';
const [a, b] = process.argv.slice(2);
const docs = [JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8'))];
process.stdout.write(String(Object.keys(docs[0]).length + Object.keys(docs[1]).length) + '\n');
