/**
 * Checks on the whole text before any format reads it: size, binary data, emptiness, and the
 * clean-up every format shares (byte order mark, Windows and old Mac line endings).
 */
import type { ImportProblem } from '../problems';
import { IMPORT_LIMITS } from './import-types';

const REPLACEMENT = '\uFFFD';

/** The text without a leading byte order mark, with every line ending written as "\n". */
export function cleanText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Why the text cannot be imported at all, or undefined when it can be read. */
export function refuseText(raw: string, size: number | undefined): ImportProblem | undefined {
  const bytes = Math.max(size ?? 0, raw.length);
  if (bytes > IMPORT_LIMITS.maxBytes) return { code: 'too-large', bytes, limit: IMPORT_LIMITS.maxBytes };
  if (looksBinary(raw)) return { code: 'binary' };
  if (cleanText(raw).trim() === '') return { code: 'empty' };
  return undefined;
}

/** Offset of the first character that could not be decoded, if any (a file not saved as UTF-8). */
export function undecodedAt(text: string): number {
  return text.indexOf(REPLACEMENT);
}

/**
 * NUL bytes, or a sample where more than a tenth of the characters are control codes (C1 ones too:
 * bytes Windows-1252 has no letter for) or undecodable.
 */
function looksBinary(raw: string): boolean {
  if (raw.includes('\u0000')) return true;
  const sample = raw.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0) || c === 0xfffd)
      odd++;
  }
  return odd > sample.length / 10;
}
