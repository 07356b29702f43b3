import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { deckOf, problemsOf, sides, skippedOf, where } from './test-helpers';

const csv = (text: string, fileName = 'deck.csv') => parseImport({ text, fileName });

describe('CSV and TSV import', () => {
  it('reads front, back and one tag per further column', () => {
    const deck = deckOf(csv('France,Paris,europe,capitals\nPeru,Lima\n'));
    expect(sides(deck)).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima']
    ]);
    expect(deck.cards.map((c) => c.tags)).toEqual([['europe', 'capitals'], undefined]);
    expect(deck.cards.every((c) => c.type === 'basic')).toBe(true);
  });

  it.each([
    ['front,back', 'France,Paris'],
    ['term,definition', 'France,Paris'],
    ['Question,Answer', 'France,Paris'],
    ['Front,Back,Tags', 'France,Paris,europe'],
    ['"FRONT","BACK"', 'France,Paris'],
    [' Term , Definition ', 'France,Paris']
  ])('takes the header row %j as column names', (header, row) => {
    const result = csv(`${header}\n${row}\n`);
    expect(sides(deckOf(result))).toEqual([['France', 'Paris']]);
    expect(result.warnings.map(where)).toEqual([expect.stringMatching(/^1:1 The first line .* column names/)]);
  });

  it('keeps a first row that is not a header as a card', () => {
    const result = csv('France,Paris\nfront,back\n');
    expect(sides(deckOf(result))).toEqual([
      ['France', 'Paris'],
      ['front', 'back']
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('with a header, reads tags only from columns named "tags" and says which columns it leaves out', () => {
    const result = csv('Front,Back,Notes,Tags\nFrance,Paris,big city,europe\n');
    expect(deckOf(result).cards[0].tags).toEqual(['europe']);
    expect(result.warnings.map(where)).toContainEqual(
      '1:12 The column "Notes" is not imported: only front, back and tags are.'
    );
  });

  it('with a header, leaves out columns past the named ones and says so once', () => {
    const result = csv('front,back\nFrance,Paris,europe\nPeru,Lima,americas\n');
    expect(deckOf(result).cards.map((c) => c.tags)).toEqual([undefined, undefined]);
    expect(result.warnings.map(where)).toContain('2:14 Columns without a name in the first line are not imported.');
  });

  it('reads quoted fields holding commas, quote marks and line breaks', () => {
    const deck = deckOf(csv('"Peru, capital","He said ""Lima""\nand left"\nKenya,Nairobi'));
    expect(sides(deck)).toEqual([
      ['Peru, capital', 'He said "Lima"\nand left'],
      ['Kenya', 'Nairobi']
    ]);
  });

  it('reads TSV with tabs, quotes included', () => {
    const deck = deckOf(parseImport({ text: 'France\tParis, city\teurope\n"a\tb"\tc\n', fileName: 'x.tsv' }));
    expect(sides(deck)).toEqual([
      ['France', 'Paris, city'],
      ['a\tb', 'c']
    ]);
  });

  it('reads a CSV saved with semicolons (Excel in many languages) and says so', () => {
    const result = csv('Front;Back\nFrance;Paris, city\n');
    expect(sides(deckOf(result))).toEqual([['France', 'Paris, city']]);
    expect(result.warnings.map(where)).toContain(
      '1:1 Columns are separated by a semicolon, not commas; the file is read that way.'
    );
  });

  it('skips blank lines and keeps line numbers right; a line that cannot be a card is left out, the rest imports', () => {
    const result = csv('\nFrance,Paris\n\n  \n,,\nPeru\n');
    expect(sides(deckOf(result))).toEqual([['France', 'Paris']]);
    expect(skippedOf(result)).toEqual([
      '6:1 This line has only one column; a card needs a front and a back separated by a comma.'
    ]);
  });

  it('reports an unclosed quote at the opening quote mark', () => {
    expect(problemsOf(csv('France,Paris\nPeru,"Lima\nKenya,Nairobi\n'))).toEqual([
      expect.stringMatching(/^2:6 This quoted text is never closed: add a " at its end\./)
    ]);
  });

  it('reports text after a closing quote mark', () => {
    expect(problemsOf(csv('France,Paris\n"Peru"x,Lima\n"Kenya",Nairobi\n'))[0]).toMatch(/^2:1 /);
  });

  it('reports empty fronts and backs where they are', () => {
    expect(problemsOf(csv('France,\n,Lima\n"  ",x'))).toEqual([
      '1:8 The back (column 2) is empty.',
      '2:1 The front (column 1) is empty.',
      '3:1 The front (column 1) is empty.'
    ]);
  });

  it('lists every row left out at once, in line order, and imports the good one', () => {
    const result = csv('a\nb,\nc,d\n,e\nf');
    expect(sides(deckOf(result))).toEqual([['c', 'd']]);
    expect(skippedOf(result).map((p) => p.split(' ')[0])).toEqual(['1:1', '2:3', '4:1', '5:1']);
  });

  it('trims spaces around fields and drops empty and repeated tags', () => {
    const deck = deckOf(csv(' France , Paris ,europe, ,europe\n'));
    expect(sides(deck)).toEqual([['France', 'Paris']]);
    expect(deck.cards[0].tags).toEqual(['europe']);
  });

  it('warns about a repeated front but keeps both cards with different ids', () => {
    const result = csv('France,Paris\nPeru,Lima\nFrance,Paris again\n');
    const deck = deckOf(result);
    expect(deck.cards.map((c) => c.id)).toEqual(['france-y6f35m', 'peru-8trcwz', 'france-y6f35m-2']);
    expect(result.warnings.map(where)).toEqual([
      '3:1 Same front (column 1) as the card on line 1; both cards are kept.'
    ]);
  });

  it('says when a file has only a header', () => {
    expect(problemsOf(csv('front,back\n'))).toEqual([
      '1:1 No cards found: no line has both a front (column 1) and a back (column 2).'
    ]);
  });
});
