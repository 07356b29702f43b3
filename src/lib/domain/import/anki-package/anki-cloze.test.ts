import { describe, expect, it } from 'vitest';
import { parseCloze } from '../../cloze';
import { convertClozeField } from './anki-cloze';

describe('Anki cloze fields as Factdeck cloze text', () => {
  it('writes each deletion in Factdeck syntax, hints kept, with the Anki numbers of each', () => {
    const field = convertClozeField('{{c1::Caracas}} became the capital in {{c2::1777::year}}');
    expect(field.text).toBe('{{Caracas}} became the capital in {{1777::year}}');
    expect(field.ordinals).toEqual([[1], [2]]);
    expect(parseCloze(field.text)).toMatchObject({ ok: true, deletions: 2 });
  });

  it('keeps the text order and records numbers used twice or several at once', () => {
    const field = convertClozeField('{{c2::b}} {{c1::a}} {{c2::c}} {{c1,3::d}}');
    expect(field.text).toBe('{{b}} {{a}} {{c}} {{d}}');
    expect(field.ordinals).toEqual([[2], [1], [2], [1, 3]]);
  });

  it('shows a nested deletion as part of the outer one', () => {
    const field = convertClozeField('{{c1::outer {{c2::inner::hint}} end}} after');
    expect(field.text).toBe('{{outer inner end}} after');
    expect(field.nested).toBe(true);
    expect(field.ordinals).toEqual([[1]]);
  });

  it('keeps formatting outside and inside deletions without a marker left open across one', () => {
    const field = convertClozeField('<b>The capital is {{c1::<i>Paris</i>}}</b>, on the {{c1::Seine::river}}');
    expect(field.text).toBe('**The capital is** {{*Paris*}}, on the {{Seine::river}}');
    expect(parseCloze(field.text).ok).toBe(true);
  });

  it('keeps a deletion never closed as text, as Anki shows it', () => {
    expect(convertClozeField('{{c1::open and }} {{c2::never closed').text).toBe('{{open and}} {{c2::never closed');
  });

  it("numbers media inside deletions after the field's own", () => {
    const field = convertClozeField('<img src="a.png"> is {{c1::<img src="b.png">}}');
    expect(field.media.map((m) => m.name)).toEqual(['a.png', 'b.png']);
    expect(field.text).toBe('\uE0100\uE011 is {{\uE0101\uE011}}');
  });

  it('puts a deletion on one line, however much white space its lines hold', () => {
    expect(convertClozeField('{{c1::one<br> <br>two<div>three</div>}}').text).toBe('{{one two three}}');
    // An em space is white space a browser does not collapse.
    const em = '\u2003'.repeat(300_000);
    expect(convertClozeField(`{{c1::a<br>b${em}c}}`).text).toBe(`{{a b${em}c}}`);
  });
});
