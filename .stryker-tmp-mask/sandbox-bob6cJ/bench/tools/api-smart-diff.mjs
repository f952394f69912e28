// api-smart-diff (semantic, classifies breaking changes).
import { readFileSync } from 'node:fs';
import { apiDiff } from 'api-smart-diff';
const [a, b] = process.argv.slice(2);
const diffs = apiDiff(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8')));
process.stdout.write(String(diffs.length) + '\n');
