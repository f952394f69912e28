// specdrift diff, through the real CLI entry (load → mask → diff → classify → JSON report).
import { run } from '../../dist/cli/main.js';
const [a, b] = process.argv.slice(2);
process.exitCode = await run(['diff', a, b, '--format', 'json', '-o', '/dev/null', '--fail-on', 'none']);
