/** Inputs a careless user or a hostile server hands over: each gets one clear error, or is accepted when harmless. */
import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { loadConfig } from '../../src/source/config.js';
import { loadSpec } from '../../src/source/load.js';
import { cliAsync } from '../helpers/cli.js';
import { rejection } from '../helpers/errors.js';

const tiny = JSON.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: {} });
const dir = mkdtempSync(join(tmpdir(), 'specdrift-hygiene-'));
const file = (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('text encodings and file kinds', () => {
  it('accepts a UTF-8 byte-order mark, and UTF-16 with its byte-order mark', async () => {
    expect((await loadSpec(file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(tiny)])))).doc.openapi).toBe('3.0.3');
    expect((await loadSpec(file('u16le.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tiny, 'utf16le')])))).doc.openapi).toBe('3.0.3');
  });

  it('refuses UTF-16 without a byte-order mark and bytes that are not UTF-8, each with its own line (exit 4)', async () => {
    const u16 = await rejection(loadSpec(file('u16.json', Buffer.from(tiny, 'utf16le'))));
    expect(u16.exitCode).toBe(ExitCode.parse);
    expect(u16.message).toMatch(/looks like UTF-16 without a byte-order mark/);
    const latin1 = await rejection(loadSpec(file('latin1.yaml', Buffer.from('openapi: 3.0.3\ninfo: {title: "caf\xe9", version: "1"}\npaths: {}\n', 'latin1'))));
    expect(latin1.exitCode).toBe(ExitCode.parse);
    expect(latin1.message).toMatch(/not UTF-8 \(invalid byte 0xe9 at offset 33\)/);
  });

  it('tells the replacement character written in a spec (valid UTF-8) from bytes that decode to it', async () => {
    const written = await loadSpec(file('fffd.yaml', Buffer.from('openapi: 3.0.3\ninfo: {title: "bad \uFFFD char", version: "1"}\npaths: {}\n', 'utf8')));
    expect((written.doc.info as { title: string }).title).toBe('bad \uFFFD char');
    const overlong = await rejection(loadSpec(file('overlong.json', Buffer.concat([Buffer.from('{"openapi": "3.0.3", "x": "'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]))));
    expect(overlong.exitCode).toBe(ExitCode.parse);
    expect(overlong.message).toMatch(/not UTF-8 \(invalid byte 0xc0 at offset 27\)/);
  });

  it('refuses YAML whose nested aliases expand past 10 million values (exit 4), before expanding them', async () => {
    // 9 levels of 10 aliases each: 664 bytes of text, 10^9 values once expanded.
    let yaml = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) yaml += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    yaml += 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-bomb: *a9\n';
    const err = await rejection(loadSpec(file('bomb.yaml', yaml)));
    expect(err.exitCode).toBe(ExitCode.parse);
    expect(err.message).toMatch(/YAML aliases expand to more than 10,000,000 values/);
    // Ordinary anchors and aliases (shared parameter lists, say) still load.
    const shared = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\nx-common: &common {type: string}\npaths: {}\ncomponents: {schemas: {A: *common, B: *common}}\n';
    expect((await loadSpec(file('anchors.yaml', shared))).doc.components).toEqual({ schemas: { A: { type: 'string' }, B: { type: 'string' } } });
  });

  it('a directory given as a spec says so (exit 3)', async () => {
    const sub = join(dir, 'specs');
    mkdirSync(sub);
    const err = await rejection(loadSpec(sub));
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toBe(`${sub} is a directory, not a spec file`);
  });

  it('a device given as a spec says so (exit 3) and is never read', async () => {
    const err = await rejection(loadSpec('/dev/zero'));
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toBe('/dev/zero is a device or socket, not a spec file');
  });

  it('a named pipe (bash <(…)) is read like stdin, bounded by --max-bytes', async () => {
    const fifo = join(dir, 'spec.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = import('node:fs/promises').then((fs) => fs.writeFile(fifo, tiny));
    expect((await loadSpec(fifo)).doc.openapi).toBe('3.0.3');
    await writer;
    const endless = join(dir, 'endless.fifo');
    execFileSync('mkfifo', [endless]);
    const feeder = import('node:fs').then(({ createWriteStream }) => {
      const out = createWriteStream(endless);
      out.on('error', () => undefined); // the reader goes away at the limit
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (out.write(chunk));
      };
      out.on('drain', pump);
      pump();
      return out;
    });
    const err = await rejection(loadSpec(endless, { maxBytes: 1024 * 1024 }));
    (await feeder).destroy();
    expect(err.exitCode).toBe(ExitCode.sourceNotFound);
    expect(err.message).toBe(`${endless}: larger than 1048576 bytes (--max-bytes)`);
  });

  it('a file, stdin or cmd: output larger than --max-bytes is refused with one line', async () => {
    const big = file('big.json', tiny.padEnd(5000, ' '));
    const fileErr = await rejection(loadSpec(big, { maxBytes: 4096 }));
    expect(fileErr.exitCode).toBe(ExitCode.sourceNotFound);
    expect(fileErr.message).toBe(`${big}: larger than 4096 bytes (--max-bytes)`);
    expect((await loadSpec(big, { maxBytes: 5000 })).doc.openapi).toBe('3.0.3');

    const endless = new Readable({ read() { this.push(Buffer.alloc(65536, 0x20)); } });
    const stdinErr = await rejection(loadSpec('-', { stdin: endless, maxBytes: 1024 * 1024 }));
    expect(stdinErr.exitCode).toBe(ExitCode.sourceNotFound);
    expect(stdinErr.message).toBe('<stdin>: larger than 1048576 bytes (--max-bytes)');
    expect(endless.destroyed).toBe(true);

    const cmdErr = await rejection(loadSpec('cmd:yes', { maxBytes: 1024 * 1024, noCache: true, cacheDir: join(dir, 'cache') }));
    expect(cmdErr.exitCode).toBe(ExitCode.command);
    expect(cmdErr.message).toBe('cmd:yes: printed more than 1048576 bytes (--max-bytes); killed');
  });

  it('a malformed config is a config error (exit 9), like an invalid one', () => {
    const path = file('specdrift.config.json', '{ "versions": ');
    expect(() => loadConfig(path)).toThrow(expect.objectContaining({ exitCode: ExitCode.config }));
  });
});

describe('URL bodies are capped', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/endless') {
        // Sends until the client goes away; bounded by the client's cap (and by 64 MiB here, whatever happens).
        let sent = 0;
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (sent < 64 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
          if (sent >= 64 * 1024 * 1024) res.end();
        };
        res.on('drain', () => {
          sent += chunk.length;
          pump();
        });
        res.on('close', () => res.removeAllListeners('drain'));
        res.write('{"openapi": "3.0.3", "x": "');
        pump();
      } else res.end(tiny);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('stops reading at --max-bytes with one line (exit 5); a small spec still loads', async () => {
    const err = await rejection(loadSpec(`${base}/endless`, { maxBytes: 1024 * 1024 }));
    expect(err.exitCode).toBe(ExitCode.network);
    expect(err.message).toBe(`${base}/endless: the body is larger than 1048576 bytes`);
    expect((await loadSpec(`${base}/small`, { maxBytes: 1024 })).doc.openapi).toBe('3.0.3');
    const r = await cliAsync(['fetch', `${base}/small`, '--max-bytes', '-3']);
    expect(r.code).toBe(ExitCode.usage);
    expect(r.stderr).toMatch(/--max-bytes must be a positive whole number/);
  });
});

describe('nesting deeper than the stack', () => {
  it('an allOf/$ref chain thousands deep is the input\'s exit code (4) with one line, not an internal error', async () => {
    const schemas: Record<string, object> = {};
    for (let i = 0; i < 3000; i++) schemas[`A${i}`] = { allOf: [{ $ref: `#/components/schemas/A${i + 1}` }], properties: { [`p${i}`]: { type: 'string' } } };
    const spec = (type: string) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/x': { get: { responses: { 200: { description: 'd', content: { 'application/json': { schema: { $ref: '#/components/schemas/A0' } } } } } } } },
      components: { schemas: { ...schemas, A3000: { type: 'object', properties: { z: { type } } } } },
    });
    const r = await cliAsync(['diff', file('chain-a.json', JSON.stringify(spec('string'))), file('chain-b.json', JSON.stringify(spec('integer')))]);
    expect(r.code).toBe(ExitCode.parse);
    // Refused up front by the depth limit (A82 sits at level 256; --max-depth, docs/security.md), before any walker.
    expect(r.stderr).toMatch(/^specdrift: \S+chain-a\.json: nests deeper than 256 levels at #\/components\/schemas\/A82\/allOf \(through 83 \$refs\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
