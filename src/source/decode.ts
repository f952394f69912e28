/**
 * Bytes → text for every source. Node's 'utf8' decoding silently turns bad bytes into U+FFFD, and a UTF-16
 * file then fails later as "top level is string": here each case gets its own line instead.
 */
import { isUtf8 } from 'node:buffer';
import { ExitCode, SpecdriftError } from '../errors.js';

export function decodeSpecBytes(bytes: Uint8Array, where: string): string {
  // A UTF-16 document with its byte-order mark: decode it (the BOM says what it is).
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  // UTF-16 without a BOM: every other byte of ASCII text is NUL.
  if (bytes.length >= 4 && (bytes[1] === 0 || bytes[0] === 0) && bytes.subarray(0, 64).filter((b) => b === 0).length >= Math.min(bytes.length, 64) / 3) {
    throw new SpecdriftError(`${where}: looks like UTF-16 without a byte-order mark`, ExitCode.parse, { hint: 'save the document as UTF-8' });
  }
  // Buffer decoding turns every invalid sequence into U+FFFD: only a text holding one (rare: bad bytes, or the
  // character written as such) pays for the isUtf8 check that tells the two apart (issue 12: ~60 ms on 10 MB).
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.includes('\uFFFD') && !isUtf8(bytes)) {
    const offset = firstInvalidUtf8(bytes);
    throw new SpecdriftError(`${where}: not UTF-8 (invalid byte 0x${bytes[offset]?.toString(16).padStart(2, '0')} at offset ${offset})`, ExitCode.parse, {
      hint: 'OpenAPI documents are UTF-8: convert it (e.g. iconv -f latin1 -t utf-8)',
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a UTF-8 byte-order mark is not part of the text
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (only on the error path). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return 0;
}
