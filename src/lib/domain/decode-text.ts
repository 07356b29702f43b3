/**
 * The one way a file's bytes become text (imports and backups): a byte order mark decides; else
 * UTF-16 is recognised by its zero bytes; else valid UTF-8 is UTF-8; anything else is read as
 * Windows-1252 (a superset of Latin-1, what Excel and Notepad save in Western Europe), which every
 * byte decodes in, so the caller can show what it read and say which encoding it assumed.
 */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  /** The text, without its byte order mark. */
  text: string;
  encoding: TextEncodingName;
}

/** How many bytes are looked at to recognise UTF-16 without a byte order mark. */
const SAMPLE = 4096;

export function decodeText(input: Uint8Array | ArrayBuffer): DecodedText {
  const bytes = ArrayBuffer.isView(input) ? input : new Uint8Array(input);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const read = strict(bytes, utf16);
    if (read !== null) return { text: read, encoding: utf16 };
  }
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return decode(bytes, 'windows-1252');
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): DecodedText {
  // ignoreBOM: the mark was taken off above; one more after it is part of the text.
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return { text: encoding === 'windows-1252' ? fixC1(text) : text, encoding };
}

/**
 * Bytes 0x80 to 0x9F in Windows-1252, from U+0080 on. Browsers decode them so already; Node before
 * 22 decodes "windows-1252" as ISO-8859-1 and leaves them control codes, so they are mapped here.
 */
const C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80]);
}

function strict(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Text in a Latin script saved as UTF-16 has a zero byte in nearly every other place, always on the
 * same side (after each letter in little-endian, before it in big-endian); a binary file has zeros
 * on both sides or few.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const end = Math.min(bytes.length, SAMPLE);
  const zeros = [0, 0];
  for (let i = 0; i < end; i++) if (bytes[i] === 0) zeros[i % 2]++;
  const pairs = end / 2;
  const [even, odd] = zeros;
  if (even === 0 && odd >= pairs * 0.4) return 'utf-16le';
  if (odd === 0 && even >= pairs * 0.4) return 'utf-16be';
  return null;
}
