/**
 * Checks on the whole text before any format reads it: size, binary data, emptiness, and the
 * clean-up every format shares (byte order mark, Windows and old Mac line endings).
 */
import { IMPORT_LIMITS } from './import-types';

const REPLACEMENT = '\uFFFD';

/** The text without a leading byte order mark, with every line ending written as "\n". */
export function cleanText(raw: string): string {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Why the text cannot be imported at all, or undefined when it can be read. */
export function refuseText(raw: string, size: number | undefined): string | undefined {
  const bytes = Math.max(size ?? 0, raw.length);
  if (bytes > IMPORT_LIMITS.maxBytes)
    return (
      `The file is too large (${megabytes(bytes)} MB); the limit is ${megabytes(IMPORT_LIMITS.maxBytes)} MB. ` +
      'Split it into smaller decks and import them one by one.'
    );
  if (looksLikeUtf16(raw))
    return (
      'This file is saved as UTF-16 text (Excel calls it "Unicode Text"), which cannot be read here. ' +
      'Save it as "CSV UTF-8" or as UTF-8 text and try again.'
    );
  if (looksBinary(raw))
    return (
      'This does not look like a text file (it holds binary data, like an image or an Excel .xlsx workbook). ' +
      'Save or export the deck as CSV or plain text and try again.'
    );
  if (cleanText(raw).trim() === '') return 'The file is empty: there is nothing to import.';
  return undefined;
}

/** Offset of the first character that could not be decoded, if any (a file not saved as UTF-8). */
export function undecodedAt(text: string): number {
  return text.indexOf(REPLACEMENT);
}

export const UNDECODED_WARNING =
  'Some characters could not be read and show as "\uFFFD": the file is probably not saved as UTF-8. ' +
  'Save it as UTF-8 (in Excel: "CSV UTF-8") and import it again, or fix those cards after importing.';

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 100 || Number.isInteger(mb) ? String(Math.round(mb)) : mb.toFixed(1);
}

/** UTF-16 decoded as UTF-8: a NUL after (or before) nearly every letter, always on the same side. */
function looksLikeUtf16(raw: string): boolean {
  const sample = raw.replace(/^(?:\uFFFD\uFFFD|\u00FF\u00FE|\u00FE\u00FF)/, '').slice(0, 4096);
  const nuls = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) === 0) nuls[i % 2]++;
  return sample.length >= 8 && Math.min(...nuls) === 0 && Math.max(...nuls) >= sample.length * 0.4;
}

/** NUL bytes, or a sample where more than a tenth of the characters are control codes or undecodable. */
function looksBinary(raw: string): boolean {
  if (raw.includes('\u0000')) return true;
  const sample = raw.slice(0, 65_536);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) odd++;
  }
  return odd > sample.length / 10;
}
