import { plainText } from '../plain-text';
import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { deckOf, problemsOf, sides, skippedOf, where } from './test-helpers';

const anki = (text: string, fileName = 'notes.txt') => parseImport({ text, fileName });

describe("Anki's Notes in Plain Text", () => {
  it('is detected by its header lines and defaults to tabs', () => {
    const result = anki('#html:false\nFrance\tParis\n');
    expect(result.format).toBe('anki-text');
    expect(sides(deckOf(result))).toEqual([['France', 'Paris']]);
  });

  it.each([
    ['tab', '\t'],
    ['Comma', ','],
    ['semicolon', ';'],
    ['pipe', '|'],
    ['space', ' '],
    ['colon', ':'],
    ['@', '@'],
    [',', ',']
  ])('reads #separator:%s', (name, char) => {
    const deck = deckOf(anki(`#separator:${name}\nFrance${char}Paris\n"Peru${char}x"${char}Lima\n`));
    expect(sides(deck)).toEqual([
      ['France', 'Paris'],
      [`Peru${char}x`, 'Lima']
    ]);
  });

  it('refuses an unknown separator, naming the header line', () => {
    expect(problemsOf(anki('#html:true\n#separator:double tab\na\tb\n'))).toEqual([
      '2:1 Unknown separator "double tab": use tab, comma, semicolon, pipe, space, colon or a single character.'
    ]);
  });

  it('with #html:true keeps formatting as card text: bold, italics, underline, lists, links, line breaks', () => {
    const text =
      '#separator:tab\n#html:true\n' +
      'Caf&eacute; &amp; <b>th&eacute;</b>\tline 1<br>line 2<div>line 3</div><img src="x.png">\n' +
      '<script>alert(1)</script>&lt;b&gt;\t<a href="x" title="a>b">link</a>&nbsp;&#x41;&#66;&Omega;\n' +
      '<i>Three</i> <u>capitals</u>, <a href="https://example.org/eu">see</a>\t<ul><li>Paris</li><li><b>Rome</b></li></ul>\n' +
      '5*3 = 15 and snake_case\t<ol><li>one</li><li>two</li></ol>\n';
    const result = anki(text);
    expect(sides(deckOf(result))).toEqual([
      ['Café & **thé**', 'line 1\nline 2\nline 3'],
      ['\\<b>', 'link AB' + 'Ω'],
      ['*Three* ++capitals++, [see](https://example.org/eu)', '- Paris\n- **Rome**'],
      ['5\\*3 = 15 and snake_case', '1. one\n2. two']
    ]);
    // Escaped characters are shown as written.
    expect(plainText('\\<b>')).toBe('<b>');
    expect(result.warnings.map(where)).toEqual([
      '1:1 Pictures and sounds are not imported: they stay in Anki’s media folder. The text of those cards is imported; to bring them too, export an Anki Deck Package (.apkg) and import that.'
    ]);
  });

  it('with #html:false keeps the text as written: nothing in it is formatting', () => {
    const [[front, back]] = sides(deckOf(anki('#html:false\n<b>France</b>\t"A &amp; *B*\n- C"\n')));
    expect([plainText(front), plainText(back)]).toEqual(['<b>France</b>', 'A &amp; *B*\n- C']);
  });

  it('skips the guid, note type and deck columns and reads space-separated tags', () => {
    const text =
      '#separator:tab\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n' +
      'abc\tBasic\tGeo::Capitals\tFrance\tParis\teurope capitals\n' +
      'def\tBasic\tGeo::Capitals\tPeru\tLima\t\n';
    const deck = deckOf(anki(text, 'anki export.txt'));
    expect(sides(deck)).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima']
    ]);
    expect(deck.cards.map((c) => c.tags)).toEqual([['europe', 'capitals'], undefined]);
    expect(deck.title).toBe('Capitals'); // the one deck every note is in
    expect(deck.id).toBe('anki-export');
  });

  it('finds the tags column by name in #columns and adds #tags to every card', () => {
    const deck = deckOf(anki('#separator:comma\n#columns:Tags,Front,Back\n#tags:geo\nx y,France,Paris\n'));
    expect(sides(deck)).toEqual([['France', 'Paris']]);
    expect(deck.cards[0].tags).toEqual(['geo', 'x', 'y']);
  });

  it('uses #deck as the title unless the teacher chose one', () => {
    expect(deckOf(anki('#deck:Geography::World capitals\na\tb\n')).title).toBe('World capitals');
    expect(deckOf(parseImport({ text: '#deck:Geo\na\tb\n', title: 'Mine' })).title).toBe('Mine');
  });

  it('refuses a column header without a column number', () => {
    expect(problemsOf(anki('#separator:tab\n#tags column:last\na\tb\n'))).toEqual([
      '2:1 "#tags column" must be followed by a column number like 3, not "last".'
    ]);
  });

  it('warns once that fields after the second are left out', () => {
    const result = anki('#separator:tab\nFrance\tParis\tExtra 1\nPeru\tLima\tExtra 2\n');
    expect(sides(deckOf(result))).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima']
    ]);
    expect(result.warnings.map(where)).toEqual([
      '2:14 Only the first two fields of each note are imported; the others are left out.'
    ]);
  });

  it('skips comment lines, also between notes, and keeps line numbers right', () => {
    const result = anki('#separator:tab\n# a comment\nFrance\tParis\n#another\nPeru\t\n');
    expect(sides(deckOf(result))).toEqual([['France', 'Paris']]);
    expect(skippedOf(result)).toEqual(['5:6 The back (column 2) is empty.']);
  });

  it('reads a cloze note as a cloze card, even without a note type column', () => {
    const deck = deckOf(anki('#separator:tab\n{{c1::Paris}} is in {{c2::France::a country}}\t\n'));
    expect(deck.cards).toEqual([
      { id: expect.any(String), type: 'cloze', text: '{{Paris}} is in {{France::a country}}' }
    ]);
  });

  it('names the note with only one field', () => {
    expect(problemsOf(anki('#separator:tab\n#guid column:1\nabc\tFrance\n'))).toEqual([
      '3:1 This note has only one field; a card needs a front and a back.'
    ]);
  });

  it('warns about a header line it does not know', () => {
    const result = anki('#separator:tab\n#colour:blue\na\tb\n');
    expect(deckOf(result).cards).toHaveLength(1);
    expect(result.warnings.map(where)).toEqual(['2:1 The header line "#colour:blue" is not known; it is ignored.']);
  });
});
