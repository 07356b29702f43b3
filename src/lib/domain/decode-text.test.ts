import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText } from './decode-text';

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM8 = [0xef, 0xbb, 0xbf];

function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from({ length: s.length }, (_, i) => s.charCodeAt(i))];
  const out = new Uint8Array(units.length * 2);
  units.forEach((u, i) => {
    out[i * 2 + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[i * 2 + (endian === 'le' ? 1 : 0)] = u >> 8;
  });
  return out;
}

/** "café;crème brûlée" as Latin-1 / Windows-1252 writes it: one byte a letter. */
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('decodeText', () => {
  it('reads UTF-8, with or without its byte order mark, as UTF-8', () => {
    expect(decodeText(utf8('café;crème brûlée'))).toEqual({ text: 'café;crème brûlée', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([...BOM8, ...utf8('Zürich,Bern')]))).toEqual({
      text: 'Zürich,Bern',
      encoding: 'utf-8'
    });
  });

  it('reads a short Latin-1 CSV as Windows-1252 instead of losing its accents', () => {
    expect(decodeText(latin1('café;crème brûlée\n'))).toEqual({
      text: 'café;crème brûlée\n',
      encoding: 'windows-1252'
    });
    // The bytes Latin-1 leaves to control codes are Windows-1252's letters and signs (Excel's "CSV").
    expect(decodeText(new Uint8Array([0x80, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x9c]))).toEqual({
      text: '€ “ok” œ',
      encoding: 'windows-1252'
    });
  });

  it('reads UTF-16 by its byte order mark, either way round', () => {
    expect(decodeText(utf16('France\tParis\n', 'le', true))).toEqual({ text: 'France\tParis\n', encoding: 'utf-16le' });
    expect(decodeText(utf16('Perú\tLima', 'be', true))).toEqual({ text: 'Perú\tLima', encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte order mark by its zero bytes', () => {
    expect(decodeText(utf16('front,back\nchâteau,castle', 'le', false))).toEqual({
      text: 'front,back\nchâteau,castle',
      encoding: 'utf-16le'
    });
    expect(decodeText(utf16('Köln;Cologne', 'be', false))).toEqual({ text: 'Köln;Cologne', encoding: 'utf-16be' });
  });

  it('does not take a binary file for UTF-16: zeros on both sides keep their NULs, which imports refuse', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const read = decodeText(png);
    expect(read.encoding).toBe('windows-1252');
    expect(read.text).toContain('\u0000');
  });

  it('takes an ArrayBuffer as well as bytes', () => {
    expect(decodeText(utf8('a,b').buffer as ArrayBuffer)).toEqual({ text: 'a,b', encoding: 'utf-8' });
  });

  it('round-trips any text written as UTF-8 (with or without BOM) or UTF-16 with a BOM', () => {
    // Lone surrogates cannot be written in UTF-8 or read back from UTF-16 strictly: whole code points only.
    const anyText = fc.string({ unit: 'grapheme', maxLength: 200 });
    fc.assert(
      fc.property(anyText, (s) => {
        // Without a mark, a text starting with U+FEFF reads as marked, and NULs (never in a text file) as UTF-16.
        if (!s.startsWith('\uFEFF') && !s.includes('\u0000'))
          expect(decodeText(utf8(s))).toEqual({ text: s, encoding: 'utf-8' });
        expect(decodeText(new Uint8Array([...BOM8, ...utf8(s)]))).toEqual({ text: s, encoding: 'utf-8' });
        expect(decodeText(utf16(s, 'le', true))).toEqual({ text: s, encoding: 'utf-16le' });
        expect(decodeText(utf16(s, 'be', true))).toEqual({ text: s, encoding: 'utf-16be' });
      }),
      { numRuns: 500 }
    );
  });
});
