// json-diff (structural): the seed's `sed | jsondiff` view.
import { readFileSync } from 'node:fs';
import jsonDiff from 'json-diff';
const [a, b] = process.argv.slice(2);
const out = jsonDiff.diff(JSON.parse(readFileSync(a, 'utf8')), JSON.parse(readFileSync(b, 'utf8')));
process.stdout.write(String(out ? Object.keys(out).length : 0) + '\n');
